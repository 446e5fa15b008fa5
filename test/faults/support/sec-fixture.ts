import { ROLE_KEYS, type RoleKey } from '@satisflow/identity';
import type { TestApp } from '../../support/test-app';
import { api } from '../../support/api';
import { VALID_PLAN } from '../../support/fixtures';

export const SURVEY = 'annual-satisfaction-survey';

/** Every role the demo organisation has a user for: the user's name is the role key. */
export const ROLES: readonly RoleKey[] = ROLE_KEYS;

export const QUESTIONNAIRE = {
  scale: 'ten-point',
  dimensions: [
    { key: 'quality', title: { zh: '产品质量', en: 'Product quality' }, items: [{ key: 'function', title: { zh: '功能', en: 'Function' } }] },
  ],
  overallItem: { key: 'overall', title: { zh: '总体满意度', en: 'Overall satisfaction' } },
};

// phone recipients keep the token issued when they were added (an e-mail dispatch issues a fresh one)
/** Real objects for every {param} of the API, so each request reaches the code behind the guard. */
export interface World {
  planId: string;
  surveyId: string;
  recipientId: string;
  /** A respondent's personal token, still unanswered. */
  token: string;
  compositeId: string;
  /** A throwaway user the admin may disable. */
  userId: string;
}

export async function buildWorld(t: TestApp, recipients = 1): Promise<World & { tokens: string[]; recipientIds: string[] }> {
  const a = api(t);
  const plan = await a.start('survey_manager', SURVEY, 'fault-test plan');
  const survey = await t.http.post('/api/v1/surveys').set(await a.auth('survey_manager')).send({ instanceId: plan.id, title: 'fault-test survey', ...QUESTIONNAIRE }).expect(201);
  const list = Array.from({ length: recipients }, (_, i) => ({ name: `respondent ${i}`, email: `r${i}@example.com`, channel: 'phone' }));
  const added = await t.http.post(`/api/v1/surveys/${survey.body.id}/recipients`).set(await a.auth('coordinator')).send({ recipients: list }).expect(201);
  const composite = await t.http
    .post('/api/v1/composites')
    .set(await a.auth('survey_manager'))
    .send({ title: 'fault-test composite', sources: [{ key: 'q', weight: 1, score: 90 }] })
    .expect(201);
  const user = await t.http
    .post('/api/v1/users')
    .set(await a.auth('admin'))
    .send({ username: 'throwaway', displayName: 'Throwaway', password: 'throwaway-pass', roles: [] })
    .expect(201);
  const tokens = added.body.map((r: { token: string }) => r.token);
  const recipientIds = added.body.map((r: { id: string }) => r.id);
  return { planId: plan.id, surveyId: survey.body.id, recipientId: recipientIds[0], token: tokens[0], compositeId: composite.body.id, userId: user.body.id, tokens, recipientIds };
}

/** Path parameter values for an operation's path, from the world. */
export function pathValues(path: string, w: World): Record<string, string> {
  const id = path.startsWith('/api/v1/users') ? w.userId : path.startsWith('/api/v1/instances') ? w.planId : path.startsWith('/api/v1/composites') ? w.compositeId : w.surveyId;
  return { id, key: SURVEY, recipientId: w.recipientId, token: w.token, item: 'function' };
}

/** Moves the world's plan through approval and dispatch, so respondents can answer. */
export async function openCollection(t: TestApp, w: World): Promise<void> {
  const a = api(t);
  await a.act('survey_manager', w.planId, { type: 'SUBMIT', data: VALID_PLAN });
  await a.act('approver', w.planId, { type: 'APPROVE', signature: a.sign() });
  await t.http.post(`/api/v1/surveys/${w.surveyId}/dispatch`).set(await a.auth('coordinator')).expect(200);
}
