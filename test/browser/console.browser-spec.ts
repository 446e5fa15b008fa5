/**
 * Logs in to the built console as each demo user and checks the inbox renders
 * with no console errors (see support.ts for what it needs), and how the console's
 * files travel: compressed copies when accepted, hashed files cacheable.
 */
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, login, shot, startHarness, type Harness } from './support';

/** A GET with the raw body as sent (fetch would decompress it and hide the encoding). */
function rawGet(url: string, acceptEncoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((ok, fail) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

const USERS: [string, string][] = [
  ['survey_manager', 'demo'],
  ['approver', 'demo'],
  ['coordinator', 'demo'],
  ['auditor', 'demo'],
  ['admin', ADMIN_PASSWORD],
];

describe('web console in Chromium', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(3400);
  });

  afterAll(() => h?.close());

  it.each(USERS)('shows the inbox to %s with no console errors', async (username, password) => {
    h.errors.length = 0;
    const page: Page = await h.open();
    await login(h, page, username, password);
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.waitForSelector('.ant-table');
    await shot(page, `inbox-${username}`, false);

    expect(page.url()).toBe(`${h.base}/inbox`);
    expect(h.errors).toEqual([]);
    await page.context().close();
  });

  it("says a refused login in the user's language, not the server's English", async () => {
    h.errors.length = 0;
    h.expectRefusal(/\/auth\/login$/);
    const page: Page = await h.open();
    await page.goto(`${h.base}/`);
    await page.fill('input[autocomplete=username]', 'approver');
    await page.fill('input[autocomplete=current-password]', 'not-the-password');
    await page.click('button[type=submit]');
    await page.getByText('用户名或密码错误').waitFor();
    expect(await page.getByText('wrong username or password').count()).toBe(0);
    await page.context().close();
  });

  it('shows the auditor the security log: a failed login, as whom and why', async () => {
    h.errors.length = 0;
    const refused = await fetch(`${h.base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'no-such-user', password: 'x' }) });
    expect(refused.status).toBe(401);
    const page: Page = await h.open();
    await login(h, page, 'auditor');
    await page.goto(`${h.base}/audit`);
    const card = page.locator('.ant-card', { hasText: '安全日志' });
    const row = card.locator('tr', { hasText: 'no-such-user' }).first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/登录失败[\s\S]*no-such-user[\s\S]*用户名不存在/);
    await shot(page, 'audit-security-log', false);
    expect(h.errors).toEqual([]);
    await page.context().close();
  });

  it('tells the browser which language the page is in, also after a reload', async () => {
    const page: Page = await h.open();
    await page.goto(`${h.base}/`);
    expect(await page.evaluate('[document.documentElement.lang, document.title]')).toEqual(['zh-CN', 'Satisflow 客户满意度管理']);
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    await page.getByRole('button', { name: /Sign in/ }).waitFor();
    expect(await page.evaluate('[document.documentElement.lang, document.title]')).toEqual(['en', 'Satisflow customer satisfaction']);
    await page.context().close();
  });

  it('keeps the API, the respondent form and missing scripts away from the console fallback', async () => {
    const health = await fetch(`${h.base}/api/v1/health`);
    expect(health.headers.get('content-type')).toMatch(/json/);
    const unknown = await fetch(`${h.base}/api/v1/no-such-endpoint`);
    expect(unknown.status).toBe(404);
    const deepLink = await fetch(`${h.base}/instances/00000000-0000-0000-0000-000000000000`);
    expect(await deepLink.text()).toContain('<div id="root">');
    // a script of an older build is a 404, not the page in its place
    const staleScript = await fetch(`${h.base}/assets/BarChart-0ld8u1ld.js`);
    expect(staleScript.status).toBe(404);
  });

  it('sends the console scripts compressed when the browser accepts it, the hashed ones cacheable for a year', async () => {
    const index = await (await fetch(`${h.base}/surveys`)).text();
    const scripts = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const plain = await rawGet(`${h.base}${script}`, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const br = await rawGet(`${h.base}${script}`, 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.body.length).toBeLessThan(plain.body.length);
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      const gz = await rawGet(`${h.base}${script}`, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    }
    // the page itself is revalidated on every load, so a new release's scripts are found
    const page = await rawGet(`${h.base}/surveys`, 'br');
    expect(page.headers['cache-control']).toBe('public, max-age=0');
  });
});
