/**
 * The "done when" of the console (issue 6): in headless Chromium, each demo user
 * in turn walks a whole annual survey from plan to completed, with one
 * rejection, a respondent answering on a phone, the report downloaded and the
 * audit trail opened by the auditor. No console error anywhere; screenshots of
 * each main page go to test/browser/screenshots/.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { ADMIN_PASSWORD, callAs, login, opened, pick, shot, shotOf, SHOTS, startHarness, type Harness } from './support';

const INJECTION = '<img src=x onerror=alert(1)>';
const TITLE = `2026 年度客户满意度调查 ${INJECTION}`;
const REJECTION = `样本量不足，请补充华北区域 ${INJECTION}`;

const CUSTOMERS_CSV = [
  'code,name,contact,email,phone,product_type,region,customer_type',
  'C001,华东机械厂,王工,wang@hd-machine.example,021-5550001,液压缸,华东,直销',
  'C002,北方重工,李经理,li@bf-heavy.example,010-5550002,液压缸,华北,直销',
  'C003,南方建机,陈总,chen@nf-cm.example,020-5550003,油泵,华南,经销商',
  'C004,西部矿山设备,赵工,,028-5550004,油泵,西南,直销',
  'C005,东海港机,孙经理,sun@dh-port.example,0574-5550005,液压缸,华东,经销商',
].join('\n');
const BAD_CSV = 'code,name,email\nC900,,bad\nC901,好客户,not-an-email\n';

/** antd puts a space between the two characters of a two-character CJK button label. */
function label(text: string): RegExp {
  const spaced = [...text].length === 2 ? [...text].join('\\s?') : text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // an icon's aria-label comes first in the accessible name
  return new RegExp(`(^|\\s)${spaced}\\s*$`);
}

function button(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('button', { name: label(text) });
}

function modal(page: Page): Locator {
  return page.getByRole('dialog').last();
}

/** A dialog's action succeeded: the dialog closed (it stays open, showing the refusal, on any error). */
async function closed(dialog: Locator): Promise<void> {
  await dialog.waitFor({ state: 'hidden' });
}

