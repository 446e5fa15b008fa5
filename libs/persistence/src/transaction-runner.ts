import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { beginWithFirstStatement } from './transaction-boundaries';
import { WalFlusher } from './wal-flusher';

const MYSQL_RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 5;
/** Units sharing one SQLite COMMIT at most (bounds how long the first waits for the last). */
const MAX_GROUP = 32;

interface Unit<T> {
  work: (manager: EntityManager) => Promise<T>;
  /** False for `read()`: its COMMIT wrote nothing to sync. */
  writes: boolean;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}
/** Pooled MySQL connections whose session already runs READ COMMITTED. */
const readCommittedSessions = new WeakSet<object>();

/**
 * Runs a unit of work in one transaction, the way each dialect needs it:
 * - SQLite: TypeORM shares a single connection, so writers are queued here
 *   (one at a time) instead of colliding inside that connection. Units that
 *   queued up while another ran share one COMMIT (group commit): each runs in
 *   its own savepoint, so a failing unit rolls back alone, and none is answered
 *   before the shared COMMIT. A COMMIT writes every dirty page to the WAL, which
 *   costs more than a transition's statements; sharing it is what lets SQLite
 *   keep up with concurrent users. After each COMMIT the WAL is synced to disk
 *   in the background (wal-flusher.ts).
 *
 * - MySQL/MariaDB: InnoDB may pick this transaction as a deadlock victim;
 *   the whole unit is retried with jittered back-off, which is safe because
 *   nothing was committed.
 * The work function must be free of side effects outside the manager (side
 * effects go to the outbox) because it may run more than once.
 */
@Injectable()
export class TransactionRunner implements OnApplicationShutdown {
  private readonly logger = new Logger(TransactionRunner.name);
  private readonly pending: Unit<unknown>[] = [];
  private draining = false;
  /** Callbacks a unit registered (afterCommit), by the manager it ran on, until its transaction ends. */
  private readonly onCommit = new WeakMap<EntityManager, (() => void)[]>();

  private readonly wal: WalFlusher | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const file = this.dialect === 'sqlite' ? String(dataSource.options.database) : undefined;
    this.wal = file && file !== ':memory:' ? new WalFlusher(`${file}-wal`) : undefined;
  }

  onApplicationShutdown(): void {
    this.wal?.close();
  }

  get dialect(): 'mysql' | 'sqlite' {
    return this.dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dialect === 'sqlite' ? this.serialised(work) : this.withRetry(work);
  }

  /**
   * A read that needs no transaction of its own: on MySQL one statement on a pooled
   * connection (no BEGIN/COMMIT round trips); on SQLite through the writers' queue,
   * because the one shared connection would otherwise see another unit's uncommitted rows.
   */
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') return this.serialised(work, false);
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs `callback` once the unit working on `m` has finished and its transaction has
   * committed; never if it rolls back. For what must not happen before others can see
   * the unit's rows (waking the worker for the outbox rows it wrote).
   */
  afterCommit(m: EntityManager, callback: () => void): void {
    const callbacks = this.onCommit.get(m);
    if (callbacks) callbacks.push(callback);
    else this.onCommit.set(m, [callback]);
  }

  /** After a COMMIT: `wrote`, the WAL has new pages to sync (a clean fdatasync still cost 75 µs here). */
  private committed(m: EntityManager, wrote = true): void {
    if (wrote) this.wal?.committed();
    const callbacks = this.onCommit.get(m) ?? [];
    this.onCommit.delete(m);
    for (const callback of callbacks) {
      try {
        callback();
      } catch (error) {
        this.logger.error(`after-commit callback failed: ${(error as Error).message}`);
      }
    }
  }

  private serialised<T>(work: (manager: EntityManager) => Promise<T>, writes = true): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, writes, resolve, reject } as Unit<unknown>);
      if (this.draining) return;
      // Start on the event loop's next turn, not now: clients answered by the previous COMMIT
      // send their next units together, and waiting one turn lets them share the next COMMIT
      // instead of the first going alone (engine c4 on SQLite 3,300 -> 4,500-4,900 transitions/s).
      this.draining = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) await this.group(this.pending.splice(0, MAX_GROUP));
    } finally {
      this.draining = false;
    }
  }

  /** One SQLite transaction for the queued units, a savepoint each (a lone unit needs none). */
  private async group(units: Unit<unknown>[]): Promise<void> {
    if (units.length === 1) {
      const [unit] = units;
      let manager: EntityManager | undefined;
      await this.dataSource
        .transaction((m) => {
          manager = m;
          return unit.work(m);
        })
        .then(
          (value) => {
            this.committed(manager!, unit.writes);
            unit.resolve(value);
          },
          (error: unknown) => {
            if (manager) this.onCommit.delete(manager);
            unit.reject(error);
          },
        );
      return;
    }
    const runner = this.dataSource.createQueryRunner();
    const done: [Unit<unknown>, unknown][] = [];
    try {
      await runner.startTransaction();
      for (const unit of units) {
        await runner.startTransaction(); // nested: a SAVEPOINT
        // the units share one manager: a unit rolled back to its savepoint takes back only its own callbacks
        const registered = this.onCommit.get(runner.manager)?.length ?? 0;
        try {
          const value = await unit.work(runner.manager);
          await runner.commitTransaction(); // RELEASE
          done.push([unit, value]);
        } catch (error) {
          await runner.rollbackTransaction(); // back to this unit's savepoint
          this.onCommit.get(runner.manager)?.splice(registered);
          unit.reject(error);
        }
      }
      await runner.commitTransaction();
      this.committed(runner.manager, units.some((unit) => unit.writes));
      for (const [unit, value] of done) unit.resolve(value);
    } catch (error) {
      this.onCommit.delete(runner.manager);
      await runner.rollbackTransaction().catch(() => undefined);
      // nothing of the group committed (a unit already refused keeps its own error: a promise settles once)
      for (const unit of units) unit.reject(error);
    } finally {
      await runner.release();
    }
  }

  private async withRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readCommitted(work);
      } catch (error) {
        const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
          (error as { code?: string }).code;
        if (!code || !MYSQL_RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
        this.logger.warn(`retrying transaction after ${code} (attempt ${attempt})`);
        await new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 10));
      }
    }
  }

  /**
   * One READ COMMITTED transaction. The level is set once per pooled connection
   * (SESSION) instead of before every transaction, which saves a round trip per unit
   * of work; START TRANSACTION travels with the unit's first statement and, when its
   * last batch carried COMMIT, there is nothing left to commit here (transaction-boundaries.ts).
   */
  private async readCommitted<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as object;
      if (!readCommittedSessions.has(connection)) {
        await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
        readCommittedSessions.add(connection);
      }
      beginWithFirstStatement(runner);
      try {
        const result = await work(runner.manager);
        if (runner.isTransactionActive) await runner.commitTransaction();
        this.committed(runner.manager);
        return result;
      } catch (error) {
        this.onCommit.delete(runner.manager);
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }
}
