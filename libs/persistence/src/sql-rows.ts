import type { Database, Statement as SqliteStatement } from 'better-sqlite3';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { markCommitted, takePendingBegin } from './transaction-boundaries';

/**
 * Plain prepared SQL for hot paths where building statements through TypeORM's
 * query builder costs more than the database work (the dispatch of a transition).
 * Identifiers are the snake_case column names of the migrations; `?` placeholders
 * work for both drivers. Must run inside a transaction (a manager with a query runner).
 */
function runner(m: EntityManager) {
  if (!m.queryRunner) throw new Error('raw SQL helpers need a transactional EntityManager');
  return m.queryRunner;
}

/** Rows of a SELECT (on MySQL with a pending START TRANSACTION in front, in the same round trip). */
export async function selectRows<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return (await selectRowSets(m, [{ sql, params }]))[0] as T[];
}

/**
 * Rows of several SELECTs, one set each: on MySQL in one round trip (with a pending
 * START TRANSACTION in front), on SQLite one by one in-process.
 */
export async function selectRowSets(m: EntityManager, statements: Statement[]): Promise<unknown[][]> {
  if (!isMysqlManager(m)) return statements.map((s) => onSqlite(m, s, (prepared) => prepared.all(...s.params)));
  return (await oneRoundTrip(m, statements, false)) as unknown[][];
}

/** Runs a write and returns the number of rows it changed. */
export async function execute(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  if (!isMysqlManager(m)) return sqliteWrite(m, { sql, params });
  return (await runner(m).query(sql, params, true)).affected ?? 0;
}

export function isMysqlManager(m: EntityManager): boolean {
  const type = m.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/** A time as the column expects it: mysql2 takes Date (UTC session); SQLite keeps TypeORM's UTC text. */
export function dbTime(m: EntityManager, d: Date): Date | string {
  return isMysqlManager(m) ? d : d.toISOString().slice(0, 23).replace('T', ' ');
}

/** Raw rows come back as Date on MySQL and as 'YYYY-MM-DD HH:MM:SS.SSS' (UTC) text on SQLite. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const s = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

export function toInt(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Runs writes in order and returns the rows each changed. On MySQL they travel
 * in one round trip, with COMMIT behind when the caller says these are its unit's
 * last statements (`endsTransaction`): a failing statement stops the batch before
 * it, and the unit rolls back.
 * SQLite runs them one by one in-process, where a round trip costs nothing, and
 * leaves COMMIT to the transaction runner (queued units share it).
 */
export async function executeAll(m: EntityManager, statements: Statement[], opts: { endsTransaction?: boolean } = {}): Promise<number[]> {
  if (isMysqlManager(m)) {
    const headers = (await oneRoundTrip(m, statements, opts.endsTransaction === true)) as { affectedRows?: number }[];
    return headers.map((h) => h.affectedRows ?? 0);
  }
  return statements.map((s) => sqliteWrite(m, s));
}

function sqliteWrite(m: EntityManager, s: Statement): number {
  return onSqlite(m, s, (prepared) => prepared.run(...s.params).changes);
}

/** Prepared statements by SQL text, per better-sqlite3 connection (the hot path's SQL is a small fixed set). */
const sqliteStatements = new WeakMap<Database, Map<string, SqliteStatement>>();
const SQLITE_STATEMENTS_KEPT = 200;

/**
 * Runs a statement on the better-sqlite3 connection itself, prepared once, not through
 * TypeORM's query(): its logger and subscriber broadcasts, clock readings and awaits cost
 * more per statement than SQLite's work on these small statements. Inside the unit's
 * transaction all the same (the one connection is the runner's). Failures are TypeORM's
 * QueryFailedError, as from query().
 */
function onSqlite<T>(m: EntityManager, s: Statement, use: (prepared: SqliteStatement) => T): T {
  runner(m); // inside a unit's transaction only, as on MySQL
  const db = (m.connection.driver as unknown as { databaseConnection: Database }).databaseConnection;
  let cache = sqliteStatements.get(db);
  if (!cache) sqliteStatements.set(db, (cache = new Map()));
  try {
    let prepared = cache.get(s.sql);
    if (!prepared) {
      prepared = db.prepare(s.sql);
      cache.set(s.sql, prepared);
      if (cache.size > SQLITE_STATEMENTS_KEPT) cache.delete(cache.keys().next().value!);
    }
    return use(prepared);
  } catch (error) {
    throw new QueryFailedError(s.sql, s.params, error as Error);
  }
}

/**
 * MySQL: the statements in one round trip (the pool allows multiple statements; every
 * value is still a bound parameter), with a pending START TRANSACTION in front and,
 * when `commit`, COMMIT behind. Returns each statement's own result, in order: its rows,
 * or a write's header.
 */
async function oneRoundTrip(m: EntityManager, statements: Statement[], commit: boolean): Promise<unknown[]> {
  const r = runner(m);
  const begin = takePendingBegin(r);
  const sql = [...(begin ? ['START TRANSACTION'] : []), ...statements.map((s) => s.sql), ...(commit ? ['COMMIT'] : [])];
  if (sql.length === 0) return [];
  const { raw } = await r.query(sql.join(';\n'), statements.flatMap((s) => s.params), true);
  if (commit) markCommitted(r);
  const results = sql.length === 1 ? [raw] : (raw as unknown[]);
  const first = begin ? 1 : 0;
  return results.slice(first, first + statements.length);
}
