import { createHash } from 'node:crypto';

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
  at: Date;
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
    r.at.toISOString(),
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
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Digest of a range of records for a checkpoint: their (seq, hash) pairs in order. */
export function rangeDigest(records: Iterable<{ seq: number; hash: string }>): string {
  const h = createHash('sha256');
  for (const r of records) h.update(`${r.seq}:${r.hash}\n`);
  return h.digest('hex');
}

export function checkpointHash(prevHash: string, c: { fromSeq: number; toSeq: number; records: number; digest: string }): string {
  return createHash('sha256').update(JSON.stringify([prevHash, c.fromSeq, c.toSeq, c.records, c.digest])).digest('hex');
}
