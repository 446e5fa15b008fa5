import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ADMIN_PASSWORD } from '../support/test-app';
import { buildServerForProcesses } from '../support/server-build';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { openRawDb, RawDb } from './support/proc-db';
import { recordFigures } from './support/proc-figures';
import { drained, integrityProblems } from './support/proc-integrity';
import { Ack, PlanApprovalLoad } from './support/proc-load';

const CLIENTS = 8;

/**
 * The documented backup (`npm run backup`, README "Reliability") taken while the
 * server is under load, and the documented restore into a new database: the
 * restored copy holds everything acknowledged before the backup began, is
 * consistent, serves, and its audit chain verifies. A backup of a stopped
 * server restores to identical rows. Runs on the suite's dialect.
 */
describe('backup and restore', () => {
  let main: string;
  let source: TestDatabase;
  const restored: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  const raws: RawDb[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'satisflow-backup-'));

  /** `npm run backup -- <file>`, as compiled beside the test server's main.js. */
  const backup = (env: Record<string, string>, file: string) =>
    JSON.parse(execFileSync(process.execPath, [join(dirname(main), 'cli/backup.js'), file], { env: { ...process.env, ...env }, encoding: 'utf8' }));

  /** The README's restore: copy the file into place (SQLite) or load the dump into a new, empty database (MariaDB). */
  const restore = async (file: string): Promise<TestDatabase> => {
    const target = await createTestDatabase();
    restored.push(target);
    if (target.dialect === 'sqlite') copyFileSync(file, target.env.DATABASE_PATH);
    else {
      const url = new URL(target.env.DATABASE_URL);
      execFileSync('mariadb', [`--host=${url.hostname}`, `--port=${url.port || 3306}`, `--user=${decodeURIComponent(url.username)}`, url.pathname.slice(1)], {
        input: readFileSync(file),
        env: { ...process.env, MYSQL_PWD: decodeURIComponent(url.password) },
      });
    }
    return target;
  };

  const open = async (env: Record<string, string>) => {
    const raw = await openRawDb(env);
    raws.push(raw);
    return raw;
  };

  beforeAll(async () => {
    main = buildServerForProcesses();
    source = await createTestDatabase();
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    for (const raw of raws) await raw.close();
    for (const db of [source, ...restored]) await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  let acked = 0;
  let acksBeforeBackup: Ack[] = [];
  let onlineBackup: { bytes: number; ms: number };

  it('takes an online backup under load that restores to a consistent, verifiable database', async () => {
    const server = await startServerProcess(main, 'source', { ...source.env, DEMO: '1', DEMO_DATA: '0', ADMIN_PASSWORD, WORKER_POLL_MS: '100' });
    servers.push(server);
    const load = new PlanApprovalLoad(() => [server.url!]);
    await load.login();
    const running = load.run(CLIENTS);
    await load.progress(30);
    acksBeforeBackup = [...load.acks];
    const file = join(dir, `online.${source.dialect === 'mysql' ? 'sql' : 'sqlite'}`);
    onlineBackup = backup(source.env, file);
    await load.progress(10);
    load.stop();
    await running;
    acked = load.figures.acked;
    expect(load.unexpected).toEqual([]);

    const copy = await restore(file);
    const copied = await startServerProcess(main, 'restored', { ...copy.env, WORKER_POLL_MS: '100' });
    servers.push(copied);
    const raw = await open(copy.env);
    // effects the snapshot caught before they were performed are performed by the restored worker
    await drained(raw, new Date());
    expect(await integrityProblems(raw, acksBeforeBackup)).toEqual([]);
    const check = new PlanApprovalLoad(() => [copied.url!]);
    await check.login({ auditor: 'demo' });
    expect((await check.request('GET', '/audit/verify', 'auditor'))?.body).toMatchObject({ ok: true });
  }, 300_000);

  it('restores a backup of a stopped server to identical rows', async () => {
    await servers[0].kill('SIGTERM');
    const file = join(dir, `quiet.${source.dialect === 'mysql' ? 'sql' : 'sqlite'}`);
    const quiet = backup(source.env, file);
    const copy = await restore(file);
    const [before, after] = [await open(source.env), await open(copy.env)];
    const tables = await tableNames(before);
    expect(tables.length).toBeGreaterThan(10);
    let rows = 0;
    for (const table of tables) {
      const original = await rowsOf(before, table);
      rows += original.length;
      expect({ table, rows: await rowsOf(after, table) }).toEqual({ table, rows: original });
    }
    const copied = await startServerProcess(main, 'restored quiet', { ...copy.env });
    servers.push(copied);
    const check = new PlanApprovalLoad(() => [copied.url!]);
    await check.login({ auditor: 'demo' });
    const verify = await check.request('GET', '/audit/verify', 'auditor');
    expect(verify?.body).toMatchObject({ ok: true });

    recordFigures('backup', {
      clients: CLIENTS,
      acknowledgedDuringRun: acked,
      acknowledgedBeforeOnlineBackup: acksBeforeBackup.length,
      onlineBackupBytes: onlineBackup.bytes,
      onlineBackupMs: onlineBackup.ms,
      quietBackupBytes: quiet.bytes,
      tablesCompared: tables.length,
      rowsCompared: rows,
      auditRecordsVerifiedAfterRestore: verify?.body.checked,
      lost: 0,
    });
  }, 300_000);
});

async function tableNames(db: RawDb): Promise<string[]> {
  const rows = process.env.DATABASE_URL
    ? await db.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name')
    : await db.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  return rows.map((r) => r.name);
}

/** Every row of a table, in a stable order, as comparable JSON. */
async function rowsOf(db: RawDb, table: string): Promise<string[]> {
  return (await db.query(`SELECT * FROM \`${table}\``)).map((r) => JSON.stringify(r)).sort();
}
