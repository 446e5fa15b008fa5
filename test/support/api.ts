import { QUESTIONNAIRE } from './fixtures';
import type { TestApp } from './test-app';

export interface EventBody {
  type: string;
  expectedRevision?: number;
  comment?: string;
  data?: Record<string, unknown>;
  signature?: { password: string; meaning: string };
}

/** Small HTTP helpers over a TestApp, so tests read like the procedure they walk. */
export function api(t: TestApp) {
  const auth = async (user: string) => ({ Authorization: `Bearer ${await t.login(user)}` });
  const get = async (user: string, id: string) => (await t.http.get(`/api/v1/instances/${id}`).set(await auth(user)).expect(200)).body;
  const send = async (user: string, id: string, event: EventBody, headers: Record<string, string> = {}) => {
    const expectedRevision = event.expectedRevision ?? (await get(user, id)).revision;
    return t.http
      .post(`/api/v1/instances/${id}/events`)
      .set({ ...(await auth(user)), ...headers })
      .send({ ...event, expectedRevision });
  };
  return {
    auth,
    async start(user: string, procedure: string, title: string, data?: Record<string, unknown>) {
      const res = await t.http.post('/api/v1/instances').set(await auth(user)).send({ procedure, title, ...(data ? { data } : {}) });
      if (res.status !== 201) throw new Error(`start ${procedure} as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async get(user: string, id: string) {
      return (await t.http.get(`/api/v1/instances/${id}`).set(await auth(user)).expect(200)).body;
    },
    /** Sends an event and returns the raw response (status + body) for the test to judge. */
    async send(user: string, id: string, event: EventBody, headers: Record<string, string> = {}) {
      const expectedRevision = event.expectedRevision ?? (await get(user, id)).revision;
      return t.http
        .post(`/api/v1/instances/${id}/events`)
        .set({ ...(await auth(user)), ...headers })
        .send({ ...event, expectedRevision });
    },
    /** Sends an event that must succeed; returns the instance after it. */
    async act(user: string, id: string, event: EventBody) {
      const res = await send(user, id, event);
      if (res.status !== 200) throw new Error(`${event.type} as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    /** Attaches the survey and its questionnaire to a plan in `planning` (the survey module): a plan is approved with one. */
    async attachSurvey(instanceId: string, title = '2026 年度客户满意度调查表'): Promise<{ id: string; status: string; instanceId: string }> {
      const res = await t.http.post('/api/v1/surveys').set(await auth('survey_manager')).send({ instanceId, title, ...QUESTIONNAIRE, targetReturnRate: 80 });
      if (res.status !== 201) throw new Error(`POST /surveys: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    sign(meaning = 'approved', password = 'demo') {
      return { password, meaning };
    },
    async advanceClock(ms: number) {
      return (await t.http.post('/api/v1/test/clock').set(await auth('admin')).send({ advanceMs: ms }).expect(200)).body;
    },
    async runWorker() {
      await t.http.post('/api/v1/test/worker/run').set(await auth('admin')).expect(200);
    },
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
