import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { checkpointHash, GENESIS } from './audit-hash';
import { AppConfig } from '@satisflow/config';
import { toInt } from '@satisflow/persistence';
import { CheckpointRow, earliest, joinRanges, Problem, RangeResult, RangeTask, splitTrail } from './verify/range-check';
import { trailSource, TrailSource } from './verify/trail-source';
import { verifyRange } from './verify/verify-range';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  checkpoints: number;
  /** How many ranges were checked side by side (worker threads for a large trail). */
  ranges: number;
  head?: { seq: number; hash: string };
  firstBroken?: { seq: number; instanceId: string; reason: string };
}

/** The compiled worker; absent when running from TypeScript sources (ts-jest), where ranges run in this thread. */
const WORKER_FILE = join(__dirname, 'verify', 'verify-range.worker.js');
const HAS_WORKER = existsSync(WORKER_FILE);

function inWorker(source: TrailSource, task: RangeTask): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE);
    worker.once('message', (m: { result?: RangeResult; error?: string }) => {
      void worker.terminate();
      if (m.result) resolve(m.result);
      else reject(new Error(`audit verification worker: ${m.error}`));
    });
    worker.once('error', reject);
    worker.postMessage({ source, task });
  });
}

/**
 * Re-derives every hash and link of the trail, oldest first, in pages so a
 * million records need no more memory than one chain head per instance.
 *
 * Found: a changed record (hash differs), a removed, inserted or reordered one
 * (links or revisions out of step), the newest record of an instance removed
 * (the instance's stored head differs), an instance removed with its records
 * (a sealed checkpoint range no longer matches), and records of a sealed range
 * removed. What it cannot prove is in README ("Audit trail").
 */
@Injectable()
export class AuditVerifier {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {}

  async verify(): Promise<VerifyResult> {
    const checkpoints: (CheckpointRow & { prevHash: string; hash: string })[] = (
      await this.ds.query('SELECT seq, from_seq, to_seq, records, digest, prev_hash, hash FROM audit_checkpoints ORDER BY seq')
    ).map((c: Record<string, unknown>) => ({
      seq: toInt(c.seq),
      fromSeq: toInt(c.from_seq),
      toSeq: toInt(c.to_seq),
      records: toInt(c.records),
      digest: String(c.digest),
      prevHash: String(c.prev_hash),
      hash: String(c.hash),
    }));
    let problem: Problem | undefined;
    let prevCheckpoint = GENESIS;
    for (const c of checkpoints) {
      if (c.prevHash !== prevCheckpoint || checkpointHash(c.prevHash, c) !== c.hash) {
        problem = earliest(problem, { seq: c.fromSeq, instanceId: '', reason: `checkpoint ${c.seq} was altered or removed`, sealedTo: c.toSeq });
      }
      prevCheckpoint = c.hash;
    }

    // A large trail is split at checkpoint boundaries and checked by worker threads in parallel;
    // the ranges are then joined in order (each instance's chain across the cuts).
    // MIN and MAX are index lookups; COUNT(*) would read the whole trail once more on InnoDB
    const [{ min, max }] = await this.ds.query('SELECT MIN(seq) AS min, MAX(seq) AS max FROM audit_records');
    const top = Math.max(toInt(max ?? 0), checkpoints.at(-1)?.toSeq ?? 0);
    // below the threshold one thread is quicker than starting workers
    const parallel = top - toInt(min ?? 0) + 1 >= this.config.AUDIT_VERIFY_PARALLEL_FROM && HAS_WORKER;
    const tasks = splitTrail(top, checkpoints, parallel ? Math.min(availableParallelism(), 4) : 1);
    const source = trailSource(this.ds);
    const results = await Promise.all(tasks.map((task) => (parallel ? inWorker(source, task) : verifyRange(source, task))));
    const joined = joinRanges(results);
    problem = earliest(problem, joined.problem);

    const instances: { id: string; revision: unknown; audit_head: string }[] = await this.ds.query(
      'SELECT id, revision, audit_head FROM instances',
    );
    const heads = joined.heads;
    for (const i of instances) {
      const h = heads.get(i.id);
      if (!h) {
        problem = earliest(problem, { seq: 0, instanceId: i.id, reason: 'every record of this instance was removed' });
      } else if (h.hash !== i.audit_head || h.revision !== toInt(i.revision)) {
        problem = earliest(problem, { seq: h.seq, instanceId: i.id, reason: 'the newest record(s) of this instance were removed or the instance was altered' });
      }
      heads.delete(i.id);
    }
    for (const [instanceId, h] of heads) {
      problem = earliest(problem, { seq: h.seq, instanceId, reason: 'instance removed: its records remain but the instance does not' });
    }

    return {
      ok: !problem,
      checked: joined.checked,
      checkpoints: checkpoints.length,
      ranges: tasks.length,
      ...(joined.head ? { head: joined.head } : {}),
      ...(problem ? { firstBroken: { seq: problem.seq, instanceId: problem.instanceId, reason: problem.reason } } : {}),
    };
  }
}
