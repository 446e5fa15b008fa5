import { DataSource } from 'typeorm';
import { loadConfig } from '@satisflow/config';
import { dataSourceOptions } from '@satisflow/persistence';
import { MIGRATIONS } from '../../libs/persistence/src/migrations';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * A fresh database as the release before `migration` left it, opened with
 * `migration` as the only one still to run (later ones are not what a migration's
 * test is about): `runMigrations()` runs it, `undoLastMigration()` takes it back.
 */
export async function databaseBefore(
  migration: (typeof MIGRATIONS)[number],
): Promise<{ db: TestDatabase; ds: DataSource; close(): Promise<void> }> {
  const upTo = MIGRATIONS.indexOf(migration);
  if (upTo < 1) throw new Error(`${migration.name} is not a later migration in MIGRATIONS`);
  const db = await createTestDatabase();
  const options = dataSourceOptions(loadConfig({ ...db.env, LOG_LEVEL: 'silent' }));
  const before = new DataSource({ ...options, migrations: MIGRATIONS.slice(0, upTo), migrationsRun: false });
  await before.initialize();
  await before.runMigrations();
  await before.destroy();
  const ds = new DataSource({ ...options, migrations: MIGRATIONS.slice(0, upTo + 1), migrationsRun: false });
  await ds.initialize();
  return {
    db,
    ds,
    async close() {
      await ds.destroy();
      await db.drop();
    },
  };
}
