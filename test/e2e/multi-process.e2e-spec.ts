import { createConnection } from 'mysql2/promise';
import { startTestApp, TestApp } from '../support/test-app';
import { api, DAY } from '../support/api';
import { VALID_PLAN } from '../support/fixtures';
import { buildServerForProcesses } from '../support/server-build';
import { ServerProcess, startServerProcess } from '../support/server-process';

const onMysql = !!process.env.DATABASE_URL;
const INSTANCES = 24;
const WORKERS = 3;

/**
 * Several worker processes on one MariaDB, all polling the same due timers and
 * schedules: each must fire exactly once (timer claims use FOR UPDATE SKIP LOCKED,
 * schedule claims a conditional update of the run count).
 * SQLite is a single-process database for Satisflow, so this runs on MySQL only.
 */
(onMysql ? describe : describe.skip)('several worker processes on one MariaDB', () => {
  let t: TestApp;
  let main: string;
  const workers: ServerProcess[] = [];

  beforeAll(async () => {
    main = buildServerForProcesses();
    t = await startTestApp({ ROLE: 'api' });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await t.close();
  });

  it('fires each due timer exactly once across three workers', async () => {
    const a = api(t);
    const ids: string[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const plan = await a.start('survey_manager', 'annual-satisfaction-survey', `multi ${i}`);
      await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
      ids.push(plan.id);
    }
    // ROLE=api: moving the clock here runs no worker; the timers wait for the processes below
    await a.advanceClock(8 * DAY);

    for (let i = 0; i < WORKERS; i++) {
      const w = await startServerProcess(main, `worker ${i}`, { ...t.db.env, ROLE: 'worker', TEST_CLOCK: '1', WORKER_POLL_MS: '20' });
      workers.push(w);
    }

    const db = await createConnection(t.db.env.DATABASE_URL);
    const deadline = Date.now() + 60_000;
    let fired = 0;
    while (Date.now() < deadline) {
      const [[row]] = (await db.query("SELECT COUNT(*) AS n FROM audit_records WHERE event = 'DEADLINE'")) as unknown as [{ n: number }[]];
      fired = Number(row.n);
      if (fired >= INSTANCES) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // let the workers run a few more cycles: a double firing would show up now
    await new Promise((r) => setTimeout(r, 1000));
    const [perInstance] = (await db.query(
      "SELECT instance_id, COUNT(*) AS n FROM audit_records WHERE event = 'DEADLINE' GROUP BY instance_id",
    )) as unknown as [{ instance_id: string; n: number }[]];
    await db.end();

    expect(perInstance).toHaveLength(INSTANCES);
    expect(perInstance.every((r) => Number(r.n) === 1)).toBe(true);
    for (const id of ids) expect((await a.get('auditor', id)).revision).toBe(3);
    const verify = (await t.http.get('/api/v1/audit/verify').set(await a.auth('auditor'))).body;
    expect(verify.ok).toBe(true);
    expect(workers.every((w) => w.child.exitCode === null)).toBe(true); // none crashed
  }, 120_000);

  it('opens the yearly survey plan exactly once across three workers', async () => {
    const a = api(t);
    const db = await createConnection(t.db.env.DATABASE_URL);
    const count = async (sql: string) => Number(((await db.query(sql)) as unknown as [{ n: number }[]])[0][0].n);
    // the workers created the schedule row on their first cycles; a year ahead passes the next reminder day
    expect(await count("SELECT COUNT(*) AS n FROM schedules WHERE `key` = 'annual-survey-reminder'")).toBe(1);
    await a.advanceClock(400 * DAY);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await count("SELECT runs AS n FROM schedules WHERE `key` = 'annual-survey-reminder'")) < 1) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1000)); // more cycles: a second firing would show up now
    const opened = await count("SELECT COUNT(*) AS n FROM instances WHERE title LIKE '%annual customer satisfaction survey'");
    const runs = await count("SELECT runs AS n FROM schedules WHERE `key` = 'annual-survey-reminder'");
    await db.end();
    expect(opened).toBe(1);
    expect(runs).toBe(1);
    expect(workers.every((w) => w.child.exitCode === null)).toBe(true);
  }, 60_000);
});
