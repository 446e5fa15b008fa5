import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@satisflow/config';
import { PersistenceModule, SettingsService, TransactionRunner } from '@satisflow/persistence';
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
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
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
});
