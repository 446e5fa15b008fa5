import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from '../portable-columns';

/** When and why the mail server refused a recipient's invitation (status `bounced`). */
export class RecipientBounces1764000000510 implements MigrationInterface {
  name = 'RecipientBounces1764000000510';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('recipients', [new TableColumn(col.time('bounced_at', true)), new TableColumn(col.str('bounce_reason', 500, true))]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('recipients', 'bounce_reason');
    await q.dropColumn('recipients', 'bounced_at');
  }
}
