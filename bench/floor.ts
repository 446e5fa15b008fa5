import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { createPool } from 'mysql2/promise';
import type { Operation } from './measure';

/**
 * The floor the engine is measured against: the same row writes a transition
 * makes (instance update with a revision check, one audit insert) done directly
 * with the driver, no ORM, no machine, no checks. `op(w)` is one transition of
 * client w's own row.
 */
export interface Floor {
  op: Operation;
  close(): Promise<void>;
}

const SCHEMA = [
  'CREATE TABLE floor_instances (id VARCHAR(36) PRIMARY KEY, revision INT NOT NULL, snapshot TEXT NOT NULL)',
  'CREATE TABLE floor_audit (seq INTEGER PRIMARY KEY AUTO_INCREMENT, instance_id VARCHAR(36) NOT NULL, revision INT NOT NULL, body TEXT NOT NULL)',
];

/** On its own database file: a second connection to the engine's file would slow both. */
export function floorSqlite(file: string, concurrency: number): Floor {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const sql of SCHEMA) db.exec(sql.replace('AUTO_INCREMENT', 'AUTOINCREMENT'));
  const ids = Array.from({ length: concurrency }, () => randomUUID());
  const insert = db.prepare('INSERT INTO floor_instances VALUES (?, 1, ?)');
  ids.forEach((id) => insert.run(id, '{}'));
  const read = db.prepare('SELECT revision FROM floor_instances WHERE id = ?');
  const update = db.prepare('UPDATE floor_instances SET revision = revision + 1, snapshot = ? WHERE id = ? AND revision = ?');
  const audit = db.prepare('INSERT INTO floor_audit (instance_id, revision, body) VALUES (?, ?, ?)');
  const tx = db.transaction((id: string) => {
    const { revision } = read.get(id) as { revision: number };
    update.run('{"value":"planning"}', id, revision);
    audit.run(id, revision + 1, '{"event":"SUBMIT"}');
  });
  return {
    op: async (w) => {
      tx.immediate(ids[w]);
    },
    close: async () => {
      db.close();
    },
  };
}

export async function floorMysql(url: string, concurrency: number): Promise<Floor> {
  const pool = createPool({ uri: url, connectionLimit: concurrency });
  for (const sql of SCHEMA) await pool.query(sql.replace('seq INTEGER', 'seq INT'));
  const ids = Array.from({ length: concurrency }, () => randomUUID());
  for (const id of ids) await pool.query('INSERT INTO floor_instances VALUES (?, 1, ?)', [id, '{}']);
  return {
    op: async (w) => {
      const c = await pool.getConnection();
      try {
        await c.query('START TRANSACTION');
        const [[row]] = (await c.query('SELECT revision FROM floor_instances WHERE id = ?', [ids[w]])) as unknown as [{ revision: number }[]];
        await c.query('UPDATE floor_instances SET revision = revision + 1, snapshot = ? WHERE id = ? AND revision = ?', ['{"value":"planning"}', ids[w], row.revision]);
        await c.query('INSERT INTO floor_audit (instance_id, revision, body) VALUES (?, ?, ?)', [ids[w], row.revision + 1, '{"event":"SUBMIT"}']);
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}
