import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../portable-columns';

/** Analysis reports frozen with a content hash when they go to review: what the reviewer signs is what was measured. */
export class Reports1764000000300 implements MigrationInterface {
  name = 'Reports1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'survey_reports',
        columns: [
          col.id(),
          col.ref('survey_id'),
          col.ref('instance_id'),
          // the plan's report revision: 1 for the first draft, +1 for each redraft after NG
          col.int('revision'),
          col.str('content_hash', 64),
          col.json(q, 'content', false),
          col.time('frozen_at'),
        ],
        indices: [new TableIndex({ name: 'uq_survey_reports_revision', columnNames: ['survey_id', 'revision'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('survey_reports');
  }
}
