import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';

/** Plain SQL on a test database of either dialect, for checks the HTTP API does not expose (timers, outbox). */
export interface RawDb {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Opens the database that `env` (DATABASE_URL or DATABASE_PATH) points at. */
export async function openRawDb(env: Record<string, string>): Promise<RawDb> {
  if (env.DATABASE_URL) {
    const c = await createConnection({ uri: env.DATABASE_URL, supportBigNumbers: true, bigNumberStrings: false, timezone: 'Z' });
    return {
      async query<T>(sql: string, params: unknown[] = []) {
        const [rows] = await c.query(sql, params);
        return rows as T[];
      },
      close: () => c.end(),
    };
  }
  const db = new Database(env.DATABASE_PATH, { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const statement = db.prepare(sql);
      // writes (tampering) return no rows, as on MySQL
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
    },
    async close() {
      db.close();
    },
  };
}

/** The test clock's offset as the processes share it (ClockSync keeps it in settings); 0 before any move. */
export async function testClockOffsetMs(db: RawDb): Promise<number> {
  const rows = await db.query<{ value: string }>("SELECT value FROM settings WHERE `key` = 'clock.offsetMs'");
  return rows.length ? Number(JSON.parse(rows[0].value)) : 0;
}
