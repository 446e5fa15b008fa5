import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@satisflow/config';
import { executeAll, isUniqueViolation, PersistenceModule, selectRows, SettingsService, TransactionRunner } from '@satisflow/persistence';
import { WalFlusher } from '../../libs/persistence/src/wal-flusher';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('persistence against the real database', () => {
  let db: TestDatabase;
  let close: () => Promise<void>;
  let tx: TransactionRunner;
  let ds: DataSource;
  let settings: SettingsService;

  beforeAll(async () => {
    db = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({ ...db.env, LOG_LEVEL: 'silent' })), PersistenceModule],
    }).compile();
    // no HTTP here: the testing module is the application context
    const app = await moduleRef.init();
    tx = app.get(TransactionRunner);
    ds = app.get(getDataSourceToken());
    settings = app.get(SettingsService);
    close = async () => {
      await app.close();
      await db.drop();
    };
  });
  afterAll(() => close());

  it('ran the migrations on this dialect', async () => {
    const rows: { name: string }[] = await ds.query('SELECT name FROM migrations');
    expect(rows.map((r) => r.name)).toContain('Identity1764000000000');
    expect(tx.dialect).toBe(db.dialect);
  });

  it('on SQLite, checkpoints every 4,000 WAL pages and has the WAL synced after each COMMIT that wrote', async () => {
    if (db.dialect !== 'sqlite') return;
    expect(await ds.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 4000 }]);
    const committed = jest.spyOn(WalFlusher.prototype, 'committed');
    try {
      await settings.set('synced', 1);
      const update = (n: number) => tx.run((m) => m.query(`UPDATE settings SET value = '${n}' WHERE "key" = 'synced'`));
      await update(1);
      await Promise.all([2, 3, 4].map(update));
      // once per COMMIT: the lone unit's, then the three queued units' shared one
      expect(committed).toHaveBeenCalledTimes(2);
      // a read's COMMIT wrote nothing: no sync
      await tx.read((m) => m.query(`SELECT value FROM settings WHERE "key" = 'synced'`));
      expect(committed).toHaveBeenCalledTimes(2);
    } finally {
      committed.mockRestore();
    }
  });

  it('reports a failing prepared statement as TypeORM does, with the driver code kept (SQLite runs them on the driver directly)', async () => {
    const key = db.dialect === 'mysql' ? '`key`' : '"key"';
    const insert = { sql: `INSERT INTO settings (${key}, value, updated_at) VALUES (?, '1', '2026-12-01 00:00:00.000')`, params: ['dup'] };
    const error = await tx.run((m) => executeAll(m, [insert, insert])).catch((e: unknown) => e);
    expect((error as Error).name).toBe('QueryFailedError');
    expect(isUniqueViolation(error)).toBe(true);
    expect(await ds.query(`SELECT value FROM settings WHERE ${key} = 'dup'`)).toEqual([]);
  });

  it('stores settings, and the first of concurrent getOrCreate calls wins', async () => {
    await settings.set('k', { a: 1 });
    expect(await settings.get('k')).toEqual({ a: 1 });
    const values = await Promise.all([1, 2, 3, 4].map((n) => settings.getOrCreate('race', () => n)));
    expect(new Set(values).size).toBe(1);
  });

  it('rolls back everything a failed unit of work wrote', async () => {
    await settings.set('counter', 1);
    await expect(
      tx.run(async (m) => {
        await m.query(`UPDATE settings SET value = '2' WHERE ${db.dialect === 'mysql' ? '`key`' : '"key"'} = 'counter'`);
        throw new Error('crash mid-transition');
      }),
    ).rejects.toThrow('crash mid-transition');
    expect(await settings.get('counter')).toBe(1);
  });

  it('runs concurrent read-modify-write units without losing an update', async () => {
    await settings.set('n', 0);
    const key = db.dialect === 'mysql' ? '`key`' : '"key"';
    const lock = db.dialect === 'mysql' ? ' FOR UPDATE' : '';
    await Promise.all(
      Array.from({ length: 20 }, () =>
        tx.run(async (m) => {
          const [row] = await m.query(`SELECT value FROM settings WHERE ${key} = 'n'${lock}`);
          await m.query(`UPDATE settings SET value = ? WHERE ${key} = 'n'`, [String(Number(row.value) + 1)]);
        }),
      ),
    );
    expect(await settings.get('n')).toBe(20);
  });

  it('commits concurrent units together but rolls back a failing one alone', async () => {
    const key = db.dialect === 'mysql' ? '`key`' : '"key"';
    const write = (name: string, fail: boolean) =>
      tx.run(async (m) => {
        await m.query(`INSERT INTO settings (${key}, value, updated_at) VALUES (?, '1', '2026-12-01 00:00:00.000')`, [name]);
        if (fail) throw new Error(`unit ${name} failed after writing`);
        return name;
      });
    // queued while one another runs: on SQLite these share one COMMIT, a savepoint each
    const results = await Promise.allSettled(['g1', 'g2', 'g3', 'g4', 'g5'].map((name, n) => write(name, n % 2 === 1)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('unit g2 failed after writing');
    const rows: { k: string }[] = await ds.query(`SELECT ${key} AS k FROM settings WHERE ${key} LIKE 'g%' ORDER BY ${key}`);
    expect(rows.map((r) => r.k)).toEqual(['g1', 'g3', 'g5']);
  });

  it("runs a unit's after-commit callbacks once its rows are committed, and never those of a unit that rolled back", async () => {
    const key = db.dialect === 'mysql' ? '`key`' : '"key"';
    /** At callback time: is the unit's row there, seen from outside any open transaction? */
    const committed = (name: string): Promise<boolean> => {
      // SQLite has one connection: it must have left the transaction; MySQL reads over another pooled connection
      const open = db.dialect === 'sqlite' && (ds.driver as unknown as { databaseConnection: { inTransaction: boolean } }).databaseConnection.inTransaction;
      return ds.query(`SELECT value FROM settings WHERE ${key} = ?`, [name]).then((rows: unknown[]) => !open && rows.length === 1);
    };
    const checks: Promise<[string, boolean]>[] = [];
    const write = (name: string, fail: boolean) =>
      tx.run(async (m) => {
        await m.query(`INSERT INTO settings (${key}, value, updated_at) VALUES (?, '1', '2026-12-01 00:00:00.000')`, [name]);
        tx.afterCommit(m, () => checks.push(committed(name).then((ok) => [name, ok])));
        if (fail) throw new Error(`unit ${name} failed after writing`);
      });
    // concurrent: on SQLite they share one COMMIT, so a failing unit's savepoint takes back its own callback only
    const results = await Promise.allSettled(['h1', 'h2', 'h3', 'h4', 'h5'].map((name, n) => write(name, n % 2 === 1)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await Promise.all(checks)).sort()).toEqual([
      ['h1', true],
      ['h3', true],
      ['h5', true],
    ]);
    // a lone unit, too
    await expect(write('h6', true)).rejects.toThrow();
    await write('h7', false);
    expect((await Promise.all(checks)).map(([name]) => name).sort()).toEqual(['h1', 'h3', 'h5', 'h7']);
  });

  it('retries a deadlock victim on MySQL so both units complete', async () => {
    if (db.dialect !== 'mysql') return; // SQLite writers are queued, they cannot deadlock
    await settings.set('a', 0);
    await settings.set('b', 0);
    let attempts = 0;
    const bump = (first: string, second: string) =>
      tx.run(async (m) => {
        attempts++;
        await m.query("UPDATE settings SET value = value + 1 WHERE `key` = ?", [first]);
        await new Promise((r) => setTimeout(r, 150));
        await m.query("UPDATE settings SET value = value + 1 WHERE `key` = ?", [second]);
      });
    await Promise.all([bump('a', 'b'), bump('b', 'a')]);
    expect(attempts).toBeGreaterThan(2); // one of them was chosen as victim and ran again
    expect(await settings.get('a')).toBe(2);
    expect(await settings.get('b')).toBe(2);
  });

  describe('transaction boundaries riding on statements', () => {
    const key = () => (db.dialect === 'mysql' ? '`key`' : '"key"');
    const put = (name: string, value: string) => ({
      sql: `INSERT INTO settings (${key()}, value, updated_at) VALUES (?, ?, '2026-12-01 00:00:00.000')`,
      params: [name, value],
    });
    /** Every statement text sent to the database while `work` runs (one entry per round trip). */
    async function sent(work: () => Promise<unknown>): Promise<string[]> {
      const seen: string[] = [];
      const spy = { beforeQuery: (e: { query: string }) => void seen.push(e.query) };
      ds.subscribers.push(spy);
      try {
        await work();
      } finally {
        ds.subscribers.splice(ds.subscribers.indexOf(spy), 1);
      }
      return seen;
    }

    it('sends a read and a final batch as two round trips on MySQL, BEGIN and COMMIT included', async () => {
      const trips = await sent(() =>
        tx.run(async (m) => {
          await selectRows(m, `SELECT value FROM settings WHERE ${key()} = ?`, ['none']);
          return executeAll(m, [put('b1', '1'), put('b2', '2')], { endsTransaction: true });
        }),
      );
      if (db.dialect === 'mysql') {
        expect(trips).toHaveLength(2);
        expect(trips[0]).toMatch(/^START TRANSACTION;\nSELECT/);
        expect(trips[1]).toMatch(/;\nCOMMIT$/);
      }
      const rows: { v: string }[] = await ds.query(`SELECT value AS v FROM settings WHERE ${key()} IN ('b1', 'b2') ORDER BY ${key()}`);
      expect(rows.map((r) => r.v)).toEqual(['1', '2']);
    });

    it('lets units that arrive together share one COMMIT on SQLite (each commits with its batch on MySQL)', async () => {
      const trips = await sent(() => Promise.all(['e1', 'e2', 'e3', 'e4'].map((name) => tx.run((m) => executeAll(m, [put(name, '1')], { endsTransaction: true })))));
      expect(trips.filter((sql) => /\bCOMMIT\b/.test(sql))).toHaveLength(db.dialect === 'sqlite' ? 1 : 4);
      const rows: unknown[] = await ds.query(`SELECT value FROM settings WHERE ${key()} IN ('e1', 'e2', 'e3', 'e4')`);
      expect(rows).toHaveLength(4);
    });

    it('commits nothing of a final batch whose statement fails, nor what the unit wrote before it', async () => {
      await expect(
        tx.run(async (m) => {
          await executeAll(m, [put('c1', '1')]);
          await executeAll(m, [put('c2', '2'), put('c1', 'duplicate key')], { endsTransaction: true });
        }),
      ).rejects.toThrow();
      const rows: unknown[] = await ds.query(`SELECT value FROM settings WHERE ${key()} IN ('c1', 'c2')`);
      expect(rows).toEqual([]);
    });

    it('refuses a statement after the unit committed with its last batch', async () => {
      const after = tx.run(async (m) => {
        await executeAll(m, [put('d1', '1')], { endsTransaction: true });
        await m.query(`UPDATE settings SET value = '2' WHERE ${key()} = 'd1'`);
      });
      if (db.dialect === 'mysql') await expect(after).rejects.toThrow('a statement after the unit of work committed');
      else await after; // SQLite leaves COMMIT to the runner: the update is part of the unit
      expect(await settings.get('d1')).toBe(db.dialect === 'mysql' ? 1 : 2);
    });
  });
});
