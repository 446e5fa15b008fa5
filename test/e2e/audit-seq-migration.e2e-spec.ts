import type { DataSource } from 'typeorm';
import { AuditSeqWithoutSequenceTable1764000000900 } from '../../libs/persistence/src/migrations/1764000000900-audit-seq-without-sequence-table';
import { databaseBefore } from '../support/migration-database';
import { shapeOf } from '../support/table-shape';
import type { TestDatabase } from '../support/test-database';

const RECORD = `INSERT INTO audit_records (instance_id, revision, at, actor_id, actor_username, actor_role, event, from_state, to_state,
  comment, data, signature_meaning, procedure_key, procedure_version, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const instance = '10000000-0000-4000-8000-000000000001';
const record = (revision: number) => [instance, revision, `2026-01-01 00:00:0${revision}.000000`, null, 'alice', 'survey_manager', 'SUBMIT',
  'planning', 'review', revision === 2 ? '说明' : null, '{"a":1}', null, 'annual-satisfaction-survey', 1, 'p'.repeat(64), String(revision).repeat(64)];

describe('migration 1764000000900: the audit trail without sqlite_sequence', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let close: () => Promise<void>;
  const rows = () => ds.query('SELECT * FROM audit_records ORDER BY seq');
  const seqs = async () => ((await rows()) as { seq: number | string }[]).map((r) => Number(r.seq));
  /** SQLite: the table's definition and what sqlite_sequence holds for it. */
  const sqliteKeying = async () => ({
    autoIncrement: /AUTOINCREMENT/i.test((await ds.query(`SELECT sql FROM sqlite_master WHERE name = 'audit_records'`))[0].sql),
    sequence: ((await ds.query(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_records'`)) as { seq: number }[]).map((r) => r.seq),
  });

  beforeEach(async () => {
    ({ db, ds, close } = await databaseBefore(AuditSeqWithoutSequenceTable1764000000900));
  });
  afterEach(() => close?.());

  it('keeps every column, index and record, numbers new records on from the last, still refuses a second record of a revision, and goes back down', async () => {
    for (const revision of [1, 2, 3]) await ds.query(RECORD, record(revision));
    const before = await rows();
    const old = await shapeOf(ds, db.dialect, 'audit_records');
    expect(old).toMatchObject({
      primary: ['seq'],
      indexes: { uq_audit_instance_rev: ['instance_id', 'revision'], ix_audit_at: ['at'], ix_audit_actor: ['actor_username'] },
    });
    if (db.dialect === 'sqlite') expect(await sqliteKeying()).toEqual({ autoIncrement: true, sequence: [3] });

    expect((await ds.runMigrations()).map((m) => m.name)).toEqual(['AuditSeqWithoutSequenceTable1764000000900']);
    expect(await rows()).toEqual(before);
    expect(await shapeOf(ds, db.dialect, 'audit_records')).toEqual(old);
    // appending no longer writes sqlite_sequence (its page was one of each COMMIT's WAL frames)
    if (db.dialect === 'sqlite') expect(await sqliteKeying()).toEqual({ autoIncrement: false, sequence: [] });
    await ds.query(RECORD, record(4));
    expect(await seqs()).toEqual([1, 2, 3, 4]);
    if (db.dialect === 'sqlite') expect((await sqliteKeying()).sequence).toEqual([]);
    await expect(ds.query(RECORD, record(4))).rejects.toThrow(/duplicate|unique/i);
    const migrated = await rows();

    await ds.undoLastMigration();
    expect(await rows()).toEqual(migrated);
    expect(await shapeOf(ds, db.dialect, 'audit_records')).toEqual(old);
    if (db.dialect === 'sqlite') expect(await sqliteKeying()).toEqual({ autoIncrement: true, sequence: [4] });
    await ds.query(RECORD, record(5));
    // InnoDB spent a number on the refused duplicate; SQLite goes on from its sequence
    expect(await seqs()).toEqual([1, 2, 3, 4, db.dialect === 'sqlite' ? 5 : 6]);
  });
});
