import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../portable-columns';

export class Identity1764000000000 implements MigrationInterface {
  name = 'Identity1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.str('username', 64),
          col.str('display_name', 128),
          col.str('password_hash', 100),
          col.bool('disabled'),
          col.str('locale', 8, true),
          col.time('created_at'),
          col.time('updated_at'),
        ],
        indices: [new TableIndex({ name: 'uq_users_username', columnNames: ['username'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_roles',
        columns: [col.id(), col.ref('user_id'), col.str('role', 32), col.str('scope', 64, true)],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [new TableIndex({ name: 'ix_user_roles_user', columnNames: ['user_id'] })],
      }),
    );
    // Process-wide settings (generated JWT secret, holiday calendar, test clock offset):
    // kept in the database so that every process sharing it agrees.
    await q.createTable(
      new Table({
        name: 'settings',
        columns: [{ ...col.str('key', 64), isPrimary: true }, col.text(q, 'value', false), col.time('updated_at')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('settings');
    await q.dropTable('user_roles');
    await q.dropTable('users');
  }
}
