/**
 * What the console shows people instead of codes (the diagram's edges, the step
 * data, the timeline), how a refused signature is said, what works from the
 * keyboard and with a screen reader, and how it fits a 390 px phone. A survey plan
 * is prepared over the API: submitted, rejected once, submitted again.
 */
import type { Page } from 'playwright-core';
import { QUESTIONNAIRE } from '../support/fixtures';
import { callAs, type Harness, login, startHarness } from './support';

const SURVEY_TITLE = '2026 年度满意度问卷';

// Page scripts are strings: this file is type-checked without the DOM's types.

/** Visible buttons and switches with neither text nor an aria-label of their own. Page script. */
const UNNAMED = `[...document.querySelectorAll('button, [role=switch]')]
  .filter((b) => b.checkVisibility({ visibilityProperty: true }))
  .filter((b) => {
    // an icon's own aria-label ("delete", "arrow-left") is English and says what it shows, not what it does
    const clone = b.cloneNode(true);
    clone.querySelectorAll('[role=img]').forEach((icon) => icon.remove());
    return !clone.textContent.trim() && !b.getAttribute('aria-label');
  })
  .map((b) => b.outerHTML.slice(0, 120))`;

/** Table headings whose text runs over more than one line (a text's line boxes with different tops). Page script. */
const BROKEN_HEADINGS = `[...document.querySelectorAll('.ant-table-thead th')]
  .filter((th) => {
    const texts = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(text);
      if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) return true;
    }
    return false;
  })
  .map((th) => th.textContent)`;

