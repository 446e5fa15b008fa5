import { VALID_PLAN } from '../support/fixtures';
import { DAY } from '../support/api';
import { ADMIN_PASSWORD } from '../support/test-app';
import { buildServerForProcesses } from '../support/server-build';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { openRawDb, RawDb, testClockOffsetMs } from './support/proc-db';
import { recordFigures, sleep } from './support/proc-figures';
import { drained, integrityProblems } from './support/proc-integrity';
import { PlanApprovalLoad } from './support/proc-load';

const onMysql = !!process.env.DATABASE_URL;
const CLIENTS = 16;
const WAITING = 40;
const RACES = 20;

/**
 * Two API processes and a worker process on one MariaDB database. The API
 * processes run with ROLE=all, so three processes compete for every due timer
 * and outbox row; each must be claimed by exactly one. Events racing for the
 * same revision through different processes: one wins, the others get 409.
 * SQLite is single-process by design (one writer, embedded), so this is MariaDB only.
 */
(onMysql ? describe : describe.skip)('several processes on one MariaDB (MariaDB run only: SQLite is single-process)', () => {
  let main: string;
  let db: TestDatabase;
  let raw: RawDb | undefined;
  const procs: ServerProcess[] = [];

  beforeAll(async () => {
    main = buildServerForProcesses();
    db = await createTestDatabase();
    const common = { ...db.env, TEST_CLOCK: '1', WORKER_POLL_MS: '50' };
    // one after the other: the first runs the migrations and loads the demo organisation
    procs.push(await startServerProcess(main, 'api 1', { ...common, ROLE: 'all', DEMO: '1', DEMO_DATA: '0', ADMIN_PASSWORD }));
    procs.push(await startServerProcess(main, 'api 2', { ...common, ROLE: 'all' }));
    procs.push(await startServerProcess(main, 'worker', { ...common, ROLE: 'worker' }));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.kill()));
    await raw?.close();
    await db?.drop();
  });

  it('shares load, timers and outbox rows between processes, each claimed once; racing events give one winner and 409s', async () => {
    const apis = procs.filter((p) => p.url).map((p) => p.url!);
    const load = new PlanApprovalLoad(() => apis);
    await load.login({ survey_manager: 'demo', approver: 'demo', auditor: 'demo', admin: ADMIN_PASSWORD });
    await load.waitingForApproval(WAITING);

    const running = load.run(CLIENTS);
    await load.progress(100);
    load.stop();
    await running;
    expect(load.unexpected).toEqual([]);

    // every process's worker sees the moved clock and competes for the due deadlines
    raw = await openRawDb(db.env);
    const waiting = await raw.query<{ id: string }>(`SELECT id FROM instances WHERE state = 'planApproval'`);
    expect((await load.request('POST', '/test/clock', 'admin', { advanceMs: 8 * DAY }))?.status).toBe(200);
    const offset = await testClockOffsetMs(raw);
    await drained(raw, new Date(Date.now() + offset));
    await sleep(500); // a few more worker cycles: a second firing would show now
    const fired = await raw.query<{ instance_id: string; n: number }>(`SELECT instance_id, COUNT(*) AS n FROM audit_records WHERE event = 'DEADLINE' GROUP BY instance_id`);
    expect(fired).toHaveLength(waiting.length);
    expect(fired.filter((f) => Number(f.n) !== 1)).toEqual([]);

    // racing events: four decisions on the same revision, spread over both API processes
    const outcomes: number[][] = [];
    for (let i = 0; i < RACES; i++) {
      const plan = await load.request('POST', '/instances', 'survey_manager', { procedure: 'annual-satisfaction-survey', title: `race ${i}` });
      const id = String(plan!.body.id);
      expect(await load.attachSurvey(id, `race ${i}`)).toBe(true);
      const submitted = await load.request('POST', `/instances/${id}/events`, 'survey_manager', { type: 'SUBMIT', data: VALID_PLAN, expectedRevision: 1 });
      expect(submitted?.status).toBe(200);
      const decisions = [
        { type: 'APPROVE', signature: { password: 'demo', meaning: 'approved' } },
        { type: 'REJECT', comment: 'no / 不行' },
        { type: 'APPROVE', signature: { password: 'demo', meaning: 'approved' } },
        { type: 'REJECT', comment: 'no again / 还是不行' },
      ];
      const answers = await Promise.all(decisions.map((d) => load.request('POST', `/instances/${id}/events`, 'approver', { ...d, expectedRevision: 2 })));
      outcomes.push(answers.map((a) => a?.status ?? 0).sort());
    }
    expect(outcomes.filter((o) => o.join() !== '200,409,409,409')).toEqual([]);

    expect(await integrityProblems(raw, load.acks)).toEqual([]);
    const verify = await load.request('GET', '/audit/verify', 'auditor');
    expect(verify?.body).toMatchObject({ ok: true });
    expect(procs.every((p) => p.child.exitCode === null)).toBe(true);

    recordFigures('multi-process', {
      processes: '2 × ROLE=all (API + worker) + 1 × ROLE=worker',
      clients: CLIENTS,
      requestsSent: load.figures.sent,
      acknowledged: load.figures.acked,
      deadlinesDue: waiting.length,
      deadlinesFiredTwice: 0,
      races: RACES,
      raceOutcome: '200 + 3 × 409 each',
      auditRecordsChecked: verify?.body.checked,
      lost: 0,
    });
  }, 300_000);
});
