import { DAY } from '../support/api';
import { ADMIN_PASSWORD } from '../support/test-app';
import { buildServerForProcesses } from '../support/server-build';
import { freePort, ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { openRawDb, RawDb, testClockOffsetMs } from './support/proc-db';
import { recordFigures, sleep } from './support/proc-figures';
import { drained, integrityProblems } from './support/proc-integrity';
import { PlanApprovalLoad } from './support/proc-load';

const CLIENTS = 16;
const KILLS = 4;
const WAITING = 40;

/**
 * The server is SIGKILLed again and again while 16 clients walk survey plans
 * through approval, then once more while its worker fires a batch of deadlines.
 * Whatever it acknowledged must be in the trail exactly once, and nothing may be
 * half-written, lost or done twice. Runs on the suite's dialect.
 */
describe('crash: SIGKILL under load, restart', () => {
  let main: string;
  let db: TestDatabase;
  let raw: RawDb;
  let env: Record<string, string>;
  let server: ServerProcess | undefined;

  const start = async () => (server = await startServerProcess(main, 'server', env));

  beforeAll(async () => {
    main = buildServerForProcesses();
    db = await createTestDatabase();
    env = { ...db.env, PORT: String(await freePort()), DEMO: '1', DEMO_DATA: '0', ADMIN_PASSWORD, TEST_CLOCK: '1', WORKER_POLL_MS: '100' };
  }, 180_000);

  afterAll(async () => {
    await server?.kill();
    await raw?.close();
    await db?.drop();
  });

  it('keeps every acknowledged transition exactly once and loses no timer or outbox row', async () => {
    await start();
    const load = new PlanApprovalLoad(() => [server!.url!]);
    await load.login({ survey_manager: 'demo', approver: 'demo', auditor: 'demo', admin: ADMIN_PASSWORD });
    await load.waitingForApproval(WAITING);

    const began = Date.now();
    const running = load.run(CLIENTS);
    const kills: { atMs: number; sent: number; acked: number }[] = [];
    for (let i = 0; i < KILLS; i++) {
      await load.progress(20);
      await sleep(Math.random() * 1500);
      kills.push({ atMs: Date.now() - began, sent: load.figures.sent, acked: load.figures.acked });
      await server!.kill();
      await sleep(200 + Math.random() * 300); // clients meet a dead port meanwhile
      await start();
    }
    await load.progress(20);
    load.stop();
    await running;

    // the worker is killed while it fires the deadlines of every plan waiting for approval
    raw = await openRawDb(db.env);
    const waiting = await raw.query<{ id: string }>(`SELECT id FROM instances WHERE state = 'planApproval'`);
    const move = load.request('POST', '/test/clock', 'admin', { advanceMs: 8 * DAY });
    const workerKilledAfterMs = Math.round(100 + Math.random() * 500);
    await sleep(workerKilledAfterMs);
    await server!.kill();
    await move;
    const firedBeforeKill = Number((await raw.query<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_records WHERE event = 'DEADLINE'`))[0].n);
    await start();
    // killed before the move was stored: nothing can have fired; move it now
    if ((await testClockOffsetMs(raw)) === 0) expect((await load.request('POST', '/test/clock', 'admin', { advanceMs: 8 * DAY }))?.status).toBe(200);
    const offset = await testClockOffsetMs(raw);
    await drained(raw, new Date(Date.now() + offset));

    const deadlines = await raw.query<{ instance_id: string; n: number }>(
      `SELECT instance_id, COUNT(*) AS n FROM audit_records WHERE event = 'DEADLINE' GROUP BY instance_id`,
    );
    const fired = new Map(deadlines.map((d) => [d.instance_id, Number(d.n)]));
    expect(waiting.filter((w) => fired.get(w.id) !== 1)).toEqual([]);
    expect(deadlines).toHaveLength(waiting.length);

    expect(load.unexpected).toEqual([]);
    expect(await integrityProblems(raw, load.acks)).toEqual([]);
    const verify = await load.request('GET', '/audit/verify', 'auditor');
    expect(verify?.body).toMatchObject({ ok: true });
    // the kills really hit requests in flight, and the load really ran
    expect(load.figures.unanswered).toBeGreaterThan(0);
    expect(load.figures.acked).toBeGreaterThan(100);

    recordFigures('crash', {
      clients: CLIENTS,
      requestsSent: load.figures.sent,
      acknowledged: load.figures.acked,
      unanswered: load.figures.unanswered,
      retriedWithIdempotencyKey: load.figures.retried,
      killedAt: kills,
      deadlinesDue: waiting.length,
      deadlinesFiredBeforeWorkerKill: firedBeforeKill,
      workerKilledAfterMs,
      auditRecordsChecked: verify?.body.checked,
      lost: 0,
      doubled: 0,
    });
  }, 300_000);
});
