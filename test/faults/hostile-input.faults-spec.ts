import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/api';
import { callerFor } from './support/sec-access-table';
import { fromSchema, hostileString, hostileValue, INJECTIONS, nestedJson, stringsIn } from './support/sec-arbitraries';
import { fillPath, leakIn, operations, Operation, Schema } from './support/sec-openapi';
import { buildWorld, pathValues, World } from './support/sec-fixture';

/** FUZZ_RUNS per operation (default 40) and FUZZ_SEED (random by default; a failure prints the seed to replay it). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true };

/**
 * What every answer to hostile input must be: not a 5xx; an error has the api.md
 * body with its own status; no stack, SQL, driver error or file path shows (echoes
 * of the client's own strings excepted).
 */
function judge(res: Response, sent: unknown): string | undefined {
  if (res.status >= 500) return `answered ${res.status}: ${res.text.slice(0, 300)}`;
  if (res.status < 400) return undefined;
  if (!/json/.test(res.headers['content-type'] ?? '')) return `error ${res.status} is not JSON`;
  const b = res.body as Record<string, unknown>;
  if (b.statusCode !== res.status || typeof b.error !== 'string' || typeof b.message !== 'string') return `error body has the wrong shape: ${res.text.slice(0, 300)}`;
  const leak = leakIn(res.text, stringsIn(sent));
  return leak ? `error body shows internals (${leak}): ${res.text.slice(0, 300)}` : undefined;
}

/** A path segment from any string, even one with lone surrogates (which encodeURIComponent refuses). */
const segment = (s: string) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8')) || '%20';

