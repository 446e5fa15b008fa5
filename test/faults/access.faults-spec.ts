import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/api';
import { VALID_PLAN } from '../support/fixtures';
import { fillPath, operations, Operation } from './support/sec-openapi';
import { ALL, EXPECTED } from './support/sec-access-table';
import { buildWorld, pathValues, QUESTIONNAIRE, ROLES, SURVEY, World } from './support/sec-fixture';

/** A well-formed request body per operation, so that service-level role checks (after validation) are reached too. */
function bodyFor(op: Operation, w: World, role: string): Record<string, unknown> | undefined {
  switch (op.key) {
    case 'POST /auth/login':
      return { username: 'coordinator', password: 'demo' }; // valid: a public operation must answer 2xx without a token
    case 'POST /users':
      return { username: `made-by-${role}`, displayName: 'x', password: 'long-enough-1', roles: [] };
    case 'PATCH /users/{id}':
      return { displayName: 'Renamed' };
    case 'POST /instances':
      return { procedure: SURVEY, title: `started by ${role}` };
    case 'POST /instances/{id}/events':
      return { type: 'SUBMIT', expectedRevision: 1 }; // no plan data: the survey manager gets 422, nothing moves
    case 'POST /instances/{id}/notes':
      return { note: `noted by ${role}` };
    case 'PUT /settings/calendar':
      return { utcOffsetMinutes: 480, holidays: [], extraWorkdays: [] };
    case 'POST /test/clock':
      return { advanceMs: 0 };
    case 'POST /surveys':
      return { instanceId: w.planId, title: `by ${role}`, ...QUESTIONNAIRE };
    case 'POST /surveys/{id}/recipients':
      return { recipients: [{ name: `added by ${role}`, channel: 'phone' }] };
    case 'POST /surveys/{id}/recipients/sample':
      return { size: 1, productType: 'none-such' };
    case 'POST /surveys/{id}/recipients/{recipientId}/follow-up':
      return { note: 'phoned' };
    case 'POST /surveys/{id}/responses':
      return { recipientId: w.recipientId, channel: 'phone', answers: {} };
    case 'POST /responses/{token}':
      return { answers: {} };
    case 'POST /composites':
      return { title: `by ${role}`, sources: [{ key: 'q', weight: 1, score: 80 }] };
    default:
      return op.method === 'get' ? undefined : {};
  }
}

describe('access: every operation of the OpenAPI document, for every demo role', () => {
  let t: TestApp;
  let w: World;
  let ops: Operation[];
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    ops = (await operations(t)).ops;
  });
  afterAll(() => t.close());

  const call = async (op: Operation, role: string | undefined) => {
    const url = fillPath(op.path, pathValues(op.path, w));
    let req = t.http[op.method](url);
    if (role) req = req.set(await api(t).auth(role));
    const body = bodyFor(op, w, role ?? 'anonymous');
    return body === undefined ? req : req.send(body);
  };

  it('the table names exactly the operations the server publishes', () => {
    expect(ops.map((o) => o.key).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('operations marked public in the document are exactly the public ones of the table', () => {
    const published = ops.filter((o) => o.public).map((o) => o.key).sort();
    expect(published).toEqual(Object.entries(EXPECTED).filter(([, v]) => v === 'public').map(([k]) => k).sort());
  });

  it('without a token every non-public operation is 401, a public one never is', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const res = await call(op, undefined);
      const isPublic = EXPECTED[op.key] === 'public';
      if (isPublic ? res.status === 401 || res.status === 403 : res.status !== 401) wrong.push(`${op.key} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('each role gets 403 exactly where the table says, and never a 5xx', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const expected = EXPECTED[op.key];
      const allowed = expected === ALL || expected === 'public' ? ROLES : expected;
      for (const role of ROLES) {
        const res = await call(op, role);
        if (res.status >= 500 || res.status === 401) wrong.push(`${op.key} as ${role} → ${res.status}`);
        const forbidden = res.status === 403;
        if (forbidden === allowed.includes(role)) wrong.push(`${op.key} as ${role} → ${res.status} ${res.body?.message ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the auditor changes nothing: every non-GET operation is 403 for the auditor, with a message saying why', async () => {
    const mutating = ops.filter((o) => o.method !== 'get' && EXPECTED[o.key] !== 'public');
    expect(mutating.length).toBeGreaterThanOrEqual(15);
    for (const op of mutating) {
      const res = await call(op, 'auditor');
      expect({ op: op.key, status: res.status }).toEqual({ op: op.key, status: 403 });
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.stringMatching(/.+/) });
    }
  });
});

describe('access: separation of duties', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('who prepared the plan may not approve it, even holding the approver role', async () => {
    const a = api(t);
    // one person holding both roles: the role check passes, only separation of duties can stop them
    await t.http
      .post('/api/v1/users')
      .set(await a.auth('admin'))
      .send({ username: 'both', displayName: 'Both roles', password: 'both-password', roles: [{ role: 'survey_manager' }, { role: 'approver' }] })
      .expect(201);
    await t.login('both', 'both-password');
    const plan = await a.start('both', SURVEY, 'prepared and approved by one person?');
    await a.attachSurvey(plan.id);
    await a.act('both', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    const self = await a.send('both', plan.id, { type: 'APPROVE', signature: a.sign('approved', 'both-password') });
    expect(self.status).toBe(403);
    expect(self.body.message).toMatch(/separation of duties|prepared|same person/i);
    expect((await a.get('both', plan.id)).state).not.toBe('dispatching');
    const other = await a.send('approver', plan.id, { type: 'APPROVE', signature: a.sign() });
    expect(other.status).toBe(200);
  });
});
