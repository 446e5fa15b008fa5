import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/api';
import { VALID_PLAN } from '../support/fixtures';
import { captureOutput } from '../support/capture-output';

describe('passwords never reach the log, even at LOG_LEVEL=verbose', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'verbose', LOG_FORMAT: 'json' });
  });
  afterAll(() => t.close());

  it('through logins, failed logins, user creation, password change, signatures and validation errors', async () => {
    const a = api(t);
    const secret = (label: string) => `${label}-${randomBytes(9).toString('base64url')}`;
    const created = secret('created');
    const changed = secret('changed');
    const wrongLogin = secret('wrong-login');
    const wrongSignature = secret('wrong-sig');
    const tooLong = secret('too-long').padEnd(260, 'q');
    const signer = secret('signer');
    const adminAuth = await a.auth('admin');
    const log = await captureOutput(async () => {
      const user = await t.http.post('/api/v1/users').set(adminAuth).send({ username: 'logged', displayName: 'Logged', password: created, roles: [{ role: 'survey_manager' }] }).expect(201);
      expect(JSON.stringify(user.body)).not.toMatch(/password|\$2[aby]\$/i);
      await t.http.post('/api/v1/auth/login').send({ username: 'logged', password: created }).expect(200);
      await t.http.post('/api/v1/auth/login').send({ username: 'logged', password: wrongLogin }).expect(401);
      await t.http.post('/api/v1/auth/login').send({ username: wrongLogin, password: wrongLogin }).expect(401);
      await t.http.patch(`/api/v1/users/${user.body.id}`).set(adminAuth).send({ password: changed }).expect(200);
      await t.http.post('/api/v1/auth/login').send({ username: 'logged', password: changed }).expect(200);
      await t.http.post('/api/v1/users').set(adminAuth).send({ username: 'toolong', displayName: 'x', password: tooLong, roles: [] }).expect(400);
      const listed = await t.http.get('/api/v1/users').set(adminAuth).expect(200);
      expect(JSON.stringify(listed.body)).not.toMatch(/password|\$2[aby]\$/i);

      await t.http.post('/api/v1/users').set(adminAuth).send({ username: 'signer', displayName: 'Signer', password: signer, roles: [{ role: 'approver' }] }).expect(201);
      await t.login('signer', signer);
      const plan = await a.start('survey_manager', 'annual-satisfaction-survey', 'signed plan');
      await a.attachSurvey(plan.id);
      await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
      expect((await a.send('signer', plan.id, { type: 'APPROVE', signature: { password: wrongSignature, meaning: 'approved' } })).status).toBe(403);
      const signed = await a.send('signer', plan.id, { type: 'APPROVE', signature: { password: signer, meaning: 'approved' } });
      expect(signed.status).toBe(200);
      const history = (await t.http.get(`/api/v1/instances/${plan.id}/history`).set(await a.auth('auditor')).expect(200)).body;
      expect(JSON.stringify(history)).not.toContain(signer);
    });
    // the capture worked: the request log lines of these very calls are in it
    expect(log).toMatch(/auth\/login/);
    expect(log).toMatch(/instances/);
    for (const password of [created, changed, wrongLogin, wrongSignature, tooLong, signer, 'demo"']) expect(log).not.toContain(password);
    expect(log).not.toMatch(/\$2[aby]\$\d\d\$/); // nor a bcrypt hash
  });
});
