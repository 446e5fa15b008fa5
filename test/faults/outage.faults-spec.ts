import { DAY } from '../support/api';
import { ADMIN_PASSWORD } from '../support/test-app';
import { buildServerForProcesses } from '../support/server-build';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { openRawDb, RawDb, testClockOffsetMs } from './support/proc-db';
import { recordFigures, sleep } from './support/proc-figures';
import { drained, integrityProblems } from './support/proc-integrity';
import { PlanApprovalLoad, Reply } from './support/proc-load';
import { PrivateMariaDb, startPrivateMariaDb } from './support/proc-mariadb';

const onMysql = !!process.env.DATABASE_URL;
const CLIENTS = 8;
const OUTAGE_MS = 5000;
const LEAKS = /SELECT|INSERT|UPDATE|\bat \S+ \(|node_modules|QueryFailed|ECONN|PROTOCOL_/;

/**
 * A private MariaDB (never the shared one) is SIGKILLed under load and started
 * again after a while: meanwhile every request is a clean 503 in the api.md
 * shape, /health says the database is down, and afterwards the same server
 * process serves again by itself, with nothing lost or corrupted.
 * SQLite is embedded in the server process: it cannot be down while the server
 * is up, and losing the process is what crash.faults-spec.ts covers.
 */
(onMysql ? describe : describe.skip)('database outage (MariaDB run only: SQLite cannot fail apart from the server)', () => {
  let main: string;
  let mariadb: PrivateMariaDb;
  let raw: RawDb | undefined;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    main = buildServerForProcesses();
    mariadb = await startPrivateMariaDb();
    const admin = await openRawDb({ DATABASE_URL: mariadb.url('mysql') });
    await admin.query('CREATE DATABASE satisflow CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.close();
  }, 180_000);

  afterAll(async () => {
    await server?.kill();
    await raw?.close();
    await mariadb?.destroy();
  });

  it('answers 503 while the database is down and resumes by itself when it returns', async () => {
    // silent: the worker would log every failed cycle of the outage
    const env = { DATABASE_URL: mariadb.url('satisflow'), DEMO: '1', DEMO_DATA: '0', ADMIN_PASSWORD, TEST_CLOCK: '1', WORKER_POLL_MS: '100', LOG_LEVEL: 'silent' };
    server = await startServerProcess(main, 'server', env);
    const load = new PlanApprovalLoad(() => [server!.url!], { okStatuses: [503] });
    await load.login({ survey_manager: 'demo', approver: 'demo', auditor: 'demo', admin: ADMIN_PASSWORD });
    await load.waitingForApproval(10);
    const running = load.run(CLIENTS);
    await load.progress(20);

    await mariadb.stop();
    const down = Date.now();
    const probes: Reply[] = [];
    while (Date.now() - down < OUTAGE_MS) {
      for (const [method, path, user] of [
        ['GET', '/health', undefined],
        ['GET', '/instances', 'auditor'],
        ['POST', '/instances', 'survey_manager'],
      ] as const) {
        const res = await load.request(method, path, user, method === 'POST' ? { procedure: 'annual-satisfaction-survey', title: 'during the outage' } : undefined);
        if (res) probes.push(res);
      }
      await sleep(250);
    }
    await mariadb.start();
    const back = Date.now();
    let resumedAfterMs = -1;
    while (Date.now() - back < 60_000) {
      if ((await load.request('GET', '/health'))?.status === 200) {
        resumedAfterMs = Date.now() - back;
        break;
      }
      await sleep(100);
    }
    // the load goes on by itself: the clients' retries get answers again
    await load.progress(20);
    load.stop();
    await running;

    // every request during the outage was answered, and answered 503 in the error shape without internals
    expect(probes.length).toBeGreaterThan(10);
    for (const p of probes) {
      expect(p).toMatchObject({ status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: expect.any(String) } });
      expect(JSON.stringify(p.body)).not.toMatch(LEAKS);
      expect(p.headers.get('retry-after')).toBe('5');
    }
    expect(probes.find((p) => p.body.message === 'the database is down (not reachable)')).toBeDefined();
    expect(load.figures.statuses[500]).toBeUndefined();
    // resumed without a restart: same process, healthy, and the load went on
    expect(resumedAfterMs).toBeGreaterThanOrEqual(0);
    expect(server.child.exitCode).toBeNull();

    // the worker resumed too: deadlines due after the outage fire once each
    expect((await load.request('POST', '/test/clock', 'admin', { advanceMs: 8 * DAY }))?.status).toBe(200);
    raw = await openRawDb(env);
    const offset = await testClockOffsetMs(raw);
    await drained(raw, new Date(Date.now() + offset));
    expect(load.unexpected).toEqual([]);
    expect(await integrityProblems(raw, load.acks)).toEqual([]);
    const verify = await load.request('GET', '/audit/verify', 'auditor');
    expect(verify?.body).toMatchObject({ ok: true });

    recordFigures('outage', {
      clients: CLIENTS,
      requestsSent: load.figures.sent,
      acknowledged: load.figures.acked,
      outageMs: OUTAGE_MS,
      probesDuringOutage: probes.length,
      answered503: load.figures.statuses[503] ?? 0,
      answered500: load.figures.statuses[500] ?? 0,
      resumedAfterRestartMs: resumedAfterMs,
      auditRecordsChecked: verify?.body.checked,
      lost: 0,
    });
  }, 300_000);
});