describe('console labels, keyboard, screen readers and phones in Chromium', () => {
  let h: Harness;
  let instanceId = '';
  let surveyId = '';
  let names: Record<string, string> = {};

  const call = <T>(user: string, method: 'GET' | 'POST', path: string, body?: unknown) => callAs<T>(h, user, method, path, body);

  async function send(user: string, event: Record<string, unknown>): Promise<void> {
    const { revision } = await call<{ revision: number }>(user, 'GET', `/instances/${instanceId}`);
    await call(user, 'POST', `/instances/${instanceId}/events`, { ...event, expectedRevision: revision });
  }

  beforeAll(async () => {
    h = await startHarness(4300);
    ({ id: instanceId } = await call<{ id: string }>('survey_manager', 'POST', '/instances', { procedure: 'annual-satisfaction-survey', title: '2026 年度客户满意度调查' }));
    ({ id: surveyId } = await call<{ id: string }>('survey_manager', 'POST', '/surveys', { instanceId, title: SURVEY_TITLE, ...QUESTIONNAIRE }));
    const plan = { period: '2026', sample: { population: '客户服务档案', size: 40 }, channels: ['email', 'phone'], survey: surveyId, targetReturnRate: 80 };
    await send('survey_manager', { type: 'SUBMIT', data: { plan } });
    await send('approver', { type: 'REJECT', comment: '样本量不足' });
    await send('survey_manager', { type: 'SUBMIT', data: { plan } });
    const people = await call<{ username: string; displayName: string }[]>('auditor', 'GET', '/people');
    names = Object.fromEntries(people.map((p) => [p.username, p.displayName]));
  });

  afterAll(() => h?.close());

  afterEach(() => {
    expect(h.errors).toEqual([]);
  });

  async function openInstance(user: string, options?: Parameters<Harness['open']>[0]): Promise<Page> {
    const page = await h.open(options);
    await login(h, page, user);
    await page.goto(`${h.base}/instances/${instanceId}`);
    await page.locator('.sf-diagram svg').waitFor();
    return page;
  }

  /** The events named on the diagram's edges (one edge may carry several: "批准 / 退回"). */
  const edgeLabels = async (page: Page): Promise<string[]> => (await page.locator('.sf-diagram .transition text').allTextContents()).flatMap((l) => l.split(' / '));

  it("labels the diagram's edges with the events' words in the page's language", async () => {
    const page = await openInstance('auditor');
    const zh = await edgeLabels(page);
    expect(zh).toEqual(expect.arrayContaining(['提交', '批准', '退回', '超期升级', '结束回收']));
    expect(zh.filter((l) => /^[A-Z_]+$/.test(l))).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.sf-diagram .transition text', { hasText: 'Close collection' }).first().waitFor();
    expect(await edgeLabels(page)).toEqual(expect.arrayContaining(['Submit', 'Approve', 'Reject']));
    await page.context().close();
  });

  it('shows the step data and the timeline with names: steps, channels, the survey and people, never their codes', async () => {
    const page = await openInstance('auditor');
    const data = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: /^步骤提交的数据$/ }) });
    await data.getByRole('link', { name: SURVEY_TITLE }).first().waitFor();
    const text = await data.innerText();
    // the last rejection: its step, who rejected
    expect(text).toContain('批准调查计划');
    expect(text).toContain(names.approver);
    expect(text).toMatch(/电子邮件、电话/);
    for (const code of ['planApproval', 'phone', 'email', surveyId, 'approver']) expect(text).not.toContain(code);

    const who = await page.locator('.sf-timeline-item strong').allTextContents();
    expect(who).toEqual([names.survey_manager, names.survey_manager, names.approver, names.survey_manager]);
    await page.context().close();
  });

  it('puts a wrong signature password on the password field, in the page language', async () => {
    h.expectRefusal(/\/instances\/[^/]+\/events$/);
    const page = await openInstance('approver');
    await page.getByRole('button', { name: /批\s?准/ }).first().click();
    const dialog = page.getByRole('dialog').last();
    await dialog.locator('input[type=password]').fill('not-the-password');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const field = dialog.locator('.ant-form-item', { has: page.locator('input[type=password]') });
    await field.locator('.ant-form-item-explain-error', { hasText: '密码不正确' }).waitFor();
    expect(await dialog.locator('.ant-alert-error').count()).toBe(0);
    expect(await dialog.innerText()).not.toMatch(/Not allowed|signature rejected/);
    expect(await dialog.locator('input[type=password]').inputValue()).toBe('');
    await page.context().close();
  });

  it('opens the user menu, closes it with Escape back onto its button, and signs out with the keyboard alone', async () => {
    const page = await h.open();
    await login(h, page, 'coordinator');
    await page.waitForLoadState('networkidle');
    const focusedLabel = () => page.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? ''");
    for (let tabs = 0; tabs < 30 && !(await focusedLabel()).startsWith('账户菜单'); tabs++) await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe(`账户菜单：${names.coordinator}`);
    await page.keyboard.press('Enter');
    // the opened menu takes the focus
    await page.waitForFunction("document.activeElement?.getAttribute('role') === 'menuitem'");
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('退出登录');
    // Escape closes it and gives the focus back to the button
    await page.keyboard.press('Escape');
    await page.locator('.ant-dropdown:visible').waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    expect(await page.locator('.ant-dropdown:visible').count()).toBe(0);
    expect(await focusedLabel()).toBe(`账户菜单：${names.coordinator}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction("document.activeElement?.getAttribute('role') === 'menuitem'");
    await page.keyboard.press('Enter');
    await page.locator('input[autocomplete=username]').waitFor();
    await page.context().close();
  });

  it('names every button and switch in the page language, not by its icon', async () => {
    const unnamed = (page: Page) => page.evaluate<string[]>(UNNAMED);
    const page = await openInstance('auditor');
    expect(await unnamed(page)).toEqual([]);
    expect(await page.getByRole('button', { name: '返回', exact: true }).count()).toBe(1);
    await page.goto(`${h.base}/complaints`);
    await page.getByRole('switch', { name: '显示已关闭' }).waitFor();
    expect(await unnamed(page)).toEqual([]);
    await page.context().close();
  });

  it('fits a 390 px phone: the user name inside the header, wide tables scroll instead of breaking their headings', async () => {
    const page = await h.open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    // the longest demo name
    await login(h, page, 'process_owner');
    for (const path of ['/inbox', '/instances', '/customers', '/audit', `/instances/${instanceId}`]) {
      await page.goto(`${h.base}${path}`);
      await page.waitForLoadState('networkidle');
      const header = (await page.locator('.sf-header').boundingBox())!;
      const name = (await page.locator('.sf-header').getByText(names.process_owner).boundingBox())!;
      expect({ path, top: name.y >= header.y, bottom: name.y + name.height <= header.y + header.height }).toEqual({ path, top: true, bottom: true });
      expect({ path, width: await page.evaluate('document.documentElement.scrollWidth') }).toEqual({ path, width: 390 });
      // a heading on one line: each of its texts' boxes share one top
      const broken = await page.evaluate<string[]>(BROKEN_HEADINGS);
      expect({ path, broken }).toEqual({ path, broken: [] });
    }
    await page.context().close();
  });
});
