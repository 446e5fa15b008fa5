import { createHmac, randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/api';
import { VALID_PLAN } from '../support/fixtures';
import { buildWorld, openCollection, World } from './support/sec-fixture';

const SECRET = 'fault-test-secret-0123456789-abcdefghijklmnop';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A compact JWT signed with HS256 under `secret` (or unsigned with alg "none"). */
function jwt(payload: Record<string, unknown>, secret: string | null, header: Record<string, unknown> = { alg: secret ? 'HS256' : 'none', typ: 'JWT' }): string {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${secret ? createHmac('sha256', secret).update(head).digest('base64url') : ''}`;
}

describe('bearer tokens: only the server-signed, unexpired ones of active accounts pass', () => {
  let t: TestApp;
  let claims: { sub: string; username: string };
  let good: string;
  const now = () => Math.floor(Date.now() / 1000);
  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET: SECRET });
    good = await t.login('coordinator');
    claims = JSON.parse(Buffer.from(good.split('.')[1], 'base64url').toString());
  });
  afterAll(() => t.close());

  const me = (token: string) => t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  it('accepts the token the login issued, and one the test signs the same way (the harness is sound)', async () => {
    expect((await me(good)).status).toBe(200);
    expect((await me(jwt({ sub: claims.sub, username: claims.username, iat: now(), exp: now() + 60 }, SECRET))).status).toBe(200);
  });

  const bad: [string, () => string][] = [
    ['forged: signed with another secret', () => jwt({ ...claims, iat: now(), exp: now() + 3600 }, 'not-the-server-secret-0123456789-abcdef')],
    ['expired', () => jwt({ ...claims, iat: now() - 7200, exp: now() - 60 }, SECRET)],
    ['tampered: payload changed to another user, signature kept', () => {
      const [h, , s] = good.split('.');
      return `${h}.${b64({ ...claims, sub: '00000000-0000-4000-8000-000000000000', username: 'admin' })}.${s}`;
    }],
    ['tampered: one signature character changed', () => good.slice(0, -2) + (good.at(-2) === 'A' ? 'B' : 'A') + good.at(-1)],
    ['alg none, unsigned', () => jwt({ ...claims, iat: now(), exp: now() + 3600 }, null)],
    ['alg none with the original signature', () => `${b64({ alg: 'none', typ: 'JWT' })}.${good.split('.')[1]}.${good.split('.')[2]}`],
    ['alg HS512 under the right secret (only HS256 is accepted)', () => {
      const head = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64({ ...claims, iat: now(), exp: now() + 3600 })}`;
      return `${head}.${createHmac('sha512', SECRET).update(head).digest('base64url')}`;
    }],
    ['a valid signature over a user that does not exist', () => jwt({ sub: '00000000-0000-4000-8000-000000000000', username: 'ghost', iat: now(), exp: now() + 3600 }, SECRET)],
    ['garbage', () => 'not.a.jwt'],
    ['random bytes', () => randomBytes(64).toString('base64url')],
  ];

  it.each(bad)('%s → 401 with the error body, nothing about the token', async (_, make) => {
    const res = await me(make());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
    expect(res.body.message).not.toMatch(/secret|signature|jwt malformed|invalid algorithm/i);
  });

  it('a token that passed before is refused once it expires (verified tokens are remembered only until their expiry)', async () => {
    const shortLived = jwt({ sub: claims.sub, username: claims.username, iat: now(), exp: now() + 2 }, SECRET);
    expect((await me(shortLived)).status).toBe(200);
    expect((await me(shortLived)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    expect((await me(shortLived)).status).toBe(401);
  });

  it('a token of a disabled account is 401 at once, though unexpired', async () => {
    const a = api(t);
    await t.http.post('/api/v1/users').set(await a.auth('admin')).send({ username: 'leaver', displayName: 'Leaver', password: 'leaver-password', roles: [{ role: 'coordinator' }] }).expect(201);
    const token = await t.login('leaver', 'leaver-password');
    expect((await me(token)).status).toBe(200);
    const id = (await me(token)).body.id;
    await t.http.post(`/api/v1/users/${id}/disable`).set(await a.auth('admin')).expect(200);
    expect((await me(token)).status).toBe(401);
  });

  describe('on the event route, where the account is read with the instance inside the transaction', () => {
    const SURVEY = 'annual-satisfaction-survey';
    const event = (id: string, token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      t.http.post(`/api/v1/instances/${id}/events`).set({ Authorization: `Bearer ${token}`, ...headers }).send(body);

    /** A new survey manager, logged in, who has started a survey plan. */
    async function managerWithPlan(username: string) {
      const a = api(t);
      await t.http.post('/api/v1/users').set(await a.auth('admin')).send({ username, displayName: username, password: `${username}-password`, roles: [{ role: 'survey_manager' }] }).expect(201);
      const token = await t.login(username, `${username}-password`);
      const plan = await t.http.post('/api/v1/instances').set('Authorization', `Bearer ${token}`).send({ procedure: SURVEY, title: `${username}'s plan` }).expect(201);
      return { a, token, plan, id: (await me(token)).body.id as string };
    }

    it('a disabled account is 401 and changes nothing, with or without an idempotency key, even for an unknown instance', async () => {
      const { a, token, plan, id } = await managerWithPlan('leaver2');
      await t.http.post(`/api/v1/users/${id}/disable`).set(await a.auth('admin')).expect(200);
      const submit = { type: 'SUBMIT', expectedRevision: plan.body.revision, data: { plan: { period: '2026', sample: { size: 40 }, channels: ['email'], survey: 's', targetReturnRate: 80 } } };
      for (const res of [
        await event(plan.body.id, token, submit),
        await event(plan.body.id, token, submit, { 'Idempotency-Key': 'k-1' }),
        await event('00000000-0000-4000-8000-000000000000', token, submit),
      ]) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'the account behind this token is not active' });
      }
      expect(await a.get('survey_manager', plan.body.id)).toMatchObject({ state: plan.body.state, revision: plan.body.revision });
      const history = await t.http.get(`/api/v1/instances/${plan.body.id}/history`).set(await a.auth('auditor')).expect(200);
      expect(history.body.map((r: { event: string }) => r.event)).toEqual(['START']);
    });

    it('a valid signature over a user that does not exist is 401; a forged one is 401 before its body is even validated', async () => {
      const ghost = jwt({ sub: '00000000-0000-4000-8000-000000000000', username: 'ghost', iat: now(), exp: now() + 3600 }, SECRET);
      const ghostly = await event('00000000-0000-4000-8000-000000000000', ghost, { type: 'SUBMIT', expectedRevision: 1 });
      expect(ghostly.status).toBe(401);
      expect(ghostly.body.message).toBe('the account behind this token is not active');
      const forged = jwt({ ...claims, iat: now(), exp: now() + 3600 }, 'not-the-server-secret-0123456789-abcdef');
      const res = await event('00000000-0000-4000-8000-000000000000', forged, { no: 'body' });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('invalid or expired access token');
    });

    it('a role withdrawn after login is refused at the step (403), though the token is unchanged', async () => {
      const { a, token, plan, id } = await managerWithPlan('mover');
      await t.http.patch(`/api/v1/users/${id}`).set(await a.auth('admin')).send({ roles: [{ role: 'coordinator' }] }).expect(200);
      const res = await event(plan.body.id, token, { type: 'SUBMIT', expectedRevision: plan.body.revision, data: { plan: { period: '2026' } } });
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/survey_manager/);
    });
  });
});

