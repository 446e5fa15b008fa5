import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * A fresh, empty database for one test file, on whichever dialect the run
 * targets: DATABASE_URL=mysql://… → a new MariaDB/MySQL database beside the
 * named one; otherwise a new SQLite file in a temp directory.
 */
export interface TestDatabase {
  dialect: 'mysql' | 'sqlite';
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const url = new URL(base);
    const name = `sf_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    url.pathname = `/${name}`;
    return {
      dialect: 'mysql',
      env: { DATABASE_URL: url.toString() },
      async drop() {
        const c = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'satisflow-test-'));
  return {
    dialect: 'sqlite',
    env: { DATABASE_PATH: join(dir, 'satisflow.sqlite') },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
