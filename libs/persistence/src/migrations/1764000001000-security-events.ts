import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../portable-columns';

/** The security log: failed logins and signatures, and the brakes they set off (libs/identity security-log). */
export class SecurityEvents1764000001000 implements MigrationInterface {
  name = 'SecurityEvents1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'security_events',
        columns: [
          col.id(),
          col.time('at'),
          col.str('kind', 32),
          col.str('username', 64),
          col.ref('user_id', true),
          col.str('ip', 64, true),
          col.ref('instance_id', true),
          col.str('reason', 32, true),
        ],
        indices: [new TableIndex({ name: 'ix_security_events_at', columnNames: ['at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('security_events');
  }
}
