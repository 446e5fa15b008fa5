import type { DataSource } from 'typeorm';
import { SecurityEvents1764000001000 } from '../../libs/persistence/src/migrations/1764000001000-security-events';
import { TaskOpensAt1764000001100 } from '../../libs/persistence/src/migrations/1764000001100-task-opens-at';
import { databaseBefore } from '../support/migration-database';
import { shapeOf } from '../support/table-shape';
import type { TestDatabase } from '../support/test-database';

const TASK = 'INSERT INTO tasks (id, instance_id, procedure_key, state, role, assignee, title_zh, title_en, outcomes, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

describe('migration 1764000001000: the security log', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, ds, close } = await databaseBefore(SecurityEvents1764000001000));
  });
  afterEach(() => close?.());

  it('creates security_events keyed by id with its time index, and drops it going down', async () => {
    expect((await ds.runMigrations()).map((m) => m.name)).toEqual(['SecurityEvents1764000001000']);
    const shape = await shapeOf(ds, db.dialect, 'security_events');
    expect(shape.primary).toEqual(['id']);
    expect(shape.indexes).toEqual({ ix_security_events_at: ['at'] });
    expect(shape.columns.map((c) => c.split(' ')[0])).toEqual(['id', 'at', 'kind', 'username', 'user_id', 'ip', 'instance_id', 'reason']);
    await ds.undoLastMigration();
    expect(await ds.query(db.dialect === 'mysql' ? "SHOW TABLES LIKE 'security_events'" : "SELECT name FROM sqlite_master WHERE name = 'security_events'")).toEqual([]);
  });
});

describe('migration 1764000001100: a step task may open later', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, ds, close } = await databaseBefore(TaskOpensAt1764000001100));
  });
  afterEach(() => close?.());

  it('adds a nullable opens_at like due_at, keeping every row, the key and WITHOUT ROWID, and goes back down', async () => {
    await ds.query(TASK, ['00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'p', 'review', 'approver', null, '审批', 'Approve', '[]', null, '2026-01-01 00:00:00.000001']);
    const before = await ds.query('SELECT * FROM tasks');
    const old = await shapeOf(ds, db.dialect, 'tasks');
    await ds.runMigrations();
    const added = await shapeOf(ds, db.dialect, 'tasks');
    const dueAt = old.columns.find((c) => c.startsWith('due_at '))!;
    expect(added).toEqual({ ...old, columns: [...old.columns, dueAt.replace('due_at', 'opens_at')] });
    expect(await ds.query('SELECT * FROM tasks')).toEqual(before.map((r: object) => ({ ...r, opens_at: null })));
    await ds.undoLastMigration();
    expect(await shapeOf(ds, db.dialect, 'tasks')).toEqual(old);
    expect(await ds.query('SELECT * FROM tasks')).toEqual(before);
  });
});
