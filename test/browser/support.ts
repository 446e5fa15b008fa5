/**
 * What the browser specs share: the built server on a temporary SQLite
 * database with the demo organisation, Chromium, and a page that records every
 * console error. Needs `npm run build`; CHROMIUM_PATH defaults to /usr/bin/chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const SHOTS = join(ROOT, 'test/browser/screenshots');
export const ADMIN_PASSWORD = 'browser-admin-pw';

export interface Harness {
  base: string;
  browser: Browser;
  /** every console error and uncaught page error of every page opened through `open` */
  errors: string[];
  /** a request the walk sends on purpose to be refused (e.g. a bad import file): its 4xx is not a console error */
  expectRefusal(path: RegExp): void;
  /** GET an API path as the auditor (who may read everything) */
  api<T>(path: string): Promise<T>;
  /** the server's newest log lines (one per request, warnings, errors): printed when a step fails */
  serverLog(): string;
  open(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Keeps the newest lines the server wrote. */
const LOG_LINES = 300;

function startServer(port: number, dataDir: string, log: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/server/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, DEMO: '1', DEMO_DATA: '0', PORT: String(port), DATABASE_PATH: join(dataDir, 'console.sqlite'), ADMIN_PASSWORD, LOG_LEVEL: 'log', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${log.join('\n')}`)), 60000);
    const onData = (chunk: Buffer) => {
      log.push(...chunk.toString().split('\n').filter(Boolean));
      log.splice(0, Math.max(0, log.length - LOG_LINES));
      if (log.some((line) => line.includes('listening on'))) {
        clearTimeout(timer);
        ok(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => fail(new Error(`server exited with ${code}:\n${log.join('\n')}`)));
  });
}

/**
 * Test machines often have no CJK font, which would draw every Chinese label as
 * a box; point Chromium's fontconfig at the Noto Sans SC the PDF report already ships.
 */
function cjkFontConfig(dataDir: string): string {
  const fonts = join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc');
  const file = join(dataDir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
      `<dir>${join(fonts, '400Regular')}</dir><dir>${join(fonts, '700Bold')}</dir><cachedir>${join(dataDir, 'fontcache')}</cachedir></fontconfig>`,
  );
  return file;
}

export async function startHarness(portBase: number): Promise<Harness> {
  mkdirSync(SHOTS, { recursive: true });
  const port = portBase + (process.pid % 500);
  const dataDir = mkdtempSync(join(tmpdir(), 'satisflow-browser-'));
  const log: string[] = [];
  const server = await startServer(port, dataDir, log);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    env: { ...process.env, FONTCONFIG_FILE: cjkFontConfig(dataDir) },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const errors: string[] = [];
  const refusals: RegExp[] = [];
  const base = `http://127.0.0.1:${port}`;
  let token: string | undefined;
  return {
    base,
    browser,
    errors,
    expectRefusal: (path) => refusals.push(path),
    serverLog: () => log.join('\n'),
    async api<T>(path: string): Promise<T> {
      if (!token) {
        const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'auditor', password: 'demo' }) });
        token = ((await res.json()) as { accessToken: string }).accessToken;
      }
      return (await (await fetch(`${base}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as T;
    },
    async open(options) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true, ...options });
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const refused = m.text().startsWith('Failed to load resource') && refusals.some((r) => r.test(m.location().url));
        if (!refused) errors.push(`${page.url()}: ${m.text()} ${m.location().url}`);
      });
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      // an injected script that ran would open a dialog
      page.on('dialog', (d) => {
        errors.push(`unexpected dialog: ${d.message()}`);
        void d.dismiss();
      });
      return page;
    },
    async close() {
      await browser.close();
      server.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One API call as a demo user, set-up for a console walk; throws on a refusal, so a broken setup says what failed. */
export async function callAs<T>(h: Harness, user: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const password = user === 'admin' ? ADMIN_PASSWORD : 'demo';
  const session = await fetch(`${h.base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
  const { accessToken } = (await session.json()) as { accessToken: string };
  const res = await fetch(`${h.base}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} as ${user}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Logs in through the login page; lands on the inbox. */
export async function login(h: Harness, page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto(`${h.base}/`);
  await page.fill('input[autocomplete=username]', username);
  await page.fill('input[autocomplete=current-password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('.sf-header');
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400); // chart and modal animations
  // transitions finished, so a sider or chart caught mid-animation never shows half-drawn
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage, animations: 'disabled' });
}

/** A screenshot of one part of a page (e.g. the survey panel far down a long page). */
export async function shotOf(part: Locator, name: string): Promise<void> {
  await part.page().waitForLoadState('networkidle');
  await part.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}

/**
 * The dialog has finished opening: on a loaded machine a click during antd's zoom-in
 * was seen to do nothing (the dialog stayed open with no refusal), failing a walk.
 */
export async function opened(dialog: Locator): Promise<void> {
  await dialog.waitFor();
  await dialog.page().waitForFunction(`!document.querySelector('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter')`);
}

/**
 * Picks an option of a select in a dialog by typing (people) or by clicking (short lists).
 * A single select closes its list when an option is taken; a click that lands while the
 * filtered list re-renders takes nothing and leaves it open, so the pick is tried again.
 */
export async function pick(dialog: Locator, id: string, option: string, type?: string): Promise<void> {
  const page = dialog.page();
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 0; ; attempt++) {
    await dialog.locator('.ant-form-item', { has: page.locator(`#${id}`) }).locator('.ant-select').click();
    if (type) await dialog.locator(`#${id}`).fill(type);
    await open.locator('.ant-select-item-option', { hasText: option }).first().click();
    const closed = await open.first().waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
    if (closed || attempt === 2) return;
    await page.keyboard.press('Escape');
  }
}
