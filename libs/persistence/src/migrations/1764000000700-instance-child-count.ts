import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col, isMysql } from '../portable-columns';

/**
 * How many children an instance has started, kept on its row: loading an instance
 * for an event then needs no sub-select of its children (the costliest part of the
 * load on MariaDB), and only a parent reads them.
 */
export class InstanceChildCount1764000000700 implements MigrationInterface {
  name = 'InstanceChildCount1764000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('instances', new TableColumn(col.int('child_count', false, 0)));
    await q.query(
      isMysql(q)
        ? `UPDATE instances p JOIN (SELECT parent_id, COUNT(*) AS n FROM instances WHERE parent_id IS NOT NULL GROUP BY parent_id) c
             ON c.parent_id = p.id SET p.child_count = c.n`
        : `UPDATE instances SET child_count = (SELECT COUNT(*) FROM instances c WHERE c.parent_id = instances.id)
            WHERE id IN (SELECT parent_id FROM instances WHERE parent_id IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('instances', 'child_count');
  }
}
