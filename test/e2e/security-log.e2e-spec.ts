import { api } from '../support/api';
import { startTestApp, type TestApp } from '../support/test-app';

interface SecurityEvent {
  id: string;
  at: string;
  kind: string;
  username: string;
  userId?: string;
  ip?: string;
  instanceId?: string;
  reason?: string;
}

/**
 * The security log: failed logins and signatures are recorded for auditors (who tried,
 * as whom, from where, on which instance, and why it failed), while the caller is told
 * nothing more than before; the brake's first refusal is recorded once.
 */
describe('security log', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
    a = api(t);
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) => t.http.post('/api/v1/auth/login').send({ username, password });
  const events = async (query = '', user = 'auditor') => {
    const res = await t.http.get(`/api/v1/security-events${query}`).set(await a.auth(user));
    if (res.status !== 200) throw new Error(`GET /security-events${query}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { items: SecurityEvent[]; total: number };
  };

  it('records a wrong password and an unknown username, telling the caller the same as ever', async () => {
    const wrong = await login('coordinator', 'not-the-password');
    const unknown = await login('nobody-here', 'whatever');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
    const { items } = await events('?kind=login.failed');
    expect(items.slice(0, 2)).toEqual([
      expect.objectContaining({ kind: 'login.failed', username: 'nobody-here', reason: 'unknownUser', ip: expect.any(String) }),
      expect.objectContaining({ kind: 'login.failed', username: 'coordinator', reason: 'wrongPassword', userId: expect.any(String) }),
    ]);
    expect(items[1]).not.toHaveProperty('instanceId');
  });

  it('records the failure that brakes a username once, and not the refusals after it', async () => {
    for (let i = 0; i < 3; i++) expect((await login('approver', `guess-${i}`)).status).toBe(401);
    expect((await login('approver', 'demo')).status).toBe(429);
    expect((await login('approver', 'guess-4')).status).toBe(429);
    const { items, total } = await events('?username=approver');
    expect(total).toBe(4);
    expect(items.map((e) => e.kind)).toEqual(['login.locked', 'login.failed', 'login.failed', 'login.failed']);
  });

  it('records a wrong signature password against the instance being signed', async () => {
    const plan = await a.start('survey_manager', 'annual-satisfaction-survey', '2026 签名测试 / signature test');
    const survey = await a.attachSurvey(plan.id);
    await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: { plan: { period: '2026', sample: { size: 10 }, channels: ['email'], survey: survey.id, targetReturnRate: 80 } } });
    const res = await a.send('general_manager', plan.id, { type: 'APPROVE', signature: a.sign('approved', 'wrong') });
    expect(res.status).toBe(403);
    const signer = await a.send('quality', plan.id, { type: 'CANCEL', comment: 'test', signature: a.sign('cancelled', 'wrong') });
    expect(signer.status).toBe(403);
    const { items } = await events('?kind=signature.failed');
    expect(items[0]).toMatchObject({ kind: 'signature.failed', username: 'quality', instanceId: plan.id, reason: 'wrongPassword' });
  });

  it('is read by auditors and the administrator only, filtered by kind, username and time', async () => {
    expect((await events('', 'admin')).total).toBeGreaterThan(0);
    expect((await t.http.get('/api/v1/security-events').set(await a.auth('coordinator'))).status).toBe(403);
    const bad = await t.http.get('/api/v1/security-events?kind=everything').set(await a.auth('auditor'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('kind');
    const all = await events('?pageSize=500');
    const newest = all.items[0];
    expect((await events(`?from=${encodeURIComponent(newest.at)}`)).items.map((e) => e.id)).toContain(newest.id);
    expect((await events(`?to=${encodeURIComponent(new Date(Date.parse(all.items.at(-1)!.at) - 1).toISOString())}`)).total).toBe(0);
    const sorted = [...all.items].sort((x, y) => y.at.localeCompare(x.at));
    expect(all.items.map((e) => e.at)).toEqual(sorted.map((e) => e.at));
  });
});
