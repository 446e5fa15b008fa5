import type { QueryRunner } from 'typeorm';

/**
 * On MySQL a unit of work's START TRANSACTION and COMMIT would each be a round trip
 * of their own: at one client they were two of the engine's four per transition.
 * Here they ride along instead: START TRANSACTION is sent in front of the unit's
 * first statement and COMMIT behind its last batch (sql-rows.ts), in the same
 * multi-statement round trip. TypeORM's own view of the runner (isTransactionActive,
 * transactionDepth) is kept exactly as startTransaction/commitTransaction leave it,
 * so everything else (rollback, nested savepoints, the entity manager) behaves as usual.
 */
type Tracked = QueryRunner & { transactionDepth: number; isTransactionActive: boolean };

const beginPending = new WeakSet<QueryRunner>();

/** Opens the transaction on the runner; the server hears of it with the first statement. */
export function beginWithFirstStatement(runner: QueryRunner): void {
  const r = runner as Tracked;
  r.isTransactionActive = true;
  r.transactionDepth = 1;
  beginPending.add(runner);
  // a statement sent through TypeORM's own API (not sql-rows.ts) gets the BEGIN as a round trip of its own
  r.query = async (...args: Parameters<QueryRunner['query']>) => {
    if (takePendingBegin(runner)) await runner.query('START TRANSACTION');
    return runner.query(...args);
  };
}

/** True when START TRANSACTION is still to be sent: the caller sends it ahead of its statements. */
export function takePendingBegin(runner: QueryRunner): boolean {
  if (!beginPending.delete(runner)) return false;
  delete (runner as Partial<Tracked>).query; // the prototype's query again
  return true;
}

/**
 * The statements just sent ended with COMMIT: the transaction is over. A statement
 * after it would run outside the unit (and a retried unit would repeat committed
 * work), so the runner refuses any.
 */
export function markCommitted(runner: QueryRunner): void {
  const r = runner as Tracked;
  r.isTransactionActive = false;
  r.transactionDepth = 0;
  r.query = () => Promise.reject(new Error('a statement after the unit of work committed with its last batch'));
}
