import { createHash, hash } from 'node:crypto';

/** The chain's starting value: the prev_hash of an instance's first record. */
export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level, so equal data always hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Everything a record asserts; the hash covers all of it plus the previous hash. */
export interface HashedFields {
  instanceId: string;
  revision: number;
  /** A Date, or its ISO 8601 text (what is hashed) when the caller already has it. */
  at: Date | string;
  actorId: string | null;
  actorUsername: string;
  actorRole: string | null;
  event: string;
  fromState: string | null;
  toState: string;
  comment: string | null;
  data: string | null;
  signatureMeaning: string | null;
  procedureKey: string;
  procedureVersion: number;
}

export function recordHash(prevHash: string, r: HashedFields): string {
  const fields = [
    prevHash,
    r.instanceId,
    r.revision,
    typeof r.at === 'string' ? r.at : r.at.toISOString(),
    r.actorId,
    r.actorUsername,
    r.actorRole,
    r.event,
    r.fromState,
    r.toState,
    r.comment,
    r.data,
    r.signatureMeaning,
    r.procedureKey,
    r.procedureVersion,
  ];
  // one-shot hash: no Hash object per record (a fifth quicker over a million records)
  return hash('sha256', JSON.stringify(fields), 'hex');
}

/** Digest of a range of records for a checkpoint, fed one record at a time (bounded memory). */
export class RangeDigest {
  private readonly hash = createHash('sha256');
  records = 0;
  firstSeq?: number;

  add(seq: number, hash: string): void {
    this.hash.update(`${seq}:${hash}\n`);
    this.firstSeq ??= seq;
    this.records++;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Digest of a range of records for a checkpoint: their (seq, hash) pairs in order. */
export function rangeDigest(records: Iterable<{ seq: number; hash: string }>): string {
  const d = new RangeDigest();
  for (const r of records) d.add(r.seq, r.hash);
  return d.digest();
}

export function checkpointHash(prevHash: string, c: { fromSeq: number; toSeq: number; records: number; digest: string }): string {
  return createHash('sha256').update(JSON.stringify([prevHash, c.fromSeq, c.toSeq, c.records, c.digest])).digest('hex');
}
