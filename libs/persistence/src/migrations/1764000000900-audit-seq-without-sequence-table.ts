import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { isMysql } from '../portable-columns';
import { rebuildSqlite } from './sqlite-rebuild';

const INDICES = [
  new TableIndex({ name: 'uq_audit_instance_rev', columnNames: ['instance_id', 'revision'], isUnique: true }),
  new TableIndex({ name: 'ix_audit_at', columnNames: ['at'] }),
  new TableIndex({ name: 'ix_audit_actor', columnNames: ['actor_username'] }),
];

/**
 * On SQLite the audit trail's `seq` becomes a plain rowid alias instead of an
 * AUTOINCREMENT key. AUTOINCREMENT keeps the highest seq in `sqlite_sequence`, a
 * table of its own, so every COMMIT that appended an audit record also wrote that
 * table's page to the WAL: one of the ~10.5 pages a transition writes. Without it
 * SQLite takes the highest seq in the table plus one, which is the same number as
 * long as the newest record is never deleted, and the trail is append-only (a
 * deleted record is tampering, which verification reports either way).
 * Columns, indexes and rows stay as they are. MariaDB keeps its AUTO_INCREMENT,
 * which costs no extra write.
 */
export class AuditSeqWithoutSequenceTable1764000000900 implements MigrationInterface {
  name = 'AuditSeqWithoutSequenceTable1764000000900';

  async up(q: QueryRunner): Promise<void> {
    if (!isMysql(q)) await rebuildSqlite(q, 'audit_records', ['seq'], false, INDICES);
  }

  async down(q: QueryRunner): Promise<void> {
    if (isMysql(q)) return;
    // copying the rows in sets sqlite_sequence to the highest seq again
    await rebuildSqlite(q, 'audit_records', ['seq'], false, INDICES, { autoIncrement: true });
  }
}
