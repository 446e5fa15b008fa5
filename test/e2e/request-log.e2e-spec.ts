import { startTestApp, TestApp } from '../support/test-app';
import { captureOutput } from '../support/capture-output';

/** The JSON log lines of the HTTP context in `output`. */
function requestLines(output: string): { method: string; path: string; status: number; ms: number; user?: string }[] {
  return output
    .split('\n')
    .filter((line) => line.includes('"context":"HTTP"'))
    .map((line) => JSON.parse(line).message);
}

describe('request log', () => {
  describe('at LOG_LEVEL=log', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ LOG_LEVEL: 'log', LOG_FORMAT: 'json' });
    });
    afterAll(() => t.close());

    it('writes one line per request with method, path, final status, duration and user, and no body', async () => {
      const token = await t.login('approver');
      const output = await captureOutput(async () => {
        await t.http.get('/api/v1/procedures').set('authorization', `Bearer ${token}`).expect(200);
        await t.http.post('/api/v1/instances').set('authorization', `Bearer ${token}`).send({ procedure: 'no-such-procedure', title: 'secret-title' }).expect(404);
        await t.http.get('/api/v1/health').expect(200);
        // the event route reads the account inside its transaction: its line names the token's user too
        await t.http.post('/api/v1/instances/00000000-0000-4000-8000-000000000000/events').set('authorization', `Bearer ${token}`).send({ type: 'SUBMIT', expectedRevision: 1 }).expect(404);
      });
      const lines = requestLines(output);
      expect(lines.map(({ method, path, status, user }) => ({ method, path, status, user }))).toEqual([
        { method: 'GET', path: '/api/v1/procedures', status: 200, user: 'approver' },
        { method: 'POST', path: '/api/v1/instances', status: 404, user: 'approver' },
        { method: 'GET', path: '/api/v1/health', status: 200, user: undefined },
        { method: 'POST', path: '/api/v1/instances/00000000-0000-4000-8000-000000000000/events', status: 404, user: 'approver' },
      ]);
      expect(lines.every((l) => l.ms > 0)).toBe(true);
      expect(output).not.toContain('secret-title');
    });
  });

  it('is not written below LOG_LEVEL=log', async () => {
    const t = await startTestApp({ LOG_LEVEL: 'warn', LOG_FORMAT: 'json' });
    try {
      const output = await captureOutput(async () => {
        await t.http.get('/api/v1/health').expect(200);
      });
      expect(requestLines(output)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
