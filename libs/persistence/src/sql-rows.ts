import type { EntityManager } from 'typeorm';

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

/** Rows of a SELECT. */
export async function selectRows<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return (await runner(m).query(sql, params, true)).records as T[];
}

/** Runs a write and returns the number of rows it changed. */
export async function execute(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
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
 * in one round trip (the pool allows multiple statements; every value is still
 * a bound parameter); SQLite runs them one by one in-process, where a round trip
 * costs nothing. A failing statement fails the whole call; the caller's
 * transaction then rolls back whatever ran before it.
 */
export async function executeAll(m: EntityManager, statements: Statement[]): Promise<number[]> {
  if (statements.length === 0) return [];
  if (isMysqlManager(m) && statements.length > 1) {
    const result = await runner(m).query(statements.map((s) => s.sql).join(';\n'), statements.flatMap((s) => s.params), true);
    return (result.records as { affectedRows?: number }[]).map((r) => r.affectedRows ?? 0);
  }
  const changed: number[] = [];
  for (const s of statements) changed.push(await execute(m, s.sql, s.params));
  return changed;
}
