import 'reflect-metadata';
import { ConfigError, loadConfig } from '@satisflow/config';
import { backupDatabase } from '@satisflow/persistence';

/**
 * `npm run backup [-- <file>]`: an online backup of the configured database
 * (DATABASE_URL or DATABASE_PATH, as the server reads them) while the server
 * keeps running. Restoring is described in README.md (Reliability).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = process.argv[2] ?? `./backups/satisflow-${stamp}.${config.dialect === 'mysql' ? 'sql' : 'sqlite'}`;
  const result = await backupDatabase(config, target);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
