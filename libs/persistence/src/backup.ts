import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppConfig } from '@satisflow/config';

export interface BackupResult {
  dialect: 'mysql' | 'sqlite';
  file: string;
  bytes: number;
  ms: number;
}

/**
 * A consistent copy of the whole database, taken while the server runs:
 * SQLite through its online backup API (a snapshot even while writers commit),
 * MySQL/MariaDB through mariadb-dump (or mysqldump) --single-transaction, one
 * consistent InnoDB read view without locking writers. The copy includes the
 * migrations table and the audit chain, so a restore needs no further step.
 */
export async function backupDatabase(config: AppConfig, target: string): Promise<BackupResult> {
  const file = resolve(target);
  mkdirSync(dirname(file), { recursive: true });
  const started = Date.now();
  if (config.DATABASE_URL) await dumpMysql(config.DATABASE_URL, file);
  else {
    const db = new Database(resolve(config.DATABASE_PATH), { readonly: true, fileMustExist: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
  }
  return { dialect: config.dialect, file, bytes: statSync(file).size, ms: Date.now() - started };
}

async function dumpMysql(databaseUrl: string, file: string): Promise<void> {
  const url = new URL(databaseUrl);
  const args = [
    '--single-transaction',
    '--quick',
    '--routines',
    '--triggers',
    '--hex-blob',
    '--default-character-set=utf8mb4',
    `--host=${url.hostname}`,
    `--port=${url.port || '3306'}`,
    `--user=${decodeURIComponent(url.username)}`,
    `--result-file=${file}`,
    // no --databases: the dump restores into whichever database it is loaded into
    decodeURIComponent(url.pathname.slice(1)),
  ];
  // the password goes by environment, never on the command line (visible in ps)
  const env = { ...process.env, MYSQL_PWD: decodeURIComponent(url.password) };
  try {
    await run('mariadb-dump', args, env);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await run('mysqldump', args, env);
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}
