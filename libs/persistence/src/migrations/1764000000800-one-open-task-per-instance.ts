import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { isMysql } from '../portable-columns';
import { rebuildSqlite } from './sqlite-rebuild';

const ROLE_INDEX = new TableIndex({ name: 'ix_tasks_role', columnNames: ['role'] });

/**
 * An instance has at most one open step task (its current state's), so `tasks` is
 * keyed by instance_id alone and the task's id becomes a plain column. Every
 * transition gives the open task a new id; with the id in the key, InnoDB moved
 * the row (delete-mark, insert, both indexes) on every transition. Replayed at c4,
 * a transaction of the engine's writes cost MariaDB 443 µs of CPU, and 357–371 µs
 * with the id out of the key. Now the row is updated where it is. The key also makes the one-task rule the database's.
 */
export class OneOpenTaskPerInstance1764000000800 implements MigrationInterface {
  name = 'OneOpenTaskPerInstance1764000000800';

  async up(q: QueryRunner): Promise<void> {
    const doubled: { instance_id: string }[] = await q.query('SELECT instance_id FROM tasks GROUP BY instance_id HAVING COUNT(*) > 1');
    if (doubled.length) {
      throw new Error(`tasks: ${doubled.length} instance(s) have more than one open task (${doubled.slice(0, 5).map((r) => r.instance_id).join(', ')}); the engine never writes that, so the database needs checking first`);
    }
    if (isMysql(q)) await q.query('ALTER TABLE `tasks` DROP PRIMARY KEY, ADD PRIMARY KEY (`instance_id`)');
    else await rebuildSqlite(q, 'tasks', ['instance_id'], true, [ROLE_INDEX]);
  }

  async down(q: QueryRunner): Promise<void> {
    if (isMysql(q)) await q.query('ALTER TABLE `tasks` DROP PRIMARY KEY, ADD PRIMARY KEY (`instance_id`, `id`)');
    else await rebuildSqlite(q, 'tasks', ['instance_id', 'id'], true, [ROLE_INDEX]);
  }
}
