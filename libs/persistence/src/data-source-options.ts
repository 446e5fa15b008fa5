import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@satisflow/config';
import { MIGRATIONS } from './migrations';

/**
 * One place that turns configuration into TypeORM options for either dialect.
 * Entities are registered by each feature module (autoLoadEntities); migrations
 * are listed explicitly so the same code runs from ts-jest and from dist/.
 */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = { migrations: MIGRATIONS, migrationsRun: true, synchronize: false, logging: false } as const;
  if (config.DATABASE_URL) {
    return {
      ...common,
      type: 'mysql',
      url: config.DATABASE_URL,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
      // multipleStatements: a transition's writes go to the server in one round trip (sql-rows.ts executeAll);
      // all SQL in the application binds its values as parameters
      extra: { connectionLimit: 20, waitForConnections: true, multipleStatements: true },
      migrationsTransactionMode: 'each',
    };
  }
  const file = resolve(config.DATABASE_PATH);
  mkdirSync(dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    enableWAL: true,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 10000');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      // Checkpoint every 4,000 WAL pages (16 MB) instead of 1,000. Each checkpoint syncs both
      // files inside a COMMIT (~2.5 ms of fsyncs here even when WalFlusher has synced the WAL
      // already), and a transition writes ~12 pages; at one client this took COMMIT from
      // ~125 to ~85 µs on average and its p99 from ~3 ms to ~0.4 ms.
      db.pragma('wal_autocheckpoint = 4000');
    },
    migrationsTransactionMode: 'each',
  };
}
