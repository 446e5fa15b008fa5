import { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysql } from '../portable-columns';

/**
 * A step task may open later than its step begins (StepMeta.taskOpensAt: the second
 * callback, 2 months after the first). A plain ADD COLUMN on both dialects: TypeORM's
 * addColumn would rebuild the SQLite table without its WITHOUT ROWID (migration 600).
 */
export class TaskOpensAt1764000001100 implements MigrationInterface {
  name = 'TaskOpensAt1764000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN opens_at ${isMysql(q) ? 'DATETIME(6)' : 'datetime(6)'} NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tasks DROP COLUMN opens_at');
  }
}
