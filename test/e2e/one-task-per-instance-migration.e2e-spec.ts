import type { DataSource } from 'typeorm';
import { OneOpenTaskPerInstance1764000000800 } from '../../libs/persistence/src/migrations/1764000000800-one-open-task-per-instance';
import { databaseBefore } from '../support/migration-database';
import { shapeOf } from '../support/table-shape';
import type { TestDatabase } from '../support/test-database';

const TASK = 'INSERT INTO tasks (id, instance_id, procedure_key, state, role, assignee, title_zh, title_en, outcomes, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const t = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const i = (n: number) => `10000000-0000-4000-8000-00000000000${n}`;

describe('migration 1764000000800: tasks keyed by instance_id', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let close: () => Promise<void>;
  const rows = () => ds.query('SELECT * FROM tasks ORDER BY id');

  beforeEach(async () => {
    ({ db, ds, close } = await databaseBefore(OneOpenTaskPerInstance1764000000800));
  });
  afterEach(() => close?.());

  it('keeps every column and row, keys the table by instance, rewrites the one row of an instance for a new task id, and goes back down', async () => {
    await ds.query(TASK, [t(1), i(1), 'p', 'review', 'approver', null, '审批', 'Approve', '["APPROVE","REJECT"]', '2026-01-02 03:04:05.123456', '2026-01-01 00:00:00.000001']);
    await ds.query(TASK, [t(2), i(2), 'p', 'draft', 'survey_manager', 'alice', '起草', 'Draft', '[]', null, '2026-01-01 00:00:00.500000']);
    const before = await rows();
    const old = await shapeOf(ds, db.dialect, 'tasks');
    expect(old).toMatchObject({ primary: ['instance_id', 'id'], indexes: { ix_tasks_role: ['role'] } });

    expect((await ds.runMigrations()).map((m) => m.name)).toEqual(['OneOpenTaskPerInstance1764000000800']);
    expect(await rows()).toEqual(before);
    const keyed = await shapeOf(ds, db.dialect, 'tasks');
    expect(keyed).toEqual({ ...old, primary: ['instance_id'] });
    // the database now refuses a second open task for an instance
    await expect(ds.query(TASK, [t(3), i(1), 'p', 'review', 'approver', null, '审批', 'Approve', '[]', null, '2026-01-01 00:00:02.000000'])).rejects.toThrow(/duplicate|unique/i);
    // a new step's task (new id, new role) is the same row rewritten
    await ds.query('UPDATE tasks SET id = ?, state = ?, role = ? WHERE instance_id = ?', [t(4), 'draft', 'survey_manager', i(1)]);
    expect((await ds.query('SELECT id, role FROM tasks WHERE instance_id = ?', [i(1)])).map((r: { id: string; role: string }) => [r.id, r.role])).toEqual([[t(4), 'survey_manager']]);
    await ds.query('UPDATE tasks SET id = ?, state = ?, role = ? WHERE instance_id = ?', [t(1), 'review', 'approver', i(1)]);

    await ds.undoLastMigration();
    expect(await rows()).toEqual(before);
    expect(await shapeOf(ds, db.dialect, 'tasks')).toEqual(old);
  });

  it('refuses, changing nothing, a database where an instance has two open tasks', async () => {
    await ds.query(TASK, [t(1), i(1), 'p', 'review', 'approver', null, '审批', 'Approve', '[]', null, '2026-01-01 00:00:00.000001']);
    await ds.query(TASK, [t(2), i(1), 'p', 'review', 'approver', 'bob', '审批', 'Approve', '[]', null, '2026-01-01 00:00:01.000000']);
    const before = await rows();
    const old = await shapeOf(ds, db.dialect, 'tasks');
    await expect(ds.runMigrations()).rejects.toThrow(`1 instance(s) have more than one open task (${i(1)})`);
    expect(await rows()).toEqual(before);
    expect(await shapeOf(ds, db.dialect, 'tasks')).toEqual(old);
  });
});
