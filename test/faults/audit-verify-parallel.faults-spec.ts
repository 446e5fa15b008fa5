import { availableParallelism } from 'node:os';
import { ADMIN_PASSWORD } from '../support/test-app';
import { buildServerForProcesses } from '../support/server-build';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { openRawDb, RawDb } from './support/proc-db';

const PLAN = { plan: { period: '2026', sample: { size: 40 }, channels: ['email'], survey: 'verify', targetReturnRate: 80 } };

/**
 * The compiled server verifies a large trail in worker threads, a range each
 * (AUDIT_VERIFY_PARALLEL_FROM=1 makes this small trail "large"): the verdict is
 * the one a single thread gives, including a record removed across a cut.
 */
describe('audit verification in worker threads', () => {
  let db: TestDatabase;
  let raw: RawDb;
  let server: ServerProcess;
  const tokens: Record<string, string> = {};

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of several shapes
  const call = async (method: string, path: string, user: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(tokens[user] ? { authorization: `Bearer ${tokens[user]}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status >= 300) throw new Error(`${method} ${path} as ${user}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const verify = () => call('GET', '/audit/verify', 'auditor');

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServerProcess(buildServerForProcesses(), 'api', { ...db.env, DEMO: '1', DEMO_DATA: '0', ADMIN_PASSWORD, AUDIT_VERIFY_PARALLEL_FROM: '1' });
    raw = await openRawDb(db.env);
    for (const user of ['survey_manager', 'approver', 'auditor']) {
      tokens[user] = (await call('POST', '/auth/login', user, { username: user, password: 'demo' })).accessToken;
    }
    // 6 instances, each START + 4 × (SUBMIT, REJECT): 54 records, interleaved by seq
    const ids: { id: string; revision: number }[] = [];
    for (let i = 0; i < 6; i++) ids.push(await call('POST', '/instances', 'survey_manager', { procedure: 'annual-satisfaction-survey', title: `verify ${i}` }));
    for (let round = 0; round < 4; round++) {
      for (const instance of ids) {
        const submitted = await call('POST', `/instances/${instance.id}/events`, 'survey_manager', { type: 'SUBMIT', expectedRevision: instance.revision, data: PLAN });
        const rejected = await call('POST', `/instances/${instance.id}/events`, 'approver', { type: 'REJECT', expectedRevision: submitted.revision, comment: `round ${round}` });
        instance.revision = rejected.revision;
      }
    }
  }, 180_000);

  afterAll(async () => {
    await raw?.close();
    await server?.kill('SIGTERM');
    await db?.drop();
  });

  it('splits the trail over the cores and finds it intact', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checked: 54, ranges: Math.min(availableParallelism(), 4) });
  });

  it('reports the first changed record, whichever range holds it', async () => {
    await raw.query("UPDATE audit_records SET comment = 'edited later' WHERE seq = 40");
    expect((await verify()).firstBroken).toMatchObject({ seq: 40, reason: expect.stringContaining('record changed') });
    await raw.query("UPDATE audit_records SET comment = 'edited too' WHERE seq = 10");
    expect((await verify()).firstBroken).toMatchObject({ seq: 10 });
  });

  it('finds a record removed at a cut, where only joining the ranges shows the gap', async () => {
    await raw.query("UPDATE audit_records SET comment = 'round 0' WHERE seq = 10");
    await raw.query("UPDATE audit_records SET comment = 'round 2' WHERE seq = 40");
    expect(await verify()).toMatchObject({ ok: true });
    const [cut] = await raw.query<{ seq: number; instance_id: string }>('SELECT seq, instance_id FROM audit_records WHERE seq = 27');
    const [next] = await raw.query<{ seq: number }>('SELECT MIN(seq) AS seq FROM audit_records WHERE instance_id = ? AND seq > 27', [cut.instance_id]);
    await raw.query('DELETE FROM audit_records WHERE seq = 27');
    expect((await verify()).firstBroken).toMatchObject({ seq: Number(next.seq), instanceId: cut.instance_id, reason: expect.stringContaining('chain broken') });
  });
});
