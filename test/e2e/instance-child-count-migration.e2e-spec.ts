import type { DataSource } from 'typeorm';
import { InstanceChildCount1764000000700 } from '../../libs/persistence/src/migrations/1764000000700-instance-child-count';
import { databaseBefore } from '../support/migration-database';
import type { TestDatabase } from '../support/test-database';

describe('migration 1764000000700: each instance counts the children it started', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, ds, close } = await databaseBefore(InstanceChildCount1764000000700));
  });
  afterAll(() => close?.());

  it('counts existing children on their parents and goes back down', async () => {
    const id = (n: number) => `20000000-0000-4000-8000-00000000000${n}`;
    const insert = `INSERT INTO instances (id, procedure_key, procedure_version, title, state, status, revision, snapshot, step_actors,
                      parent_id, parent_key, audit_head, created_by, created_at, updated_at)
                    VALUES (?, 'p', 1, 't', 's', 'active', 1, '{}', '{}', ?, ?, '', NULL, '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')`;
    await ds.query(insert, [id(1), null, null]);
    await ds.query(insert, [id(2), id(1), 'finding-0']);
    await ds.query(insert, [id(3), id(1), 'finding-1']);
    await ds.query(insert, [id(4), id(2), 'action']);
    await ds.query(insert, [id(5), null, null]);

    expect((await ds.runMigrations()).map((m) => m.name)).toEqual(['InstanceChildCount1764000000700']);
    const counts: { id: string; n: unknown }[] = await ds.query('SELECT id, child_count AS n FROM instances ORDER BY id');
    expect(counts.map((r) => [r.id, Number(r.n)])).toEqual([
      [id(1), 2],
      [id(2), 1],
      [id(3), 0],
      [id(4), 0],
      [id(5), 0],
    ]);

    await ds.undoLastMigration();
    const columns: string[] = (await ds.query(db.dialect === 'mysql' ? 'SHOW COLUMNS FROM instances' : 'PRAGMA table_info(instances)')).map(
      (c: { Field?: string; name?: string }) => c.Field ?? c.name,
    );
    expect(columns).not.toContain('child_count');
    const [{ n }]: { n: unknown }[] = await ds.query('SELECT COUNT(*) AS n FROM instances');
    expect(Number(n)).toBe(5);
  });
});
