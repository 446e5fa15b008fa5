import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/api';
import { VALID_PLAN } from '../support/fixtures';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';

const QUESTIONNAIRE = {
  scale: 'five-point',
  dimensions: [{ key: 'service', title: { zh: '服务', en: 'Service' }, items: [{ key: 'response', title: { zh: '响应速度', en: 'Responsiveness' } }] }],
};

describe('bounced invitations: the SMTP server refuses a recipient', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink({ reject: ['gone@example.com'] });
    t = await startTestApp({ SMTP_URL: smtp.url });
    a = api(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('marks the refused invitation bounced with the server reply, delivers the others, and reminds only reachable recipients', async () => {
    const plan = await a.start('survey_manager', 'annual-satisfaction-survey', 'bounce check');
    const survey = (await t.http.post('/api/v1/surveys').set(await a.auth('survey_manager')).send({ instanceId: plan.id, title: 'bounce check', ...QUESTIONNAIRE }).expect(201)).body;
    const coordinator = await a.auth('coordinator');
    await t.http
      .post(`/api/v1/surveys/${survey.id}/recipients`)
      .set(coordinator)
      .send({
        recipients: [
          { name: 'Reachable', email: 'here@example.com', channel: 'email' },
          { name: 'Gone', email: 'gone@example.com', channel: 'email' },
        ],
      })
      .expect(201);
    await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    await a.act('approver', plan.id, { type: 'APPROVE', signature: a.sign('批准 / approved') });
    await t.http.post(`/api/v1/surveys/${survey.id}/dispatch`).set(coordinator).expect(200);
    await a.runWorker();

    expect(smtp.mails.map((m) => m.to)).toEqual([['here@example.com']]);
    const list = (await t.http.get(`/api/v1/surveys/${survey.id}/recipients`).set(coordinator).expect(200)).body as Record<string, unknown>[];
    const byName = Object.fromEntries(list.map((r) => [r.name, r]));
    expect(byName.Gone).toMatchObject({ status: 'bounced', bouncedAt: expect.any(String), bounceReason: expect.stringContaining('550') });
    expect(byName.Reachable).toMatchObject({ status: 'invited', bouncedAt: null, bounceReason: null });

    // a refusal is final: the worker does not send it again, and reminders skip the bounced address
    await a.runWorker();
    expect(smtp.mails).toHaveLength(1);
    expect((await t.http.post(`/api/v1/surveys/${survey.id}/remind`).set(coordinator).expect(200)).body).toEqual({ reminded: 1 });
    await a.runWorker();
    expect(smtp.mails.map((m) => m.to[0])).toEqual(['here@example.com', 'here@example.com']);
    // a bounced invitation still counts as sent for the return rate
    expect((await t.http.get(`/api/v1/surveys/${survey.id}/results`).set(coordinator).expect(200)).body).toMatchObject({ sent: 2, returned: 0 });
  });
});