describe('hostile input', () => {
  let t: TestApp;
  let w: World;
  let ops: Operation[];
  let schemas: Record<string, Schema>;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    ({ ops, schemas } = await operations(t));
  });
  afterAll(() => t.close());

  const send = async (op: Operation, input: { body?: unknown; query?: Record<string, unknown>; path?: Record<string, string> }) => {
    const values = { ...pathValues(op.path, w), ...input.path };
    const url = op.path.replace(/\{(\w+)\}/g, (_, n: string) => segment(values[n] ?? n));
    let req = t.http[op.method](url);
    const caller = callerFor(op.key);
    if (caller) req = req.set(await api(t).auth(caller));
    if (input.query) req = req.query(Object.fromEntries(Object.entries(input.query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])));
    // serialised here: superagent refuses top-level numbers and booleans, which a client can still send
    return input.body === undefined ? req : req.set('Content-Type', 'application/json').send(JSON.stringify(input.body));
  };

  describe('fuzzing every operation of the OpenAPI document (fast-check)', () => {
    it('the document lists the DTO-accepting operations this test fuzzes', () => {
      const fuzzed = ops.filter((o) => o.bodySchema || o.parameters.length);
      expect(fuzzed.length).toBeGreaterThanOrEqual(30);
    });

    // one test per operation, so a failure names it
    const names = () => ops.filter((o) => !o.multipart && (o.bodySchema || o.parameters.length));
    it('never a 5xx, never internals, always the error body, for bodies, query and path parameters', async () => {
      const failures: string[] = [];
      for (const op of names()) {
        const query = op.parameters.filter((p) => p.in === 'query');
        const path = op.parameters.filter((p) => p.in === 'path');
        const input = fc.record(
          {
            body: op.bodySchema ? fromSchema(op.bodySchema, schemas) : op.method === 'get' ? fc.constant(undefined) : hostileValue,
            query: fc.record(Object.fromEntries(query.map((p) => [p.name, fromSchema(p.schema, schemas)])), { requiredKeys: [] }),
            path: fc.record(Object.fromEntries(path.map((p) => [p.name, hostileString])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>,
          },
          { requiredKeys: ['body', 'query'] },
        );
        const result = await fc.check(
          fc.asyncProperty(input, async (sent) => {
            const problem = judge(await send(op, sent), sent);
            if (problem) throw new Error(problem);
          }),
          params,
        );
        if (result.failed) failures.push(`${op.key}: ${String(result.errorInstance).slice(0, 400)} (seed ${result.seed}, input ${JSON.stringify(result.counterexample)?.slice(0, 300)})`);
      }
      expect(failures).toEqual([]);
    });

    // Inputs the fuzzing once answered with a 500, replayed every run: null for a required
    // field of a partial update, a page number past any list, an array where an object belongs.
    it.each([
      ['PATCH /users/{id}', { body: { password: null, locale: 'zh-CN' }, query: {} }],
      ['PATCH /users/{id}', { body: { roles: [[]] }, query: {} }],
      ['POST /users', { body: { username: 'nested.arrays', displayName: 'x', password: 'password-1', roles: [[]] }, query: {} }],
      ['GET /instances', { query: { status: 'completed', state: 'w#', page: 1.6025383246399042e201 } }],
      ['GET /audit', { query: { page: 1e300 } }],
      ['POST /surveys/{id}/recipients', { body: { recipients: [[]] }, query: {} }],
    ] as [string, { body?: unknown; query: Record<string, unknown> }][])('%s with %j: 400 with the error body', async (key, input) => {
      const op = ops.find((o) => o.key === key);
      expect(op).toBeDefined();
      const res = await send(op!, input);
      expect({ status: res.status, problem: judge(res, input) }).toEqual({ status: 400, problem: undefined });
    });

    // Refused by Fastify's router before any route runs; its own reply quoted the URL back
    // (found by the fuzzing with a 1,100-character id and SQL in the second parameter).
    it.each([
      ['a path parameter past 1,024 characters', `/api/v1/surveys/${'x'.repeat(1100)}/recipients/leaked-marker/follow-up`, 414],
      ['a broken percent-escape', '/api/v1/surveys/%E0%A4%A/recipients/leaked-marker/follow-up', 400],
    ])('%s: the error body naming the rule, never the URL', async (_, url, status) => {
      const res = await t.http.post(url).set(await api(t).auth('coordinator')).send({});
      expect({ status: res.status, problem: judge(res, []) }).toEqual({ status, problem: undefined });
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'path' })]);
      expect(res.text).not.toContain('leaked-marker');
    });
  });

  describe('malformed and extreme bodies', () => {
    const jsonOps = () => ops.filter((o) => o.bodySchema);

    it('non-JSON, truncated JSON and unparsed content types get 400 or 415 with the error body, never a success', async () => {
      const raws: [string, string][] = [
        ['{"title": ', 'application/json'],
        ["{'single': 'quotes'}", 'application/json'],
        ['[1,2,', 'application/json'],
        ['\u0000\u0001\u0002', 'application/json'],
        ['title=x&procedure=y', 'application/x-www-form-urlencoded'],
        ['plain words', 'text/plain'],
        ['<xml/>', 'application/xml'],
        ['null', 'application/json'],
        ['"a string"', 'application/json'],
        ['12', 'application/json'],
      ];
      const wrong: string[] = [];
      for (const op of jsonOps()) {
        for (const [raw, type] of raws) {
          const caller = callerFor(op.key);
          let req = t.http[op.method](fillPath(op.path, pathValues(op.path, w))).set('Content-Type', type);
          if (caller) req = req.set(await api(t).auth(caller));
          const res = await req.send(raw);
          const problem = judge(res, raw) ?? (res.status < 400 ? `accepted ${res.status}` : undefined);
          if (problem) wrong.push(`${op.key} ${type} ${JSON.stringify(raw)}: ${problem}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('deeply nested JSON, prototype keys and huge numbers inside free-form data never reach a 5xx', async () => {
      const a = api(t);
      const data = [nestedJson(20, 'object'), nestedJson(99, 'object'), nestedJson(101, 'object'), nestedJson(5000, 'array'), nestedJson(100_000, 'object'), '{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"polluted": 1}}}', '{"n": 1e308, "m": -0, "big": 18446744073709551616, "tiny": 1e-400}'];
      const wrong: string[] = [];
      for (const raw of data) {
        for (const [url, user] of [['/api/v1/instances', 'survey_manager'], [`/api/v1/instances/${w.planId}/events`, 'survey_manager']]) {
          const body = url.endsWith('events') ? `{"type":"SUBMIT","expectedRevision":1,"data":${raw}}` : `{"procedure":"annual-satisfaction-survey","title":"deep","data":${raw}}`;
          const res = await t.http.post(url).set(await a.auth(user)).set('Content-Type', 'application/json').send(body);
          const problem = judge(res, raw);
          if (problem) wrong.push(`${url} ${raw.slice(0, 40)}…: ${problem}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const deep = await t.http.post('/api/v1/instances').set(await a.auth('survey_manager')).set('Content-Type', 'application/json').send(`{"procedure":"annual-satisfaction-survey","title":"deep","data":${nestedJson(40, 'object')}}`);
      expect(deep.status).toBe(400);
      expect(deep.body.details).toEqual([{ field: `data${'.a'.repeat(31)}`, rule: 'maxDepth', message: expect.any(String) }]);
    });
  });

  describe('injection strings are stored and shown verbatim, never executed', () => {
    const LONE = /[\uD800-\uDFFF]/;
    const storable = INJECTIONS.filter((x) => x.length >= 1 && x.length <= 200 && !LONE.test(x));

    it('as instance titles, free-form data and event comments: read back byte for byte, in the history too', async () => {
      const a = api(t);
      for (const text of storable) {
        const started = await t.http.post('/api/v1/instances').set(await a.auth('survey_manager')).send({ procedure: 'annual-satisfaction-survey', title: text, data: { note: text, list: [text] } });
        expect({ text, status: started.status }).toEqual({ text, status: 201 });
        const got = await a.get('auditor', started.body.id);
        expect(got.title).toBe(text);
        const rejected = await a.send('survey_manager', started.body.id, { type: 'SUBMIT', comment: text, data: { plan: { period: text } } });
        expect(rejected.status).toBe(422); // an incomplete plan: refused, and the comment is not lost to an error
        const { VALID_PLAN } = await import('../support/fixtures');
        await a.act('survey_manager', started.body.id, { type: 'SUBMIT', comment: text, data: VALID_PLAN });
        const reason = `reason: ${text}`; // a REJECT needs a non-blank reason
        const back = await a.send('approver', started.body.id, { type: 'REJECT', comment: reason });
        expect({ text, status: back.status, message: back.body.message }).toEqual({ text, status: 200, message: undefined });
        const history = (await t.http.get(`/api/v1/instances/${started.body.id}/history`).set(await a.auth('auditor')).expect(200)).body as { comment?: string; event: string; data?: unknown }[];
        expect(history[0].data).toEqual({ title: text, data: { note: text, list: [text] } }); // the start's data lives in the trail
        expect(history.filter((h) => h.event === 'SUBMIT' || h.event === 'REJECT').map((h) => h.comment)).toEqual([text, reason]);
        const listed = (await t.http.get('/api/v1/instances').query({ pageSize: 200 }).set(await a.auth('auditor')).expect(200)).body.items as { id: string; title: string }[];
        expect(listed.find((i) => i.id === started.body.id)?.title).toBe(text);
      }
    });

    it('as customer names through a CSV import, and as search terms (parameters, not SQL)', async () => {
      const a = api(t);
      const names = storable.filter((x) => x.trim() && !/[\r\n]/.test(x)).map((x) => x.trim()); // the import trims cells
      const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
      const file = Buffer.from(['code,name', ...names.map((n, i) => `INJ${i},${quote(n)}`)].join('\r\n'), 'utf8');
      const res = await t.http.post('/api/v1/customers/import').set(await a.auth('coordinator')).attach('file', file, 'injections.csv');
      expect(res.status).toBe(201);
      const all = (await t.http.get('/api/v1/customers').set(await a.auth('coordinator')).expect(200)).body as { code: string; name: string }[];
      names.forEach((n, i) => expect({ code: `INJ${i}`, name: all.find((c) => c.code === `INJ${i}`)?.name }).toEqual({ code: `INJ${i}`, name: n }));
      for (const n of names.slice(0, 12)) {
        const found = await t.http.get('/api/v1/customers').query({ search: n }).set(await a.auth('coordinator'));
        expect(found.status).toBe(200);
        expect((found.body as { name: string; code: string }[]).every((c) => c.name.includes(n) || c.code.includes(n))).toBe(true);
      }
      const wildcard = await t.http.get('/api/v1/customers').query({ search: '%' }).set(await a.auth('coordinator'));
      expect(wildcard.status).toBe(200);
    });

    it('the respondent page escapes a hostile survey title and item titles (no markup is executed)', async () => {
      const a = api(t);
      const plan = await a.start('survey_manager', 'annual-satisfaction-survey', 'xss plan');
      const evil = '<script>alert(1)</script>';
      const survey = await t.http.post('/api/v1/surveys').set(await a.auth('survey_manager')).send({
        instanceId: plan.id, title: evil, scale: 'five-point',
        dimensions: [{ key: 'd', title: { zh: '<img src=x onerror=alert(1)>', en: '"><svg onload=alert(1)>' }, items: [{ key: 'i', title: { zh: evil, en: evil } }] }],
      }).expect(201);
      const added = await t.http.post(`/api/v1/surveys/${survey.body.id}/recipients`).set(await a.auth('coordinator')).send({ recipients: [{ name: evil, channel: 'phone' }] }).expect(201);
      const page = (await t.http.get(`/r/${added.body[0].token}`).expect(200)).text;
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).not.toContain(evil);
      expect(page).not.toContain('<img src=x');
      expect(page).not.toContain('<svg onload');
      expect((await t.http.get(`/api/v1/surveys/${survey.body.id}`).set(await a.auth('auditor')).expect(200)).body.title).toBe(evil);
    });

    it('strings that are not well-formed Unicode (lone surrogates) are refused with 400 naming the field, not mangled', async () => {
      const a = api(t);
      const res = await t.http.post('/api/v1/instances').set(await a.auth('survey_manager')).set('Content-Type', 'application/json').send('{"procedure":"annual-satisfaction-survey","title":"bad \\ud800 title"}');
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'title', rule: 'unicode' })]);
      const nested = await t.http.post('/api/v1/instances').set(await a.auth('survey_manager')).set('Content-Type', 'application/json').send('{"procedure":"annual-satisfaction-survey","title":"ok","data":{"x":["\\udc00"]}}');
      expect(nested.body.details).toEqual([expect.objectContaining({ field: 'data.x.0', rule: 'unicode' })]);
    });

    it('the audit chain still verifies after all of it', async () => {
      const res = await t.http.get('/api/v1/audit/verify').set(await api(t).auth('auditor')).expect(200);
      expect(res.body.ok).toBe(true);
    });
  });

  describe('oversized bodies', () => {
    const big = (bytes: number) => 'x'.repeat(bytes);

    it('a JSON body over BODY_LIMIT_BYTES gets 413 with the error body and creates nothing, even unauthenticated', async () => {
      const a = api(t);
      const before = (await t.http.get('/api/v1/instances').set(await a.auth('survey_manager'))).body.total;
      const cases: [string, string, string | undefined][] = [
        ['post', '/api/v1/instances', 'survey_manager'],
        ['post', '/api/v1/surveys', 'survey_manager'],
        ['post', `/api/v1/instances/${w.planId}/events`, 'survey_manager'],
        ['post', '/api/v1/auth/login', undefined],
        ['post', `/api/v1/responses/${w.token}`, undefined],
        ['put', '/api/v1/settings/calendar', 'admin'],
      ];
      for (const [method, url, user] of cases) {
        let req = (t.http as unknown as Record<string, (u: string) => ReturnType<TestApp['http']['post']>>)[method](url);
        if (user) req = req.set(await a.auth(user));
        const res = await req.set('Content-Type', 'application/json').send(JSON.stringify({ procedure: 'annual-satisfaction-survey', title: big(2 * 1024 * 1024) }));
        expect({ url, status: res.status, body: res.body }).toEqual({ url, status: 413, body: { statusCode: 413, error: 'Payload Too Large', message: expect.stringMatching(/too large/) } });
      }
      expect((await t.http.get('/api/v1/instances').set(await a.auth('survey_manager'))).body.total).toBe(before);
    });

    it('a CSV/XLSX upload over the upload limit gets 413 with the error body', async () => {
      const a = api(t);
      for (const path of ['/api/v1/customers/import', `/api/v1/surveys/${w.surveyId}/responses/import`]) {
        const res = await t.http.post(path).set(await a.auth('coordinator')).attach('file', Buffer.alloc(11 * 1024 * 1024, 'a'), 'huge.csv');
        expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 413, body: { statusCode: 413, error: 'Payload Too Large', message: expect.any(String) } });
      }
    });
  });
});
