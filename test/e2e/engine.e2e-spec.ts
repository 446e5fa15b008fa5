import { createConnection } from 'mysql2/promise';
import Database from 'better-sqlite3';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditSealer, recordHash } from '@satisflow/audit';
import { readTrail, trailSource } from '../../libs/audit/src/verify/trail-source';
import { serve, startTestApp, TestApp } from '../support/test-app';
import { api, DAY } from '../support/api';
import { VALID_PLAN } from '../support/fixtures';

const SURVEY = 'annual-satisfaction-survey';
const COMPLAINT = 'customer-complaint';

/** Runs one SQL statement directly against the test database, bypassing the application (tampering). */
async function tamper(t: TestApp, sql: string): Promise<void> {
  if (t.db.dialect === 'mysql') {
    const c = await createConnection(t.db.env.DATABASE_URL);
    await c.query(sql);
    await c.end();
  } else {
    const db = new Database(t.db.env.DATABASE_PATH);
    db.exec(sql);
    db.close();
  }
}

describe('the workflow engine over HTTP', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  beforeAll(async () => {
    t = await startTestApp();
    a = api(t);
  });
  afterAll(() => t.close());

  it('lists procedures and describes them with a diagram', async () => {
    const auth = await a.auth('coordinator');
    const list = await t.http.get('/api/v1/procedures').set(auth).expect(200);
    expect(list.body.map((p: { key: string }) => p.key)).toEqual(
      expect.arrayContaining(['annual-satisfaction-survey', 'customer-complaint', 'corrective-action', 'management-review']),
    );
    const survey = await t.http.get(`/api/v1/procedures/${SURVEY}`).set(auth).expect(200);
    expect(survey.body.states.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['planning', 'planApproval', 'completed']));
    expect(survey.body.transitions).toEqual(expect.arrayContaining([{ from: 'planApproval', event: 'REJECT', to: 'planning' }]));
    const svg = await t.http.get(`/api/v1/procedures/${SURVEY}/diagram?highlight=planApproval`).set(auth).expect(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(String(svg.body)).toContain('<svg');
    const mermaid = await t.http.get(`/api/v1/procedures/${SURVEY}/diagram?format=mermaid`).set(auth).expect(200);
    expect(mermaid.text).toContain('stateDiagram-v2');
    for (const lang of ['zh', 'en']) {
      const doc = await t.http.get(`/api/v1/procedures/${SURVEY}/document?lang=${lang}`).set(auth).expect(200);
      expect(doc.headers['content-type']).toContain('text/markdown');
      expect(doc.text).toContain('```mermaid');
      expect(doc.text).toContain(lang === 'zh' ? '批准调查计划' : 'Approve the survey plan');
    }
  });

  it('documents in OpenAPI what integrators send: the Idempotency-Key once and optional, the follow-up note', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const events = doc.paths['/api/v1/instances/{id}/events'].post;
    expect(events.parameters.filter((p: { in: string; name: string }) => p.in === 'header' && /^idempotency-key$/i.test(p.name))).toEqual([
      expect.objectContaining({ name: 'Idempotency-Key', required: false }),
    ]);
    const followUp = doc.paths['/api/v1/surveys/{id}/recipients/{recipientId}/follow-up'].post.requestBody.content['application/json'].schema.$ref.split('/').pop();
    expect(doc.components.schemas[followUp]).toMatchObject({ required: ['note'], properties: { note: expect.objectContaining({ type: 'string', maxLength: 2000 }) } });
  });

  it("says why it refuses in the caller's language (Accept-Language), English by default", async () => {
    const plan = await a.start('survey_manager', SURVEY, 'languages');
    await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    const zh = { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' };
    const noReason = await a.send('approver', plan.id, { type: 'REJECT' }, zh);
    expect(noReason.status).toBe(422);
    // steps by their titles and events by their labels in Chinese; English keeps the codes integrators send
    expect(noReason.body.message).toBe('在「批准调查计划」中「退回」须填写意见说明理由');
    expect(noReason.body.details).toEqual([{ field: 'comment', rule: 'requiredForREJECT', message: '「退回」须填写意见' }]);
    expect((await a.send('approver', plan.id, { type: 'REJECT' })).body.message).toBe("REJECT in 'Approve the survey plan' (planApproval) needs a comment giving the reason");
    const unknown = await a.send('approver', plan.id, { type: 'FOO' }, zh);
    expect(unknown.body.message).toBe('「批准调查计划」不接受 FOO；可接受：「批准」、「退回」');
    expect((await a.send('approver', plan.id, { type: 'FOO' })).body.message).toBe("'Approve the survey plan' (planApproval) does not accept FOO; it accepts APPROVE, REJECT");
    const notMine = await a.send('coordinator', plan.id, { type: 'REJECT', comment: 'x' });
    expect(notMine.body.message).toBe("only the approver (approver) may act in 'Approve the survey plan' (planApproval)");
    const invalid = await t.http.post('/api/v1/instances').set({ ...(await a.auth('survey_manager')), ...zh }).send({ procedure: SURVEY, title: 'x'.repeat(201) });
    expect(invalid.body.details).toEqual([{ field: 'title', rule: 'maxLength', message: 'title 最多 200 个字符' }]);
    const missing = await t.http.get('/api/v1/instances/00000000-0000-4000-8000-000000000000').set({ ...(await a.auth('auditor')), ...zh }).expect(404);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: '实例 00000000-0000-4000-8000-000000000000 不存在' });
  });

  it('walks a plan through submit, reject with a reason, resubmit and signed approval', async () => {
    const plan = await a.start('survey_manager', SURVEY, '2026 年度客户满意度调查');
    expect(plan).toMatchObject({ state: 'planning', status: 'active', revision: 1, availableEvents: ['SUBMIT'] });
    expect(plan.openTasks).toEqual([expect.objectContaining({ role: 'survey_manager', state: 'planning', outcomes: ['SUBMIT'] })]);

    let i = await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    expect(i.state).toBe('planApproval');
    expect(i.openTasks[0]).toMatchObject({ role: 'approver', overdue: false });
    expect(i.openTasks[0].dueAt).toBeDefined();

    // no survey attached yet: approved, the plan could never be dispatched
    const noSurvey = await a.send('approver', plan.id, { type: 'APPROVE', signature: a.sign('批准 / approved') });
    expect(noSurvey.status).toBe(422);
    expect(noSurvey.body.message).toContain("create this plan's survey");

    const noReason = await a.send('approver', plan.id, { type: 'REJECT', comment: '' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.details[0]).toMatchObject({ field: 'comment' });

    i = await a.act('approver', plan.id, { type: 'REJECT', comment: '样本量不足 / sample too small' });
    expect(i.state).toBe('planning');
    await a.attachSurvey(plan.id);

    i = await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    const unsigned = await a.send('approver', plan.id, { type: 'APPROVE' });
    expect(unsigned.status).toBe(422);
    const badSignature = await a.send('approver', plan.id, { type: 'APPROVE', signature: a.sign('approved', 'wrong') });
    expect(badSignature.status).toBe(403);
    // the console puts this on the password field
    expect(badSignature.body.details).toEqual([expect.objectContaining({ field: 'signature.password', rule: 'signature' })]);

    i = await a.act('approver', plan.id, { type: 'APPROVE', signature: a.sign('批准 / approved') });
    expect(i.state).toBe('dispatching');
    expect(i.revision).toBe(5);

    const history = (await t.http.get(`/api/v1/instances/${plan.id}/history`).set(await a.auth('auditor')).expect(200)).body;
    expect(history.map((r: { event: string }) => r.event)).toEqual(['START', 'SUBMIT', 'REJECT', 'SUBMIT', 'APPROVE']);
    expect(history[2]).toMatchObject({ comment: '样本量不足 / sample too small', actor: { username: 'approver', role: 'approver' }, fromState: 'planApproval', toState: 'planning' });
    expect(history[4]).toMatchObject({ signatureMeaning: '批准 / approved', procedure: { key: SURVEY, version: 1 } });
  });

  it('answers 403 to coordinators and auditors acting on an approval', async () => {
    const plan = await a.start('survey_manager', SURVEY, 'roles');
    await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    for (const user of ['coordinator', 'auditor']) {
      const res = await a.send(user, plan.id, { type: 'REJECT', comment: 'no' });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    }
    const auditorView = await a.get('auditor', plan.id);
    expect(auditorView.availableEvents).toEqual([]);
  });

  it('forbids a user holding two roles to approve their own submission', async () => {
    const admin = await a.auth('admin');
    await t.http
      .post('/api/v1/users')
      .set(admin)
      .send({ username: 'wang.both', displayName: '王双岗', password: 'password-2', roles: [{ role: 'survey_manager' }, { role: 'approver' }] })
      .expect(201);
    await t.login('wang.both', 'password-2');
    const plan = await a.start('wang.both', SURVEY, 'separation of duties');
    await a.attachSurvey(plan.id);
    await a.act('wang.both', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    const own = await t.login('wang.both');
    const res = await t.http
      .post(`/api/v1/instances/${plan.id}/events`)
      .set('Authorization', `Bearer ${own}`)
      .send({ type: 'APPROVE', expectedRevision: 2, signature: { password: 'password-2', meaning: 'approved' } });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('separation of duties');
    const inbox = await t.http.get('/api/v1/tasks?mine=true').set('Authorization', `Bearer ${own}`).expect(200);
    expect(inbox.body.find((task: { instanceId: string }) => task.instanceId === plan.id)).toBeUndefined();
    // the other approver may
    await a.act('approver', plan.id, { type: 'APPROVE', signature: a.sign() });
  });

  it("offers a scoped user exactly what it allows: starting, buttons and inbox only in the user's own unit", async () => {
    const admin = await a.auth('admin');
    await t.http
      .post('/api/v1/users')
      .set(admin)
      .send({ username: 'desk.site.a', displayName: 'A 站前台', password: 'password-4', roles: [{ role: 'complaint_desk', scope: 'siteA' }] })
      .expect(201);
    const scoped = { Authorization: `Bearer ${await t.login('desk.site.a', 'password-4')}` };
    const intake = { customer: '华东机械厂', channel: 'phone', description: '漏油 / leaking' };
    const start = (scope: string) => t.http.post('/api/v1/instances').set(scoped).send({ procedure: COMPLAINT, title: `scope ${scope}`, data: { ...intake, scope } });

    const elsewhere = await start('siteB');
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.message).toContain('scope siteB');
    const own = await start('siteA');
    expect(own.status).toBe(201);
    expect(own.body.availableEvents).toEqual(['DISPATCH']);

    const other = await a.start('complaint_desk', COMPLAINT, 'scope siteB', { ...intake, scope: 'siteB' });
    expect(other.availableEvents).toEqual(['DISPATCH']);
    const seen = await t.http.get(`/api/v1/instances/${other.id}`).set(scoped).expect(200);
    expect(seen.body.availableEvents).toEqual([]);
    const inbox = (await t.http.get('/api/v1/tasks?mine=true').set(scoped).expect(200)).body.map((task: { instanceId: string }) => task.instanceId);
    expect(inbox).toContain(own.body.id);
    expect(inbox).not.toContain(other.id);
    const dispatch = await t.http.post(`/api/v1/instances/${other.id}/events`).set(scoped).send({ type: 'DISPATCH', expectedRevision: 1, data: { handler: 'complaint_handler' } });
    expect(dispatch.status).toBe(403);
  });

  it('lets exactly one of two racing approvals win (200 + 409)', async () => {
    const plan = await a.start('survey_manager', SURVEY, 'race');
    await a.attachSurvey(plan.id);
    const submitted = await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    const admin = await a.auth('admin');
    await t.http.post('/api/v1/users').set(admin).send({ username: 'approver2', displayName: '副总 2', password: 'password-3', roles: [{ role: 'approver' }] }).expect(201);
    const second = await t.login('approver2', 'password-3');
    const [r1, r2] = await Promise.all([
      a.send('approver', plan.id, { type: 'APPROVE', expectedRevision: submitted.revision, signature: a.sign() }),
      t.http
        .post(`/api/v1/instances/${plan.id}/events`)
        .set('Authorization', `Bearer ${second}`)
        .send({ type: 'APPROVE', expectedRevision: submitted.revision, signature: { password: 'password-3', meaning: 'approved' } }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const history = (await t.http.get(`/api/v1/instances/${plan.id}/history`).set(await a.auth('auditor'))).body;
    expect(history.filter((r: { event: string }) => r.event === 'APPROVE')).toHaveLength(1);
  });

  it('acts once for a retried request with the same Idempotency-Key', async () => {
    const plan = await a.start('survey_manager', SURVEY, 'idempotency');
    const headers = { 'Idempotency-Key': 'submit-once-1' };
    const first = await a.send('survey_manager', plan.id, { type: 'SUBMIT', expectedRevision: 1, data: VALID_PLAN }, headers);
    const retry = await a.send('survey_manager', plan.id, { type: 'SUBMIT', expectedRevision: 1, data: VALID_PLAN }, headers);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await a.get('survey_manager', plan.id)).revision).toBe(2);
    // without the key the same stale request is a conflict
    const again = await a.send('survey_manager', plan.id, { type: 'SUBMIT', expectedRevision: 1, data: VALID_PLAN });
    expect(again.status).toBe(409);
  });

  it('answers 422 to an event the state does not take, and 409 to a stale revision', async () => {
    const plan = await a.start('survey_manager', SURVEY, '422');
    const wrong = await a.send('survey_manager', plan.id, { type: 'CLOSE_COLLECTION' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toContain('planning');
    const stale = await a.send('survey_manager', plan.id, { type: 'SUBMIT', expectedRevision: 7, data: VALID_PLAN });
    expect(stale.status).toBe(409);
    const unknown = await t.http.post('/api/v1/instances/00000000-0000-4000-8000-000000000000/events').set(await a.auth('approver')).send({ type: 'APPROVE', expectedRevision: 1 });
    expect(unknown.status).toBe(404);
  });

  it('fires a passed deadline through a durable timer and escalates', async () => {
    const plan = await a.start('survey_manager', SURVEY, 'deadline');
    const submitted = await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    await a.advanceClock(7 * DAY); // well past 3 working days, whatever the weekday
    const after = await a.get('approver', plan.id);
    expect(after.state).toBe('planApproval');
    expect(after.revision).toBe(submitted.revision + 1);
    expect(after.openTasks[0].overdue).toBe(true);
    const history = (await t.http.get(`/api/v1/instances/${plan.id}/history`).set(await a.auth('auditor'))).body;
    expect(history.at(-1)).toMatchObject({ event: 'DEADLINE', actor: { username: 'system' } });
    const notices = (await t.http.get('/api/v1/notifications').set(await a.auth(history.at(-1).data?.effects ? 'survey_manager' : 'survey_manager'))).body;
    expect(Array.isArray(notices)).toBe(true);
    // running the worker again fires nothing more until the next escalation is due
    await a.runWorker();
    expect((await a.get('approver', plan.id)).revision).toBe(after.revision);
  });

  it('verifies the audit trail, and finds the first broken record after tampering', async () => {
    const auditor = await a.auth('auditor');
    const ok = (await t.http.get('/api/v1/audit/verify').set(auditor).expect(200)).body;
    expect(ok).toMatchObject({ ok: true });
    expect(ok.checked).toBeGreaterThan(10);

    const list = (await t.http.get('/api/v1/audit?pageSize=5').set(auditor).expect(200)).body;
    expect(list.total).toBe(ok.checked);
    const csv = await t.http.get('/api/v1/audit/export?format=csv').set(auditor).expect(200);
    expect(csv.text.split('\r\n')[0]).toContain('seq,instanceId,revision');
    const json = await t.http.get('/api/v1/audit/export?format=json').set(auditor).expect(200);
    expect(JSON.parse(json.text).records).toHaveLength(ok.checked);
    // one instance's trail; a mistyped id is a 404, not an empty file an auditor could take for no activity
    const one = (await t.http.get(`/api/v1/audit/export?format=json&instanceId=${list.items[0].instanceId}`).set(auditor).expect(200)).body;
    expect(one.records.length).toBeGreaterThan(0);
    expect(one.records.every((r: { instanceId: string }) => r.instanceId === list.items[0].instanceId)).toBe(true);
    const unknown = '00000000-0000-4000-8000-000000000000';
    await t.http.get(`/api/v1/audit/export?format=csv&instanceId=${unknown}`).set(auditor).expect(404);
    await t.http.get(`/api/v1/audit?instanceId=${unknown}`).set(auditor).expect(404);
    const quiet = (await t.http.get(`/api/v1/audit?instanceId=${list.items[0].instanceId}&from=2100-01-01T00:00:00Z`).set(auditor).expect(200)).body;
    expect(quiet).toEqual({ items: [], total: 0 });
    // times are ISO 8601: a word or a bare number is a 400 naming the field, not a guess
    const all = (await t.http.get(`/api/v1/audit?instanceId=${list.items[0].instanceId}`).set(auditor).expect(200)).body;
    const fromDay = (await t.http.get(`/api/v1/audit?instanceId=${list.items[0].instanceId}&from=2000-01-01`).set(auditor).expect(200)).body;
    expect(fromDay.total).toBe(all.total);
    for (const from of ['yesterday', '12']) {
      const bad = await t.http.get(`/api/v1/audit?from=${from}`).set(auditor).expect(400);
      expect(bad.body.details).toEqual([{ field: 'from', rule: 'isDate', message: expect.stringContaining('ISO 8601') }]);
    }

    await t.app.get(AuditSealer).seal();
    // the in-process worker may have sealed an earlier range already (it seals after 5 s of real time)
    const sealed = (await t.http.get('/api/v1/audit/verify').set(auditor)).body;
    expect(sealed).toMatchObject({ ok: true, checked: ok.checked });
    expect(sealed.checkpoints).toBeGreaterThanOrEqual(1);

    const victim = list.items[3];
    await tamper(t, `UPDATE audit_records SET comment = 'edited later' WHERE seq = ${victim.seq}`);
    const broken = (await t.http.get('/api/v1/audit/verify').set(auditor).expect(200)).body;
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken).toMatchObject({ seq: victim.seq, reason: expect.stringContaining('changed') });
  });
});

describe('audit verification finds removed records and instances', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  beforeEach(async () => {
    t = await startTestApp();
    a = api(t);
  });
  afterEach(() => t.close());

  async function twoPlans() {
    const p1 = await a.start('survey_manager', SURVEY, 'one');
    await a.act('survey_manager', p1.id, { type: 'SUBMIT', data: VALID_PLAN });
    await a.act('approver', p1.id, { type: 'REJECT', comment: 'redo' });
    const p2 = await a.start('survey_manager', SURVEY, 'two');
    await a.act('survey_manager', p2.id, { type: 'SUBMIT', data: VALID_PLAN });
    return [p1.id as string, p2.id as string];
  }
  const verify = async () => (await t.http.get('/api/v1/audit/verify').set(await a.auth('auditor')).expect(200)).body;

  it('reads the trail in pages: every record once, in seq order, as it was hashed, at any page size', async () => {
    await twoPlans();
    const ds = t.app.get<DataSource>(getDataSourceToken());
    const seqs = (await ds.query('SELECT seq FROM audit_records ORDER BY seq')).map((r: { seq: unknown }) => Number(r.seq));
    expect(seqs.length).toBeGreaterThanOrEqual(5);
    for (const pageSize of [1, 2, seqs.length, seqs.length + 1]) {
      const read: number[] = [];
      for await (const rows of readTrail(trailSource(ds), 0, seqs.at(-1)!, pageSize)) {
        expect(rows.length).toBeLessThanOrEqual(pageSize);
        for (const r of rows) {
          expect(recordHash(r.prevHash, r)).toBe(r.hash);
          read.push(r.seq);
        }
      }
      expect(read).toEqual(seqs);
    }
  });

  it('detects a removed middle record', async () => {
    const [p1] = await twoPlans();
    await tamper(t, `DELETE FROM audit_records WHERE instance_id = '${p1}' AND revision = 2`);
    expect((await verify()).firstBroken).toMatchObject({ instanceId: p1, reason: expect.stringContaining('removed') });
  });

  it('detects a removed newest record', async () => {
    const [p1] = await twoPlans();
    await tamper(t, `DELETE FROM audit_records WHERE instance_id = '${p1}' AND revision = 3`);
    expect((await verify()).firstBroken).toMatchObject({ instanceId: p1, reason: expect.stringContaining('newest') });
  });

  it('detects reordered records', async () => {
    const [p1] = await twoPlans();
    await tamper(t, `UPDATE audit_records SET revision = revision + 100 WHERE instance_id = '${p1}' AND revision = 2`);
    await tamper(t, `UPDATE audit_records SET revision = 2 WHERE instance_id = '${p1}' AND revision = 3`);
    await tamper(t, `UPDATE audit_records SET revision = 3 WHERE instance_id = '${p1}' AND revision = 102`);
    expect((await verify()).ok).toBe(false);
  });

  it('names the instance whose newest record was removed, also once sealed', async () => {
    const [p1] = await twoPlans();
    await t.app.get(AuditSealer).seal();
    await tamper(t, `DELETE FROM audit_records WHERE instance_id = '${p1}' AND revision = 3`);
    expect((await verify()).firstBroken).toMatchObject({ instanceId: p1, reason: expect.stringContaining('newest record(s) of this instance were removed') });
  });

  it('detects an instance removed together with all its records, once sealed', async () => {
    const [, p2] = await twoPlans();
    await t.app.get(AuditSealer).seal();
    for (const table of ['tasks', 'timers']) await tamper(t, `DELETE FROM ${table} WHERE instance_id = '${p2}'`);
    await tamper(t, `DELETE FROM audit_records WHERE instance_id = '${p2}'`);
    await tamper(t, `DELETE FROM instances WHERE id = '${p2}'`);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken.reason).toContain('checkpoint');
  });

  it('survives a restart with a pending deadline and fires it once', async () => {
    const plan = await a.start('survey_manager', SURVEY, 'restart');
    await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    // a new process on the same database: the timer is a row, not a setTimeout
    await t.app.close();
    const { createApp } = await import('../../apps/server/src/create-app');
    const { loadConfig } = await import('@satisflow/config');
    const app = await createApp(loadConfig({ ...t.db.env, LOG_LEVEL: 'silent', TEST_CLOCK: '1', BCRYPT_ROUNDS: '4', ADMIN_PASSWORD: 'admin-password-1', DEMO: '1', DEMO_DATA: '0' }));
    try {
      const http = await serve(app);
      const admin = (await http.post('/api/v1/auth/login').send({ username: 'admin', password: 'admin-password-1' })).body.accessToken;
      await http.post('/api/v1/test/clock').set('Authorization', `Bearer ${admin}`).send({ advanceMs: 7 * DAY }).expect(200);
      await http.post('/api/v1/test/worker/run').set('Authorization', `Bearer ${admin}`).expect(200);
      const history = (await http.get(`/api/v1/instances/${plan.id}/history`).set('Authorization', `Bearer ${admin}`)).body;
      expect(history.filter((r: { event: string }) => r.event === 'DEADLINE')).toHaveLength(1);
    } finally {
      await app.close(); // the second process; afterEach drops the database
    }
  });
});
