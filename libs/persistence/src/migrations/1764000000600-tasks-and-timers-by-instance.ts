import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { isMysql } from '../portable-columns';

interface ClusteredTable {
  name: 'tasks' | 'timers';
  /** Kept as they are. */
  indices: TableIndex[];
  /** Dropped: the primary key's prefix serves what it did. */
  byInstance: TableIndex;
}

const TABLES: ClusteredTable[] = [
  {
    name: 'tasks',
    indices: [new TableIndex({ name: 'ix_tasks_role', columnNames: ['role'] })],
    byInstance: new TableIndex({ name: 'ix_tasks_instance', columnNames: ['instance_id'] }),
  },
  {
    name: 'timers',
    indices: [new TableIndex({ name: 'ix_timers_due', columnNames: ['due_at'] })],
    byInstance: new TableIndex({ name: 'ix_timers_instance', columnNames: ['instance_id'] }),
  },
];

/**
 * Tasks and timers clustered by instance: PRIMARY KEY (instance_id, id), on
 * SQLite a WITHOUT ROWID table. Every transition replaces an instance's open
 * task and deadline timer. On SQLite that touched four B-trees
 * per table: the table, the id key, the instance_id index and the role or due
 * index. Now the rows live in the key itself and the key's prefix replaces the
 * instance_id index, so it touches two: the key and the role or due index. On
 * MariaDB the DELETE by instance becomes a range of the clustered key instead
 * of a walk through a secondary index.
 * Columns, types and rows stay as they are. Neither table has a foreign key,
 * and no foreign key points at them.
 */
export class TasksAndTimersByInstance1764000000600 implements MigrationInterface {
  name = 'TasksAndTimersByInstance1764000000600';

  async up(q: QueryRunner): Promise<void> {
    for (const t of TABLES) {
      if (isMysql(q)) {
        // one statement, so one rebuild; MariaDB commits each DDL statement by itself
        await q.query(`ALTER TABLE \`${t.name}\` DROP PRIMARY KEY, ADD PRIMARY KEY (\`instance_id\`, \`id\`), DROP INDEX \`${t.byInstance.name}\``);
      } else {
        await rebuildSqlite(q, t.name, ['instance_id', 'id'], true, t.indices);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TABLES) {
      if (isMysql(q)) {
        await q.query(
          `ALTER TABLE \`${t.name}\` DROP PRIMARY KEY, ADD PRIMARY KEY (\`id\`), ADD INDEX \`${t.byInstance.name}\` (${t.byInstance.columnNames.map((c) => `\`${c}\``).join(', ')})`,
        );
      } else {
        await rebuildSqlite(q, t.name, ['id'], false, [t.byInstance, ...t.indices]);
      }
    }
  }
}

/**
 * SQLite cannot change a table's primary key in place, and TypeORM's Table API
 * can neither order a composite key apart from the column order nor alter an
 * existing table into WITHOUT ROWID. So this builds a new table with the same
 * columns (name, type, NOT NULL, default, as PRAGMA table_info reports them)
 * and the given key, copies the rows, drops the old table (and its indexes),
 * renames the new one and creates the indexes again. It runs inside the
 * migration's transaction.
 */
async function rebuildSqlite(q: QueryRunner, table: string, primary: string[], withoutRowid: boolean, indices: TableIndex[]): Promise<void> {
  const columns: { name: string; type: string; notnull: number; dflt_value: string | null }[] = await q.query(`PRAGMA table_info("${table}")`);
  const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
  // lower case as TypeORM writes types (the pragma reports some in upper case)
  const definitions = columns.map((c) => `"${c.name}" ${c.type.toLowerCase()}${c.notnull ? ' NOT NULL' : ''}${c.dflt_value === null ? '' : ` DEFAULT ${c.dflt_value}`}`);
  const names = quoted(columns.map((c) => c.name));
  const temporary = `temporary_${table}`;
  await q.query(`CREATE TABLE "${temporary}" (${definitions.join(', ')}, PRIMARY KEY (${quoted(primary)}))${withoutRowid ? ' WITHOUT ROWID' : ''}`);
  await q.query(`INSERT INTO "${temporary}" (${names}) SELECT ${names} FROM "${table}"`);
  await q.query(`DROP TABLE "${table}"`);
  await q.query(`ALTER TABLE "${temporary}" RENAME TO "${table}"`);
  for (const index of indices) await q.query(`CREATE INDEX "${index.name}" ON "${table}" (${quoted(index.columnNames)})`);
}
