/**
 * Logs in to the built console as each demo user and checks the inbox renders
 * with no console errors. Needs `npm run build` (server + console) and Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium). Screenshots go to test/artifacts/browser/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test/artifacts/browser');
const PORT = 3400 + (process.pid % 500);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN_PASSWORD = 'browser-admin-pw';
const USERS: [string, string][] = [
  ['survey_manager', 'demo'],
  ['approver', 'demo'],
  ['coordinator', 'demo'],
  ['auditor', 'demo'],
  ['admin', ADMIN_PASSWORD],
];

function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/server/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, DEMO: '1', PORT: String(PORT), DATABASE_PATH: join(dataDir, 'console.sqlite'), ADMIN_PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 60000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) {
        clearTimeout(timer);
        ok(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => fail(new Error(`server exited with ${code}:\n${out}`)));
  });
}

describe('web console in Chromium', () => {
  let server: ChildProcess;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'satisflow-browser-'));
    server = await startServer(dataDir);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(USERS)('shows the inbox to %s with no console errors', async (username, password) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${BASE}/`);
    await page.fill('input[autocomplete=username]', username);
    await page.fill('input[autocomplete=current-password]', password);
    await page.click('button[type=submit]');
    await page.waitForSelector('.sf-header');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.waitForSelector('.ant-table');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, `${username}-inbox.png`) });

    expect(page.url()).toBe(`${BASE}/inbox`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the API and the respondent form away from the console fallback', async () => {
    const health = await fetch(`${BASE}/api/v1/health`);
    expect(health.headers.get('content-type')).toMatch(/json/);
    const unknown = await fetch(`${BASE}/api/v1/no-such-endpoint`);
    expect(unknown.status).toBe(404);
    const deepLink = await fetch(`${BASE}/instances/00000000-0000-0000-0000-000000000000`);
    expect(await deepLink.text()).toContain('<div id="root">');
  });
});
