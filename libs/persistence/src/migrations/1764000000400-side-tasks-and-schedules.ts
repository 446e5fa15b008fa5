import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../portable-columns';

/**
 * Tasks beside an instance's step task (a phone follow-up per survey recipient,
 * an escalation for the next person up), kept after they close; and durable
 * schedules for what recurs without an instance (the yearly survey reminder).
 */
export class SideTasksAndSchedules1764000000400 implements MigrationInterface {
  name = 'SideTasksAndSchedules1764000000400';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'side_tasks',
        columns: [
          col.id(),
          col.ref('instance_id'),
          col.str('procedure_key', 64),
          col.str('kind', 16),
          // unique per instance: `follow-up:<recipient id>`, `escalation:<n>`; a task asked for twice is created once
          col.str('task_key', 128),
          // what the task is about: a recipient id, the overdue state
          col.str('subject', 64),
          col.str('state', 64),
          col.str('role', 32),
          col.str('assignee', 64, true),
          col.str('title_zh', 200),
          col.str('title_en', 200),
          col.str('status', 16),
          // shown in the inbox from this moment (a follow-up waits 3 days)
          col.time('opens_at'),
          col.time('due_at', true),
          col.time('created_at'),
          col.time('closed_at', true),
          col.str('closed_by', 64, true),
          col.text(q, 'resolution'),
        ],
        indices: [
          new TableIndex({ name: 'uq_side_tasks_key', columnNames: ['instance_id', 'task_key'], isUnique: true }),
          new TableIndex({ name: 'ix_side_tasks_inbox', columnNames: ['status', 'role', 'opens_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'schedules',
        columns: [
          { ...col.str('key', 64), isPrimary: true },
          col.time('next_due_at'),
          // claimed by `runs = runs + 1 WHERE runs = <read>`: one process wins each firing
          col.int('runs', false, 0),
          col.time('last_fired_at', true),
          col.ref('last_instance_id', true),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('schedules');
    await q.dropTable('side_tasks');
  }
}