describe('login brake: repeated failures for one username from one address get 429', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_FAILURE_WINDOW_SECONDS: '600' });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  it('allows the configured failures with 401, then answers 429 even to the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await login('approver', `guess-${i}`)).status).toBe(401);
    const blocked = await login('approver', 'demo');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/too many failed logins/) });
    expect((await login('approver', 'guess-x')).status).toBe(429);
  });

  it('does not lock the account for everyone: another address and another username still log in', async () => {
    expect((await login('approver', 'demo', '10.0.0.2')).status).toBe(200);
    expect((await login('coordinator', 'demo', '10.0.0.1')).status).toBe(200);
  });

  it('successful logins are never counted, and a success clears the failures', async () => {
    for (let i = 0; i < 10; i++) expect((await login('quality', 'demo', '10.0.0.3')).status).toBe(200);
    for (let round = 0; round < 3; round++) {
      expect((await login('quality', 'wrong', '10.0.0.3')).status).toBe(401);
      expect((await login('quality', 'wrong', '10.0.0.3')).status).toBe(401);
      expect((await login('quality', 'demo', '10.0.0.3')).status).toBe(200);
    }
  });

  it('unknown usernames are braked the same way (no hint which accounts exist)', async () => {
    for (let i = 0; i < 3; i++) expect((await login('no-such-user', 'x', '10.0.0.4')).status).toBe(401);
    expect((await login('no-such-user', 'x', '10.0.0.4')).status).toBe(429);
  });

  it('signatures are braked per signer too: a stolen session cannot guess the password at a signed step', async () => {
    const a = api(t);
    const plan = await a.start('survey_manager', 'annual-satisfaction-survey', 'signature brake');
    await a.attachSurvey(plan.id);
    await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    for (let i = 0; i < 3; i++) expect((await a.send('approver', plan.id, { type: 'APPROVE', signature: a.sign('approved', `guess-${i}`) })).status).toBe(403);
    const blocked = await a.send('approver', plan.id, { type: 'APPROVE', signature: a.sign() });
    expect(blocked.status).toBe(429);
    expect(blocked.body.details).toEqual([expect.objectContaining({ field: 'signature.password', rule: 'throttled' })]);
    expect((await a.get('approver', plan.id)).state).toBe('planApproval');
    await a.advanceClock(601_000);
    expect((await a.send('approver', plan.id, { type: 'APPROVE', signature: a.sign() })).status).toBe(200);
  });

  it('the block ends with the window (LOGIN_FAILURE_WINDOW_SECONDS)', async () => {
    for (let i = 0; i < 3; i++) await login('general_manager', 'wrong', '10.0.0.5');
    expect((await login('general_manager', 'demo', '10.0.0.5')).status).toBe(429);
    await api(t).advanceClock(599_000);
    expect((await login('general_manager', 'demo', '10.0.0.5')).status).toBe(429);
    await api(t).advanceClock(2_000); // the engine's movable clock: no waiting in tests
    expect((await login('general_manager', 'demo', '10.0.0.5')).status).toBe(200);
  });
});

