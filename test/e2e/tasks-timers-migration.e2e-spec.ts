import type { DataSource } from 'typeorm';
import { TasksAndTimersByInstance1764000000600 } from '../../libs/persistence/src/migrations/1764000000600-tasks-and-timers-by-instance';
import { databaseBefore } from '../support/migration-database';
import type { TestDatabase } from '../support/test-database';
import { shapeOf } from '../support/table-shape';

describe('migration 1764000000600: tasks and timers keyed by (instance_id, id)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let close: () => Promise<void>;
  const rows = async () => ({
    tasks: await ds.query('SELECT * FROM tasks ORDER BY id'),
    timers: await ds.query('SELECT * FROM timers ORDER BY id'),
  });

  beforeAll(async () => {
    ({ db, ds, close } = await databaseBefore(TasksAndTimersByInstance1764000000600));
  });
  afterAll(() => close?.());

  it('keeps every column and row, clusters both tables by instance, and goes back down', async () => {
    const t = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    const i = (n: number) => `10000000-0000-4000-8000-00000000000${n}`;
    const task = 'INSERT INTO tasks (id, instance_id, procedure_key, state, role, assignee, title_zh, title_en, outcomes, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    await ds.query(task, [t(1), i(1), 'p', 'review', 'approver', null, '审批', 'Approve', '["APPROVE","REJECT"]', '2026-01-02 03:04:05.123456', '2026-01-01 00:00:00.000001']);
    await ds.query(task, [t(2), i(2), 'p', 'draft', 'survey_manager', 'alice', '起草', 'Draft', '[]', null, '2026-01-01 00:00:00.500000']);
    await ds.query(task, [t(3), i(1), 'p', 'review', 'approver', 'bob', '审批', 'Approve', '["APPROVE"]', null, '2026-01-01 00:00:01.000000']);
    const timer = 'INSERT INTO timers (id, instance_id, state, revision, level, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
    await ds.query(timer, [t(4), i(1), 'review', 3, 1, '2026-01-02 03:04:05.123456', '2026-01-01 00:00:00.000001']);
    await ds.query(timer, [t(5), i(2), 'draft', 7, 2, '2026-02-01 00:00:00.000000', '2026-01-01 00:00:00.000000']);

    const before = await rows();
    const shapes = async () => ({ tasks: await shapeOf(ds, db.dialect, 'tasks'), timers: await shapeOf(ds, db.dialect, 'timers') });
    const old = await shapes();
    expect(old.tasks).toMatchObject({ primary: ['id'], indexes: { ix_tasks_instance: ['instance_id'], ix_tasks_role: ['role'] } });
    expect(old.timers).toMatchObject({ primary: ['id'], indexes: { ix_timers_due: ['due_at'], ix_timers_instance: ['instance_id'] } });

    expect((await ds.runMigrations()).map((m) => m.name)).toEqual(['TasksAndTimersByInstance1764000000600']);
    expect(await rows()).toEqual(before);
    const clustered = await shapes();
    const sqlite = db.dialect === 'sqlite';
    expect(clustered.tasks).toEqual({ ...old.tasks, primary: ['instance_id', 'id'], indexes: { ix_tasks_role: ['role'] }, withoutRowid: sqlite });
    expect(clustered.timers).toEqual({ ...old.timers, primary: ['instance_id', 'id'], indexes: { ix_timers_due: ['due_at'] }, withoutRowid: sqlite });
    if (sqlite) {
      // the instance's rows are a range of the key: no other B-tree to look in
      const plan: { detail: string }[] = await ds.query('EXPLAIN QUERY PLAN DELETE FROM tasks WHERE instance_id = ?', [i(1)]);
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING PRIMARY KEY \(instance_id=\?\)/);
    } else {
      const [plan]: { key: string | null }[] = await ds.query('EXPLAIN DELETE FROM timers WHERE instance_id = ?', [i(1)]);
      expect(plan.key).toBe('PRIMARY');
    }

    await ds.undoLastMigration();
    expect(await rows()).toEqual(before);
    expect(await shapes()).toEqual(old);

    await ds.runMigrations();
    expect(await rows()).toEqual(before);
    expect(await shapes()).toEqual(clustered);
  });
});
