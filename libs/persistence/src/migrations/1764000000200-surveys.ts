import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../portable-columns';

/** Customer service files, surveys with their frozen questionnaire, recipients, responses and answers. */
export class Surveys1764000000200 implements MigrationInterface {
  name = 'Surveys1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'customers',
        columns: [
          col.id(),
          col.str('code', 64),
          col.str('name', 200),
          col.str('contact', 100, true),
          col.str('email', 200, true),
          col.str('phone', 50, true),
          col.str('fax', 50, true),
          col.str('product_type', 100, true),
          col.str('region', 100, true),
          col.str('customer_type', 100, true),
          col.str('site', 100, true),
          col.time('created_at'),
        ],
        indices: [new TableIndex({ name: 'uq_customers_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'surveys',
        columns: [
          col.id(),
          col.ref('instance_id'),
          col.str('title', 200),
          col.str('series', 100),
          col.str('period', 32, true),
          col.json(q, 'questionnaire', false),
          col.str('questionnaire_hash', 64),
          col.int('target_return_rate'),
          col.str('status', 16),
          col.time('frozen_at', true),
          col.ref('created_by', true),
          col.time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_surveys_instance', columnNames: ['instance_id'] }),
          new TableIndex({ name: 'ix_surveys_series', columnNames: ['series', 'created_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'recipients',
        columns: [
          col.id(),
          col.ref('survey_id'),
          col.ref('customer_id', true),
          col.str('name', 200),
          col.str('email', 200, true),
          col.str('phone', 50, true),
          col.str('fax', 50, true),
          col.str('product_type', 100, true),
          col.str('region', 100, true),
          col.str('customer_type', 100, true),
          col.str('site', 100, true),
          col.str('channel', 16),
          col.str('token_hash', 64),
          col.str('status', 16),
          col.time('invited_at', true),
          col.time('reminded_at', true),
          col.time('followed_up_at', true),
          col.time('answered_at', true),
          col.text(q, 'follow_up_note'),
          col.time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_recipients_survey', columnNames: ['survey_id', 'status'] }),
          new TableIndex({ name: 'uq_recipients_token', columnNames: ['token_hash'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'responses',
        columns: [
          col.id(),
          col.ref('survey_id'),
          col.ref('recipient_id'),
          col.str('channel', 16),
          col.text(q, 'comment'),
          col.ref('entered_by', true),
          col.time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_responses_recipient', columnNames: ['recipient_id'], isUnique: true }),
          new TableIndex({ name: 'ix_responses_survey', columnNames: ['survey_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'answers',
        columns: [
          { ...col.ref('response_id'), isPrimary: true },
          col.ref('survey_id'),
          { ...col.str('item_key', 64), isPrimary: true },
          // null = not applicable; points are denormalised so the database can aggregate
          col.str('level_key', 64, true),
          { name: 'points', type: 'double', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_answers_survey_item', columnNames: ['survey_id', 'item_key', 'level_key'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'composites',
        columns: [col.id(), col.str('title', 200), col.str('period', 32, true), col.json(q, 'input', false), col.json(q, 'result', false), col.ref('created_by', true), col.time('created_at')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['composites', 'answers', 'responses', 'recipients', 'surveys', 'customers']) await q.dropTable(t);
  }
}