describe('public respondent tokens', () => {
  let t: TestApp;
  let w: World & { tokens: string[]; recipientIds: string[] };
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, 200);
    await openCollection(t, w);
  });
  afterAll(() => t.close());

  it('carry at least 128 random bits: base64url of ≥ 16 bytes, all distinct, no shared structure', () => {
    const bits = w.tokens.map((tok) => Buffer.from(tok, 'base64url').length * 8);
    expect(Math.min(...bits)).toBeGreaterThanOrEqual(128);
    expect(new Set(w.tokens).size).toBe(w.tokens.length);
    // a counter, timestamp or id inside would show as a common prefix or skewed characters
    const prefixes = new Set(w.tokens.map((tok) => tok.slice(0, 3)));
    expect(prefixes.size).toBeGreaterThan(190);
    const chars = w.tokens.join('');
    const counts = new Map<string, number>();
    for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(60); // base64url has 64 symbols
    expect(Math.max(...counts.values())).toBeLessThan((chars.length / 64) * 2);
  });

  it('are stored only as hashes: no API listing returns them again', async () => {
    const a = api(t);
    const listed = JSON.stringify((await t.http.get(`/api/v1/surveys/${w.surveyId}/recipients`).set(await a.auth('coordinator')).expect(200)).body);
    for (const tok of w.tokens.slice(0, 20)) expect(listed).not.toContain(tok);
  });

  it('answer once: the second submit is 409 and the first answer stands', async () => {
    const tok = w.tokens[0];
    expect((await t.http.post(`/api/v1/responses/${tok}`).send({ answers: { function: 9, overall: 9 }, comment: 'first' })).status).toBe(201);
    const again = await t.http.post(`/api/v1/responses/${tok}`).send({ answers: { function: 1, overall: 1 }, comment: 'second' });
    expect(again.status).toBe(409);
    const results = (await t.http.get(`/api/v1/surveys/${w.surveyId}/results`).set(await api(t).auth('coordinator')).expect(200)).body;
    expect(results.returned).toBe(1);
    expect(results.overall.index).toBeGreaterThan(80);
  });

  it("reveal nothing of other respondents: the form and the answer's reply name only the survey", async () => {
    const tok = w.tokens[1];
    const page = (await t.http.get(`/r/${tok}`).expect(200)).text;
    const reply = await t.http.post(`/api/v1/responses/${tok}`).send({ answers: { function: 8, overall: 8 } });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ ok: true });
    const shown = page + JSON.stringify(reply.body);
    for (let i = 2; i < 200; i++) {
      expect(shown).not.toContain(`r${i}@example.com`);
      expect(shown).not.toContain(w.recipientIds[i]);
      expect(shown).not.toContain(w.tokens[i]);
    }
    expect(shown).not.toMatch(/respondent \d/);
  });

  it('an unknown or malformed token is 404 on the form and on submit, with no hint', async () => {
    const unknown = randomBytes(24).toString('base64url');
    for (const tok of [unknown, w.tokens[5].slice(0, -1) + (w.tokens[5].at(-1) === 'A' ? 'B' : 'A'), 'short', "x' OR '1'='1", '../../etc/passwd', 'A'.repeat(500)]) {
      const form = await t.http.get(`/r/${encodeURIComponent(tok)}`);
      expect(form.status).toBe(404);
      const submit = await t.http.post(`/api/v1/responses/${encodeURIComponent(tok)}`).send({ answers: { function: 5 } });
      expect(submit.status).toBe(404);
      expect(submit.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    }
  });
});
