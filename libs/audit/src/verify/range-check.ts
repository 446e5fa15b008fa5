import { GENESIS, RangeDigest, recordHash } from '../audit-hash';
import type { TrailRow } from './trail-source';

export interface Problem {
  seq: number;
  instanceId: string;
  reason: string;
  /** For a sealed range that no longer matches (seq is its first record): the range's last seq. */
  sealedTo?: number;
}

export interface CheckpointRow {
  seq: number;
  fromSeq: number;
  toSeq: number;
  records: number;
  digest: string;
}

/** A part of the trail one thread verifies: afterSeq < seq ≤ toSeq, with the checkpoints that lie wholly inside. */
export interface RangeTask {
  afterSeq: number;
  toSeq: number;
  checkpoints: CheckpointRow[];
}

/** An instance's first record in a range (its link to the previous range is checked when ranges are joined). */
export interface ChainStart {
  seq: number;
  revision: number;
  prevHash: string;
}

/** An instance's newest record in a range. */
export interface ChainEnd {
  seq: number;
  revision: number;
  hash: string;
}

export interface RangeResult {
  checked: number;
  problem?: Problem;
  starts: [string, ChainStart][];
  ends: [string, ChainEnd][];
  head?: { seq: number; hash: string };
}

/**
 * Keeps the problem to report: the one with the lowest seq (the earliest found among
 * equals), except that a problem naming an instance's record inside a sealed range that
 * no longer matches explains that mismatch, so it is reported instead of the range.
 */
export function earliest(a: Problem | undefined, b: Problem | undefined): Problem | undefined {
  if (!a || !b) return a ?? b;
  if (explains(b, a)) return b;
  if (explains(a, b)) return a;
  return b.seq < a.seq ? b : a;
}

function explains(p: Problem, range: Problem): boolean {
  return range.sealedTo !== undefined && p.sealedTo === undefined && p.instanceId !== '' && p.seq >= range.seq && p.seq <= range.sealedTo;
}

/**
 * Checks one range, record by record in seq order: each record's content against
 * its hash, each link to the instance's previous record in the range, and the
 * digest of every checkpoint of the range. Pure: no I/O, so a worker thread or
 * the caller's thread runs it alike.
 */
export class RangeCheck {
  private readonly starts = new Map<string, ChainStart>();
  private readonly ends = new Map<string, ChainEnd>();
  private problem?: Problem;
  private checked = 0;
  private last?: TrailRow;
  private cpIndex = 0;
  private cpRange = new RangeDigest();

  constructor(private readonly checkpoints: CheckpointRow[]) {}

  add(r: TrailRow): void {
    this.closeRangesBefore(r.seq);
    const cp = this.checkpoints[this.cpIndex];
    if (cp && r.seq >= cp.fromSeq) this.cpRange.add(r.seq, r.hash);
    const hash = recordHash(r.prevHash, r);
    const prior = this.ends.get(r.instanceId);
    if (hash !== r.hash) {
      this.report({ seq: r.seq, instanceId: r.instanceId, reason: 'record changed: its content no longer matches its hash' });
    } else if (prior && (r.prevHash !== prior.hash || r.revision !== prior.revision + 1)) {
      this.report({ seq: r.seq, instanceId: r.instanceId, reason: CHAIN_BROKEN });
    }
    // the instance's end moves in place: no object per record for the collector to sweep
    if (prior) {
      prior.seq = r.seq;
      prior.revision = r.revision;
      prior.hash = r.hash;
    } else {
      this.starts.set(r.instanceId, { seq: r.seq, revision: r.revision, prevHash: r.prevHash });
      this.ends.set(r.instanceId, { seq: r.seq, revision: r.revision, hash: r.hash });
    }
    this.last = r;
    this.checked++;
  }

  finish(): RangeResult {
    this.closeRangesBefore(Number.MAX_SAFE_INTEGER);
    return {
      checked: this.checked,
      ...(this.problem ? { problem: this.problem } : {}),
      starts: [...this.starts],
      ends: [...this.ends],
      ...(this.last ? { head: { seq: this.last.seq, hash: this.last.hash } } : {}),
    };
  }

  private report(p: Problem): void {
    this.problem = earliest(this.problem, p);
  }

  private closeRangesBefore(seq: number): void {
    while (this.cpIndex < this.checkpoints.length && this.checkpoints[this.cpIndex].toSeq < seq) {
      const c = this.checkpoints[this.cpIndex];
      if (this.cpRange.records !== c.records || this.cpRange.digest() !== c.digest) {
        this.report({
          seq: this.cpRange.firstSeq ?? c.fromSeq,
          instanceId: '',
          reason: `records sealed by checkpoint ${c.seq} (seq ${c.fromSeq}–${c.toSeq}) were removed, added or changed`,
          sealedTo: c.toSeq,
        });
      }
      this.cpRange = new RangeDigest();
      this.cpIndex++;
    }
  }
}

export const CHAIN_BROKEN = 'chain broken: a record of this instance before this one was removed, inserted or reordered';

/**
 * Joins the ranges' results in seq order: each instance's first record in a range
 * must link to its newest record in the ranges before (or to GENESIS at revision 1).
 * Returns every instance's newest record over the whole trail.
 */
export function joinRanges(results: RangeResult[]): { checked: number; problem?: Problem; heads: Map<string, ChainEnd>; head?: { seq: number; hash: string } } {
  const heads = new Map<string, ChainEnd>();
  let problem: Problem | undefined;
  let checked = 0;
  let head: { seq: number; hash: string } | undefined;
  for (const r of results) {
    problem = earliest(problem, r.problem);
    for (const [instanceId, start] of r.starts) {
      const prior = heads.get(instanceId);
      if (start.prevHash !== (prior?.hash ?? GENESIS) || start.revision !== (prior?.revision ?? 0) + 1) {
        problem = earliest(problem, { seq: start.seq, instanceId, reason: CHAIN_BROKEN });
      }
    }
    for (const [instanceId, end] of r.ends) heads.set(instanceId, end);
    checked += r.checked;
    head = r.head ?? head;
  }
  return { checked, ...(problem ? { problem } : {}), heads, ...(head ? { head } : {}) };
}

/**
 * Splits afterSeq < seq ≤ maxSeq into up to `parts` ranges of about equal width,
 * moving each cut to the end of a checkpoint that straddles it (a checkpoint's
 * digest is computed by one thread, in order).
 */
export function splitTrail(maxSeq: number, checkpoints: CheckpointRow[], parts: number): RangeTask[] {
  const cuts: number[] = [];
  for (let i = 1; i < parts; i++) {
    let cut = Math.floor((maxSeq * i) / parts);
    const straddling = checkpoints.find((c) => c.fromSeq <= cut && cut < c.toSeq);
    if (straddling) cut = straddling.toSeq;
    if (cut > (cuts.at(-1) ?? 0) && cut < maxSeq) cuts.push(cut);
  }
  const bounds = [0, ...cuts, Math.max(maxSeq, 0)];
  return bounds.slice(1).map((toSeq, i) => ({
    afterSeq: bounds[i],
    toSeq,
    checkpoints: checkpoints.filter((c) => c.fromSeq > bounds[i] && c.toSeq <= toSeq),
  }));
}
