import type { DataSource } from 'typeorm';
import type { HashedFields } from '../audit-hash';

/**
 * Where a verifier reads the trail: connection details rather than a connection,
 * so a worker thread can open its own (connections cannot cross threads).
 */
export type TrailSource = { dialect: 'mysql'; url: string } | { dialect: 'sqlite'; path: string };

/** One audit record as stored; `at` is ISO 8601 text, as it is hashed. */
export interface TrailRow extends HashedFields {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export function trailSource(ds: DataSource): TrailSource {
  const o = ds.options;
  if (o.type === 'mysql') return { dialect: 'mysql', url: o.url! };
  if (o.type === 'better-sqlite3') return { dialect: 'sqlite', path: o.database };
  throw new Error(`audit verification does not read ${o.type}`);
}

const COLUMNS = `seq, instance_id AS instanceId, revision, at, actor_id AS actorId, actor_username AS actorUsername,
  actor_role AS actorRole, event, from_state AS fromState, to_state AS toState, comment, data,
  signature_meaning AS signatureMeaning, procedure_key AS procedureKey, procedure_version AS procedureVersion,
  prev_hash AS prevHash, hash`;

/**
 * Stored times as the hash has them: both dialects give 'YYYY-MM-DD HH:MM:SS.fff…'
 * (mysql2 with dateStrings: no Date is built per row), hashed to the millisecond.
 * The fallback repeats @satisflow/persistence's toDate rather than importing it:
 * that package would load TypeORM and Nest into every verification worker.
 */
function isoTime(at: string): string {
  if (at.length >= 23 && at[10] === ' ') return `${at.slice(0, 10)}T${at.slice(11, 23)}Z`;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(at) ? at : `${at.replace(' ', 'T')}Z`).toISOString();
}

/**
 * Pages of the records with afterSeq < seq ≤ toSeq, oldest first. The next page
 * is requested before this one is handed out, so the database reads while the
 * caller hashes.
 */
export async function* readTrail(source: TrailSource, afterSeq: number, toSeq: number, pageSize: number): AsyncGenerator<TrailRow[]> {
  const sql = `SELECT ${COLUMNS} FROM audit_records WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ${pageSize}`;
  let read: (after: number) => Promise<TrailRow[]>;
  let close: () => Promise<void>;
  if (source.dialect === 'mysql') {
    const { createConnection } = await import('mysql2/promise');
    const c = await createConnection({ uri: source.url, timezone: 'Z', dateStrings: true, supportBigNumbers: true });
    read = async (after) => (await c.query(sql, [after, toSeq]))[0] as TrailRow[];
    close = () => c.end();
  } else {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(source.path, { fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    const statement = db.prepare(sql);
    read = async (after) => statement.all(after, toSeq) as TrailRow[];
    close = async () => {
      db.close();
    };
  }
  try {
    let next: Promise<TrailRow[]> | undefined = read(afterSeq);
    while (next) {
      const rows: TrailRow[] = await next;
      next = rows.length === pageSize ? read(Number(rows[rows.length - 1].seq)) : undefined;
      for (const r of rows) {
        r.seq = Number(r.seq);
        r.revision = Number(r.revision);
        r.procedureVersion = Number(r.procedureVersion);
        r.at = isoTime(String(r.at));
      }
      yield rows;
    }
  } finally {
    await close();
  }
}
