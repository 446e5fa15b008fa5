import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { isMysql } from '../portable-columns';
import { rebuildSqlite } from './sqlite-rebuild';

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
