import type { Ack } from './proc-load';
import type { RawDb } from './proc-db';

interface Row {
  [column: string]: unknown;
}

/**
 * Everything a crash, a second process or an outage could have broken, read
 * straight from the tables. Returns the problems found (empty = intact) so a
 * failing test names each one.
 */
export async function integrityProblems(db: RawDb, acks: Ack[]): Promise<string[]> {
  const problems: string[] = [];
  const list = (label: string, rows: Row[]) => rows.forEach((r) => problems.push(`${label}: ${JSON.stringify(r)}`));

  // every acknowledged transition is in its instance's history exactly once, as acknowledged
  const records = await db.query<{ instance_id: string; revision: number; event: string }>('SELECT instance_id, revision, event FROM audit_records');
  const byKey = new Map<string, string[]>();
  for (const r of records) {
    const key = `${r.instance_id}@${Number(r.revision)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r.event]);
  }
  for (const a of acks) {
    const found = byKey.get(`${a.instanceId}@${a.revision}`) ?? [];
    if (found.length !== 1 || found[0] !== a.event) problems.push(`acknowledged ${a.event} ${a.instanceId}@${a.revision} found as ${JSON.stringify(found)}`);
  }
  for (const [key, events] of byKey) if (events.length > 1) problems.push(`revision ${key} recorded ${events.length} times`);

  // no half-written instance: revision, history and head agree; the open task and timer belong to the current state
  list(
    'instance whose revision is not its history count',
    await db.query(
      `SELECT i.id, i.revision, COUNT(a.seq) AS records, MAX(a.revision) AS newest FROM instances i LEFT JOIN audit_records a ON a.instance_id = i.id
       GROUP BY i.id, i.revision HAVING COUNT(a.seq) <> i.revision OR MAX(a.revision) <> i.revision`,
    ),
  );
  list(
    'instance whose state or head is not its newest record',
    await db.query(
      `SELECT i.id, i.state, a.to_state FROM instances i JOIN audit_records a ON a.instance_id = i.id AND a.revision = i.revision
       WHERE a.to_state <> i.state OR a.hash <> i.audit_head`,
    ),
  );
  list('history without an instance', await db.query('SELECT DISTINCT a.instance_id FROM audit_records a LEFT JOIN instances i ON i.id = a.instance_id WHERE i.id IS NULL'));
  list(
    'active instance without exactly one open task for its state',
    await db.query(
      `SELECT i.id, i.state, COUNT(t.id) AS tasks FROM instances i LEFT JOIN tasks t ON t.instance_id = i.id AND t.state = i.state
       WHERE i.status = 'active' GROUP BY i.id, i.state HAVING COUNT(t.id) <> 1`,
    ),
  );
  list('task of another state or a closed instance', await db.query(`SELECT t.id, t.instance_id FROM tasks t JOIN instances i ON i.id = t.instance_id WHERE t.state <> i.state OR i.status <> 'active'`));
  list('timer of another state or a closed instance', await db.query(`SELECT t.id, t.instance_id FROM timers t LEFT JOIN instances i ON i.id = t.instance_id WHERE i.id IS NULL OR t.state <> i.state OR i.status <> 'active'`));
  list('instance with two timers', await db.query('SELECT instance_id, COUNT(*) AS n FROM timers GROUP BY instance_id HAVING COUNT(*) > 1'));

  // side effects: none failed or left behind, each notification performed exactly once
  list('outbox row not done', await db.query(`SELECT id, kind, status, last_error FROM outbox WHERE status <> 'done'`));
  list(
    'notify row not performed exactly once',
    await db.query(
      `SELECT o.id, COUNT(n.id) AS notifications FROM outbox o LEFT JOIN notifications n ON n.outbox_id = o.id
       WHERE o.kind = 'notify' GROUP BY o.id HAVING COUNT(n.id) <> 1`,
    ),
  );
  list('effect asked for twice', await db.query('SELECT instance_id, effect_key, COUNT(*) AS n FROM outbox GROUP BY instance_id, effect_key HAVING COUNT(*) > 1'));
  return problems;
}

/** A datetime column as either driver returns it (mysql2: Date; better-sqlite3: UTC text). */
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`);
}

/** Polls until no timer is due at `now` and no outbox row is pending (the worker caught up). */
export async function drained(db: RawDb, now: Date, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const timers = await db.query<{ due_at: unknown }>('SELECT due_at FROM timers');
    const due = timers.filter((t) => toDate(t.due_at) <= now).length;
    const [{ n: pending }] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`);
    if (due === 0 && Number(pending) === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timers or outbox rows still waiting after ${timeoutMs} ms`);
}
