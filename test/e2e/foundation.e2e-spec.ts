import { ROLE_KEYS } from '@satisflow/identity';
import { startTestApp, TestApp } from '../support/test-app';

describe('foundation over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports health with the dialect under test', async () => {
    const res = await t.http.get('/api/v1/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up', dialect: t.db.dialect });
  });

  it('logs in admin and every demo user, and /me returns their roles', async () => {
    for (const username of ['admin', ...ROLE_KEYS.filter((r) => r !== 'admin')]) {
      const token = await t.login(username);
      const me = await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body.username).toBe(username);
      expect(me.body.roles).toEqual([{ role: username }]);
      expect(me.body).not.toHaveProperty('passwordHash');
    }
  });

  it('rejects a wrong password and an unknown user with 401 in the error shape', async () => {
    const wrong = await t.http.post('/api/v1/auth/login').send({ username: 'approver', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'wrong username or password' });
    await t.http.post('/api/v1/auth/login').send({ username: 'ghost', password: 'demo' }).expect(401);
  });

  it('requires a token, and rejects a tampered one', async () => {
    await t.http.get('/api/v1/me').expect(401);
    const token = await t.login('auditor');
    const [h, p, s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'x', username: 'admin' })).toString('base64url')}.${s}`;
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${forged}`).expect(401);
    await t.http.get('/api/v1/me').set('Authorization', `Bearer ${h}.${p}.${s}x`).expect(401);
  });

  it('rejects unknown fields with 400 listing each field and rule', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'admin', password: 'x', role: 'admin', extra: 1 })
      .expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'role', rule: 'unknownField', message: 'role is not a known field' },
        { field: 'extra', rule: 'unknownField', message: 'extra is not a known field' },
      ]),
    );
  });

  it('names a missing field once, as required, and a present one by the rule it breaks', async () => {
    const auth = { Authorization: `Bearer ${await t.login('survey_manager')}` };
    const missing = await t.http.post('/api/v1/instances').set(auth).send({ procedure: 'annual-satisfaction-survey' }).expect(400);
    expect(missing.body.details).toEqual([{ field: 'title', rule: 'required', message: 'title is required' }]);
    const tooLong = await t.http.post('/api/v1/instances').set(auth).send({ procedure: 'annual-satisfaction-survey', title: 'x'.repeat(201) }).expect(400);
    expect(tooLong.body.details).toEqual([expect.objectContaining({ field: 'title', rule: 'maxLength' })]);
    const badId = await t.http.get('/api/v1/instances/not-a-uuid').set(auth).expect(400);
    expect(badId.body).toMatchObject({ statusCode: 400, details: [{ field: 'id', rule: 'isUuid', message: 'id must be a UUID' }] });
  });

  it('answers malformed JSON with 400 and an oversized body with 413, in the error shape', async () => {
    const bad = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/JSON/) });
    const big = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) })
      .expect(413);
    expect(big.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  describe('user administration', () => {
    it('lets admin create, list, update and disable users', async () => {
      const admin = await t.login('admin');
      const auth = { Authorization: `Bearer ${admin}` };
      const created = await t.http
        .post('/api/v1/users')
        .set(auth)
        .send({ username: 'li.na', displayName: '李娜', password: 'password-1', roles: [{ role: 'coordinator', scope: 'east' }, { role: 'survey_manager' }] })
        .expect(201);
      expect(created.body).toMatchObject({ username: 'li.na', displayName: '李娜', disabled: false });
      expect(created.body.roles).toEqual(expect.arrayContaining([{ role: 'coordinator', scope: 'east' }, { role: 'survey_manager' }]));

      await t.http.post('/api/v1/users').set(auth).send({ username: 'li.na', displayName: 'x', password: 'password-1', roles: [] }).expect(409);

      const token = await t.login('li.na', 'password-1');
      expect(token).toBeTruthy();

      const patched = await t.http.patch(`/api/v1/users/${created.body.id}`).set(auth).send({ roles: [{ role: 'approver' }] }).expect(200);
      expect(patched.body.roles).toEqual([{ role: 'approver' }]);

      const list = await t.http.get('/api/v1/users').set(auth).expect(200);
      expect(list.body.map((u: { username: string }) => u.username)).toContain('li.na');

      await t.http.post(`/api/v1/users/${created.body.id}/disable`).set(auth).expect(200);
      await t.http.post('/api/v1/auth/login').send({ username: 'li.na', password: 'password-1' }).expect(401);
      // a token issued before disabling stops working too
      await t.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
    });

    it('answers 400 naming the field when an update sends null for a required one, and changes nothing', async () => {
      const admin = { Authorization: `Bearer ${await t.login('admin')}` };
      const user = await t.http
        .post('/api/v1/users')
        .set(admin)
        .send({ username: 'null.case', displayName: 'Null case', password: 'password-1', roles: [{ role: 'quality' }], locale: 'en' })
        .expect(201);
      for (const field of ['password', 'username', 'displayName', 'roles']) {
        const res = await t.http.patch(`/api/v1/users/${user.body.id}`).set(admin).send({ [field]: null, locale: 'zh-CN' });
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(JSON.stringify(res.body.details ?? res.body.message)).toContain(field);
      }
      const after = await t.http.get(`/api/v1/users/${user.body.id}`).set(admin).expect(200);
      expect(after.body).toMatchObject({ username: 'null.case', displayName: 'Null case', roles: [{ role: 'quality' }], locale: 'en' });
      await t.login('null.case', 'password-1');
      // locale is optional in the record itself: null clears it
      const cleared = await t.http.patch(`/api/v1/users/${user.body.id}`).set(admin).send({ locale: null }).expect(200);
      expect(cleared.body.locale).toBeNull();
    });

    it('forbids user administration to everyone but admin', async () => {
      for (const username of ['approver', 'auditor', 'quality']) {
        const token = await t.login(username);
        const res = await t.http
          .post('/api/v1/users')
          .set('Authorization', `Bearer ${token}`)
          .send({ username: `x${username}`, displayName: 'x', password: 'password-1', roles: [] })
          .expect(403);
        expect(res.body.message).toContain('admin');
      }
    });

    it("tells every signed-in user each account's display name, and nothing more", async () => {
      for (const username of ['coordinator', 'auditor']) {
        const res = await t.http.get('/api/v1/people').set('Authorization', `Bearer ${await t.login(username)}`).expect(200);
        expect(res.body).toEqual(expect.arrayContaining([{ username: 'approver', displayName: expect.any(String) }]));
        for (const person of res.body) expect(Object.keys(person).sort()).toEqual(['displayName', 'username']);
      }
      await t.http.get('/api/v1/people').expect(401);
    });

    it('validates role keys', async () => {
      const admin = await t.login('admin');
      const res = await t.http
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ username: 'bad.role', displayName: 'x', password: 'password-1', roles: [{ role: 'emperor' }] })
        .expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'roles.0.role', rule: 'isIn' });
    });
  });

  it('publishes the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/users']));
  });
});
