import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../portable-columns';

/** Procedure instances, their open tasks, durable timers, the outbox and idempotency keys. */
export class Engine1764000000100 implements MigrationInterface {
  name = 'Engine1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'instances',
        columns: [
          col.id(),
          col.str('procedure_key', 64),
          col.int('procedure_version'),
          col.str('title', 200),
          col.str('state', 64),
          col.str('status', 16),
          col.int('revision'),
          col.json(q, 'snapshot', false),
          col.json(q, 'step_actors', false),
          col.ref('parent_id', true),
          col.str('parent_key', 128, true),
          col.str('audit_head', 64),
          col.ref('created_by', true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_instances_proc_status', columnNames: ['procedure_key', 'status'] }),
          new TableIndex({ name: 'ix_instances_created', columnNames: ['created_at'] }),
          // a child is created once per (parent, effect key), however often the outbox retries
          new TableIndex({ name: 'uq_instances_parent_key', columnNames: ['parent_id', 'parent_key'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'tasks',
        columns: [
          col.id(),
          col.ref('instance_id'),
          col.str('procedure_key', 64),
          col.str('state', 64),
          col.str('role', 32),
          col.str('assignee', 64, true),
          col.str('title_zh', 200),
          col.str('title_en', 200),
          col.json(q, 'outcomes', false),
          col.time('due_at', true),
          col.time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_tasks_instance', columnNames: ['instance_id'] }),
          new TableIndex({ name: 'ix_tasks_role', columnNames: ['role'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'timers',
        columns: [
          col.id(),
          col.ref('instance_id'),
          col.str('state', 64),
          col.int('revision'),
          col.int('level'),
          col.time('due_at'),
          col.time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_timers_due', columnNames: ['due_at'] }),
          new TableIndex({ name: 'ix_timers_instance', columnNames: ['instance_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outbox',
        columns: [
          col.id(),
          col.ref('instance_id'),
          col.int('revision'),
          col.str('kind', 32),
          col.str('effect_key', 128),
          col.json(q, 'payload', false),
          col.str('status', 16),
          col.int('attempts', false, 0),
          col.time('next_attempt_at'),
          col.text(q, 'last_error'),
          col.time('created_at'),
          col.time('done_at', true),
        ],
        indices: [
          new TableIndex({ name: 'ix_outbox_pending', columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ name: 'uq_outbox_effect', columnNames: ['instance_id', 'effect_key'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notifications',
        columns: [
          col.id(),
          col.ref('instance_id'),
          col.str('role', 32),
          col.str('message_zh', 500),
          col.str('message_en', 500),
          col.ref('outbox_id'),
          col.time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_notifications_role', columnNames: ['role', 'created_at'] }),
          new TableIndex({ name: 'uq_notifications_outbox', columnNames: ['outbox_id'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [
          { ...col.str('id', 200), isPrimary: true },
          col.ref('instance_id'),
          col.int('status_code'),
          col.json(q, 'response', false),
          col.time('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_records',
        columns: [
          col.seq(),
          col.ref('instance_id'),
          col.int('revision'),
          col.time('at'),
          col.ref('actor_id', true),
          col.str('actor_username', 64),
          col.str('actor_role', 32, true),
          col.str('event', 64),
          col.str('from_state', 64, true),
          col.str('to_state', 64),
          col.text(q, 'comment'),
          col.json(q, 'data'),
          col.str('signature_meaning', 200, true),
          col.str('procedure_key', 64),
          col.int('procedure_version'),
          col.str('prev_hash', 64),
          col.str('hash', 64),
        ],
        indices: [
          new TableIndex({ name: 'uq_audit_instance_rev', columnNames: ['instance_id', 'revision'], isUnique: true }),
          new TableIndex({ name: 'ix_audit_at', columnNames: ['at'] }),
          new TableIndex({ name: 'ix_audit_actor', columnNames: ['actor_username'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_checkpoints',
        columns: [col.seq(), col.time('at'), col.int('from_seq'), col.int('to_seq'), col.int('records'), col.str('digest', 64), col.str('prev_hash', 64), col.str('hash', 64)],
        // two workers sealing the same range at once: the second insert fails instead of forking the chain
        indices: [new TableIndex({ name: 'uq_audit_checkpoints_from', columnNames: ['from_seq'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_checkpoints', 'audit_records', 'idempotency_keys', 'notifications', 'outbox', 'timers', 'tasks', 'instances']) {
      await q.dropTable(t);
    }
  }
}