describe('annual survey walked through the console in Chromium', () => {
  let h: Harness;
  let instanceUrl = '';
  let personalLink = '';

  beforeAll(async () => {
    h = await startHarness(3900);
  });

  afterAll(() => h?.close());

  /** One step of the walk; after a failed step the rest are skipped as failed, not run against a half-done survey. */
  let failed = false;
  function step(name: string, fn: () => Promise<void>): void {
    it(name, async () => {
      if (failed) throw new Error('an earlier step of the walk failed');
      try {
        await fn();
      } catch (e) {
        failed = true;
        // what the browser showed when the step failed
        const pages = h.browser.contexts().flatMap((c) => c.pages());
        await Promise.all(pages.map((p, n) => p.screenshot({ path: `${SHOTS}/failed-${n}.png`, fullPage: true }).catch(() => undefined)));
        for (const p of pages) for (const alert of await p.locator('.ant-alert-error, .ant-form-item-explain-error').allInnerTexts()) process.stderr.write(`on the page: ${alert}\n`);
        process.stderr.write(`the server's last log lines:\n${h.serverLog()}\n`);
        throw e;
      }
    });
  }

  afterEach(() => {
    expect(h.errors).toEqual([]);
  });

  /** Logs in as a user in a fresh browser, opens the survey instance. */
  async function as(user: string, password = 'demo'): Promise<Page> {
    const page = await h.open();
    await login(h, page, user, password);
    if (instanceUrl) {
      await page.goto(instanceUrl);
      await page.locator('.sf-survey-panel').waitFor();
    }
    return page;
  }

  /** Sends one outcome from the instance page through its dialog. */
  async function outcome(page: Page, event: string, fill: (dialog: Locator) => Promise<void> = async () => undefined): Promise<void> {
    await button(page, event).first().click();
    const dialog = modal(page);
    await opened(dialog);
    await fill(dialog);
    await dialog.locator('.ant-modal-footer .ant-btn-primary, .ant-modal-footer .ant-btn-dangerous').last().click();
    await closed(dialog);
  }

  async function sign(dialog: Locator): Promise<void> {
    await dialog.locator('input[type=password]').fill('demo');
  }

  /** The instance's current state, read from the API (and the page reloaded to show it). */
  async function state(page: Page): Promise<string> {
    await page.reload();
    await page.locator('.sf-survey-panel').waitFor();
    return (await h.api<{ state: string }>(`/instances/${instanceUrl.split('/').pop()}`)).state;
  }

  step('survey_manager imports customers (a bad file shows its line errors), starts the plan and designs the questionnaire', async () => {
    const page = await as('survey_manager');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await shot(page, '01-inbox-survey_manager', false);

    await page.goto(`${h.base}/customers`);
    const input = page.locator('.sf-import input[type=file]');
    h.expectRefusal(/\/api\/v1\/customers\/import$/);
    await input.setInputFiles({ name: 'customers-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await page.locator('.sf-import-errors').waitFor();
    const errorRows = await page.locator('.sf-import-errors tbody tr').allInnerTexts();
    expect(errorRows.join('\n')).toMatch(/2[\s\S]*name/);
    expect(errorRows.join('\n')).toMatch(/3[\s\S]*email/);
    await shot(page, '02-customers-import-errors');
    await input.setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CUSTOMERS_CSV) });
    await page.getByText('已导入 5 个客户').waitFor();
    await page.getByText('西部矿山设备').waitFor();
    await shot(page, '03-customers');

    await page.goto(`${h.base}/instances`);
    await button(page, '发起流程').click();
    const start = modal(page);
    await start.locator('#title').fill(TITLE);
    await button(start, '确定').click();
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    instanceUrl = page.url();
    await page.locator('.sf-survey-panel').waitFor();

    await button(page, '设计调查表').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.locator('.sf-phone').getByText('可靠性').waitFor();
    await drawer.locator('.ant-segmented').getByText('English').click();
    await drawer.locator('.sf-phone').getByText('Reliability').waitFor();
    await shot(page, '04-questionnaire-builder', false);
    // a period in Chinese names the report's files (see the downloads at the end)
    await drawer.locator('#period').fill('2026年度');
    await button(drawer, '保存调查表').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.locator('.sf-survey-panel').getByText('草稿').waitFor();

    await outcome(page, '提交', async (d) => {
      await d.locator('#period').fill('2026');
      await d.locator('#sample').fill('用户服务档案 2026，全部在册客户');
      // the plan's questionnaire is the one attached to the instance
      await d.locator('.sf-plan-survey').waitFor();
    });
    expect(await state(page)).toBe('planApproval');
    // the injection is shown as text, never run
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    await shot(page, '05-instance-plan-submitted');
    await page.context().close();
  });

  step('approver rejects the plan with a reason; survey_manager resubmits; approver signs', async () => {
    let page = await as('approver');
    await outcome(page, '退回', async (d) => {
      await d.locator('#comment').fill(REJECTION);
    });
    expect(await state(page)).toBe('planning');
    await page.locator('.sf-comment', { hasText: REJECTION }).first().waitFor();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    await page.context().close();

    page = await as('survey_manager');
    await page.getByText(REJECTION).first().waitFor();
    await outcome(page, '提交', async (d) => {
      await d.locator('#period').fill('2026');
      await d.locator('#sample').fill('用户服务档案 2026，五家客户全部调查');
    });
    expect(await state(page)).toBe('planApproval');
    await page.context().close();

    page = await as('approver');
    await button(page, '批准').first().click();
    const dialog = modal(page);
    await dialog.locator('.sf-signature').waitFor();
    await sign(dialog);
    await shot(page, '06-signature-dialog', false);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await closed(dialog);
    expect(await state(page)).toBe('dispatching');
    await page.context().close();
  });

  step('coordinator samples recipients, dispatches, enters phone answers and closes collection at the target', async () => {
    const page = await as('coordinator');
    await button(page, '抽取调查对象').click();
    const sample = modal(page);
    await button(sample, '抽取').click();
    await sample.locator('.sf-links').waitFor();
    // four customers have e-mail (their link comes with the invitation); 西部矿山设备 is reached by phone
    const links = await sample.locator('.sf-link').allInnerTexts();
    expect(links).toHaveLength(1);
    personalLink = links[0].trim();
    expect(personalLink).toMatch(/\/r\/[A-Za-z0-9_-]+$/);
    await shot(page, '07-sampled-links', false);
    await button(sample, '确定').click();

    // nothing goes out before the coordinator confirms what will happen
    await page.getByRole('button', { name: /发送问卷（5 人）/ }).click();
    await page.getByText('向 5 位客户发送问卷？').waitFor();
    await page.getByRole('button', { name: '确认发送' }).click();
    await page.getByText(/已发送 5 份/).waitFor();
    expect(await state(page)).toBe('collecting');
    await page.locator('.sf-survey-panel').getByText('已发送').first().waitFor();

    // a scanned-forms file with mistakes is refused whole, every bad line named
    h.expectRefusal(/\/responses\/import$/);
    await page.locator('.sf-survey-toolbar .sf-import input[type=file]').setInputFiles({
      name: 'answers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('email,channel,reliability\nnobody@nowhere.example,fax,4\nli@bf-heavy.example,fax,9\n'),
    });
    await page.locator('.sf-import-errors').waitFor();
    expect((await page.locator('.sf-import-errors tbody tr').allInnerTexts()).length).toBeGreaterThanOrEqual(2);
    await shotOf(page.locator('.sf-survey-panel'), '08-answer-import-errors');

    // three answers by phone (the fourth comes from the public form)
    const names = ['北方重工', '南方建机', '华东机械厂'];
    for (const [n, name] of names.entries()) {
      await button(page, '录入电话/传真/走访答卷').click();
      const entry = modal(page);
      await entry.locator('#recipientId').fill(name);
      await entry.locator('#recipientId').press('Enter');
      // vary the levels so the charts have something to show
      for (const [item, group] of (await entry.locator('.sf-q-item .ant-radio-group').all()).entries()) {
        await group.locator('.ant-radio-button-wrapper').nth(4 - ((item + n * (item % 2)) % 3)).click();
      }
      if (n === 0) await shot(page, '08-phone-entry-dialog', false);
      await entry.locator('.ant-modal-footer .ant-btn-primary').click();
      await closed(entry);
    }
    await page.context().close();
  });

  step('a customer answers on a phone: thanks page, then "already answered"', async () => {
    const phone = await h.open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await phone.goto(personalLink);
    await phone.locator('form#f').waitFor();
    await shot(phone, '09-public-form-phone');
    for (const group of await phone.locator('fieldset').all()) await group.locator('label').nth(3).click();
    await phone.locator('textarea[name=comment]').fill('交货及时，希望加强售后培训。');
    await phone.locator('button#b').click();
    await phone.getByText('提交成功，感谢您的反馈！').waitFor();
    await shot(phone, '10-public-thanks-phone');
    await phone.goto(personalLink);
    await phone.getByText('此问卷已提交').waitFor();
    await shot(phone, '11-public-already-phone');
    await phone.context().close();
  });

  step('coordinator sees the return rate reach the target, closes collection and drafts the report', async () => {
    const page = await as('coordinator');
    await page.locator('.sf-return-rate').getByText('80%', { exact: true }).waitFor();
    await page.locator('.sf-return-rate').getByText('已达目标').waitFor();
    await shot(page, '12-collection');
    await outcome(page, '结束回收');
    expect(await state(page)).toBe('reportDrafting');

    // A tab opened before a release asks for a chart's chunk that the new build no longer has:
    // the page says so and offers a reload; the console around it stays.
    const staleChunk = /\/assets\/BarChart-[^/]+\.js$/;
    await page.route(staleChunk, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    const errorsBefore = h.errors.length;
    await page.getByRole('tab', { name: '调查结果' }).click();
    await page.getByText('系统已更新').waitFor();
    expect(await page.locator('.sf-header').isVisible()).toBe(true);
    // what the browser and React report of that failure, and nothing else
    expect(h.errors.splice(errorsBefore).filter((e) => !/BarChart-|dynamically imported module/.test(e))).toEqual([]);
    await page.unroute(staleChunk);
    await page.getByRole('button', { name: '重新加载' }).click();
    await page.getByRole('tab', { name: '调查结果' }).click();
    await page.locator('.sf-gap').waitFor();
    await button(page.locator('.sf-gap'), '计算').click();
    await page.locator('.sf-gap .ant-alert').waitFor();
    // the charts fetch ECharts when first shown, then draw on canvases
    await page.locator('canvas').first().waitFor();
    await shot(page, '13-results');
    // each source's inputs say what goes in them, and its remove button what it does
    const composite = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: '综合满意度' }) });
    expect(await composite.getByPlaceholder('代码，如 visits').count()).toBe(3);
    expect(await composite.getByPlaceholder('来源名称，如 走访调查').count()).toBe(3);
    expect(await composite.getByRole('button', { name: '删除', exact: true }).count()).toBe(2);

    await outcome(page, '提交', async (d) => {
      await d.locator('#conclusions').fill('总体满意；可靠性得分最低，需改进。');
      await d.locator('#proposals').fill('更换密封件供应商；发货前增加外观检验。');
      await d.getByRole('button', { name: /添加发现事项/ }).click();
      await d.locator('input[id$=_title]').first().fill('液压缸密封可靠性得分最低');
      await d.getByText('产品质量问题', { exact: true }).click();
      await d.getByText('重要', { exact: true }).click();
    });
    expect(await state(page)).toBe('reportReview');
    await page.context().close();
  });

  step('survey_manager reviews, approver approves, management_rep acknowledges, general_manager approves: completed', async () => {
    for (const user of ['survey_manager', 'approver']) {
      const page = await as(user);
      await outcome(page, '批准', sign);
      await page.context().close();
    }
    let page = await as('management_rep');
    await outcome(page, '确认接收');
    expect(await state(page)).toBe('gmApproval');
    await page.context().close();

    page = await as('general_manager');
    await outcome(page, '批准', sign);
    expect(await state(page)).toBe('completed');
    await page.locator('.sf-diagram').waitFor();
    await shot(page, '14-instance-completed');

    await page.getByRole('tab', { name: '分析报告' }).click();
    await page.locator('.sf-report-paper').waitFor();
    await shot(page, '15-report-preview');
    const get = async (format: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-format=${format}]`).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^survey-report-2026年度-r\\d+\\.${format}$`));
      return readFileSync((await download.path())!);
    };
    expect((await get('pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get('xlsx')).subarray(0, 2).toString()).toBe('PK'); // a zip
    expect((await get('csv')).toString('utf8')).toContain('可靠性');
    await page.context().close();
  });

  step('complaint_desk finds the routed complaint on the board with its SLA clock and dispatches it', async () => {
    const page = await as('complaint_desk');
    await page.goto(`${h.base}/complaints`);
    await page.locator('.sf-case', { hasText: '液压缸密封可靠性得分最低' }).waitFor({ timeout: 20000 });
    await page.locator('.sf-case .sf-sla').first().waitFor();
    await shot(page, '16-complaints-board');
    // the dispatch form: a handler who holds no complaint handler role is refused on the handler's input, the dialog open
    h.expectRefusal(/\/instances\/[^/]+\/events$/);
    await page.locator('.sf-case', { hasText: '液压缸密封可靠性得分最低' }).first().click();
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    const complaintUrl = page.url();
    await button(page, '派单').first().click();
    const dispatch = modal(page);
    // a click while the filtered list re-renders takes nothing: pick tries again (it once dispatched to the refused handler twice)
    const handler = (username: string) => pick(dispatch, 'handler', `(${username})`, username);
    await handler('coordinator');
    await dispatch.locator('.ant-modal-footer .ant-btn-primary').click();
    await dispatch.locator('.ant-form-item-explain-error', { hasText: '该用户不具有“责任人”岗位' }).waitFor();
    await handler('complaint_handler');
    await dispatch.locator('.ant-modal-footer .ant-btn-primary').click();
    await closed(dispatch);
    expect(await h.api<{ state: string; data: { handler: string } }>(`/instances/${complaintUrl.split('/').pop()}`)).toMatchObject({ state: 'handling', data: { handler: 'complaint_handler' } });
    await page.context().close();
  });

  step("quality raises a corrective action from the report's lowest item; asked again, the same one opens", async () => {
    const planId = instanceUrl.split('/').pop()!;
    const raise = async () => {
      const page = await as('quality');
      await page.getByRole('tab', { name: '分析报告' }).click();
      const lowest = page.locator('.sf-lowest-item').first();
      const item = (await lowest.locator('.ant-tag').innerText()).split(' · ')[0];
      await lowest.getByRole('button', { name: '发起纠正措施' }).click();
      await page.waitForURL((url) => /\/instances\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(planId));
      const id = page.url().split('/').pop()!;
      await page.context().close();
      return { id, item };
    };
    const first = await raise();
    const action = await h.api<{ procedure: string; parentId: string; state: string; data: { source: { item: string; itemTitle: { zh: string }; index: number } } }>(`/instances/${first.id}`);
    expect(action).toMatchObject({ procedure: 'corrective-action', parentId: planId, state: 'problem' });
    expect(action.data.source.itemTitle.zh).toBe(first.item);
    expect((await raise()).id).toBe(first.id);

    // through its steps to the effectiveness check: the dialog shows the index the item had, and that no later survey scored it yet
    const send = async (user: string, body: Record<string, unknown>) => {
      const { revision } = await h.api<{ revision: number }>(`/instances/${first.id}`);
      await callAs(h, user, 'POST', `/instances/${first.id}/events`, { ...body, expectedRevision: revision });
    };
    await send('quality', { type: 'SUBMIT', data: { description: '可靠性得分偏低' } });
    await send('complaint_handler', { type: 'SUBMIT', data: { cause: '密封件来料批次不稳定' } });
    await send('complaint_handler', { type: 'SUBMIT', data: { actions: ['进货检验加严'], owner: 'complaint_handler', dueDate: new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10) } });
    await send('quality', { type: 'APPROVE', signature: { password: 'demo', meaning: '批准 / approved' } });
    await send('complaint_handler', { type: 'SUBMIT', data: { result: '已加严检验' } });
    let page = await as('quality');
    await page.goto(`${h.base}/instances/${first.id}`);
    await button(page, '有效').first().click();
    const dialog = modal(page);
    await opened(dialog);
    await dialog.locator('.sf-next-score', { hasText: `「${first.item}」立项时得分 ${action.data.source.index}；尚无后续调查的得分` }).waitFor();
    await dialog.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').first().click();
    await page.context().close();

    // the coordinator sees the lowest items but raises nothing
    page = await as('coordinator');
    await page.getByRole('tab', { name: '分析报告' }).click();
    await page.locator('.sf-lowest-item').first().waitFor();
    expect(await page.locator('.sf-raise-action').count()).toBe(0);
    await page.context().close();
  });

  step('quality compiles the management-review pack from the system; general_manager signs it', async () => {
    let page = await as('quality');
    await page.goto(`${h.base}/reviews`);
    await button(page, '新建').click();
    const start = modal(page);
    await start.locator('#title').fill('2026 年度管理评审输入');
    await button(start, '确定').click();
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    const reviewUrl = page.url();
    await button(page, '提交').click();
    const dialog = modal(page);
    // the server compiles the pack for the period typed in: the report approved above, from its frozen revision
    const year = String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
    await dialog.locator('#period').fill(year);
    await dialog.locator('.sf-pack').getByText('年度客户满意度调查').first().waitFor();
    await dialog.locator('.sf-pack').getByText('10 分钟内派单').waitFor();
    await shot(page, '17-management-review-pack', false);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await closed(dialog);
    await page.context().close();

    page = await as('general_manager');
    await page.goto(reviewUrl);
    await outcome(page, '批准', sign);
    expect(await h.api<{ state: string; data: Record<string, unknown> }>(`/instances/${reviewUrl.split('/').pop()}`)).toMatchObject({
      state: 'archived',
      data: {
        pack: { surveys: { reports: [expect.objectContaining({ overallIndex: expect.any(Number), hash: expect.any(String) })] } },
        signedOff: { by: 'general_manager', packRevision: 1, packHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    });
    await page.context().close();
  });

  step('auditor reads the trail, sees it verified, and has no action buttons', async () => {
    const page = await as('auditor');
    for (const e of ['提交', '批准', '退回']) expect(await button(page, e).count()).toBe(0);
    await page.locator('.sf-comment', { hasText: REJECTION }).first().waitFor();
    // the follow-ups of recipients who never answered, closed when collection closed
    const closed = page.locator('.ant-list', { hasText: '已完成的跟进与升级任务' });
    await closed.getByText('电话跟进').first().waitFor();
    expect(await closed.innerText()).toContain('系统（步骤已办结）');
    await page.goto(`${h.base}/audit`);
    await page.locator('.sf-verify.ant-alert-success').waitFor();
    await page.getByText(REJECTION).first().waitFor();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    await shot(page, '18-audit-auditor');
    await page.context().close();
  });

  step('admin sees users and the calendar, in English too', async () => {
    const page = await as('admin', ADMIN_PASSWORD);
    await page.goto(`${h.base}/admin/users`);
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, '19-admin-users');
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(instanceUrl);
    await page.getByText('Audit timeline').waitFor();
    await shot(page, '20-instance-english');
    await page.context().close();
  });
});
