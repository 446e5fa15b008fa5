import { loadConfig } from '@satisflow/config';
import { createApp } from '../../apps/server/src/create-app';
import { api } from '../support/api';
import { serve, startTestApp, TestApp } from '../support/test-app';

/** DEMO=1 as api.md has it: demo users, customers with product types and regions, and a finished previous-year survey. */
describe('the demo organisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_DATA: '1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('has customers with product types, regions and customer types', async () => {
    const a = api(t);
    const customers = (await t.http.get('/api/v1/customers').set(await a.auth('coordinator')).expect(200)).body;
    expect(customers).toHaveLength(40);
    expect(new Set(customers.map((c: { productType: string }) => c.productType))).toEqual(new Set(['阀门', '泵', '压缩机']));
    expect(customers.every((c: { region: string | null; customerType: string | null }) => c.region && c.customerType)).toBe(true);
  });

  it("has last year's survey completed through the procedure, with a report approved under signatures and a trail that verifies", async () => {
    const a = api(t);
    const year = new Date().getUTCFullYear() - 1;
    const plans = (await t.http.get('/api/v1/instances?procedure=annual-satisfaction-survey').set(await a.auth('auditor')).expect(200)).body;
    expect(plans.items).toEqual([expect.objectContaining({ title: `${year} 年度客户满意度调查`, state: 'completed' })]);
    const history = (await t.http.get(`/api/v1/instances/${plans.items[0].id}/history`).set(await a.auth('auditor')).expect(200)).body;
    expect(history.map((r: { event: string }) => r.event)).toEqual(['START', 'SUBMIT', 'APPROVE', 'DISPATCHED', 'CLOSE_COLLECTION', 'SUBMIT', 'APPROVE', 'APPROVE', 'ACKNOWLEDGE']);
    expect(history.filter((r: { signatureMeaning?: string }) => r.signatureMeaning)).toHaveLength(3);

    const [survey] = (await t.http.get('/api/v1/surveys').set(await a.auth('auditor')).expect(200)).body;
    expect(survey).toMatchObject({ period: `${year}年度`, status: 'frozen' });
    const results = (await t.http.get(`/api/v1/surveys/${survey.id}/results`).set(await a.auth('auditor')).expect(200)).body;
    expect(results).toMatchObject({ sent: 40, returned: 34, returnRate: 85 });
    expect(results.overall.index).toBeGreaterThan(50);
    const report = (await t.http.get(`/api/v1/surveys/${survey.id}/report`).set(await a.auth('auditor')).expect(200)).body;
    expect(report.frozen).toMatchObject({ revision: 1 });
    expect((await t.http.get('/api/v1/audit/verify').set(await a.auth('auditor')).expect(200)).body).toMatchObject({ ok: true });
  });

  it("gives this year's survey one to compare against", async () => {
    const a = api(t);
    const plan = await a.start('survey_manager', 'annual-satisfaction-survey', '本年度客户满意度调查');
    const [previous] = (await t.http.get('/api/v1/surveys').set(await a.auth('auditor'))).body;
    const created = await t.http
      .post('/api/v1/surveys')
      .set(await a.auth('survey_manager'))
      .send({ instanceId: plan.id, title: '本年度客户满意度调查', scale: previous.questionnaire.scale, dimensions: previous.questionnaire.dimensions, overallItem: previous.questionnaire.overallItem })
      .expect(201);
    const results = (await t.http.get(`/api/v1/surveys/${created.body.id}/results`).set(await a.auth('auditor')).expect(200)).body;
    expect(results.changes).toMatchObject({ previousSurveyId: previous.id, previousTitle: previous.title });
  });

  it('is loaded once: a restart on the same database adds nothing', async () => {
    await t.app.close();
    const app = await createApp(loadConfig({ ...t.db.env, LOG_LEVEL: 'silent', BCRYPT_ROUNDS: '4', ADMIN_PASSWORD: 'admin-password-1', DEMO: '1' }));
    try {
      const http = await serve(app);
      const token = (await http.post('/api/v1/auth/login').send({ username: 'auditor', password: 'demo' }).expect(200)).body.accessToken;
      expect((await http.get('/api/v1/customers').set('Authorization', `Bearer ${token}`)).body).toHaveLength(40);
      expect((await http.get('/api/v1/surveys').set('Authorization', `Bearer ${token}`)).body).toHaveLength(2);
    } finally {
      await app.close();
    }
  });
});
