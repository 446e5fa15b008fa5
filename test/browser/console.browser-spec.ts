/**
 * Logs in to the built console as each demo user and checks the inbox renders
 * with no console errors (see support.ts for what it needs).
 */
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, login, shot, startHarness, type Harness } from './support';

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

  it('keeps the API and the respondent form away from the console fallback', async () => {
    const health = await fetch(`${h.base}/api/v1/health`);
    expect(health.headers.get('content-type')).toMatch(/json/);
    const unknown = await fetch(`${h.base}/api/v1/no-such-endpoint`);
    expect(unknown.status).toBe(404);
    const deepLink = await fetch(`${h.base}/instances/00000000-0000-0000-0000-000000000000`);
    expect(await deepLink.text()).toContain('<div id="root">');
  });
});
