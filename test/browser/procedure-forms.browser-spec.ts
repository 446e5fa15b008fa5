/**
 * The forms of procedures B-D and the survey plan in headless Chromium (QA pass of the
 * console): a complaint started with its intake, dispatched to a handler picked from the
 * people, resolved and called back; a corrective action from problem to signed effectiveness,
 * every step a form; a management-review pack recompiled when the records changed, and the
 * frozen pack shown to the general manager; a plan that cannot be submitted without its
 * questionnaire. Refusals are said on the inputs they concern, in the page's language.
 */
import type { Locator, Page } from 'playwright-core';
import { callAs, type Harness, login, opened, pick, startHarness } from './support';

describe('procedure forms in Chromium', () => {
  let h: Harness;

  const call = <T>(user: string, method: 'GET' | 'POST', path: string, body?: unknown) => callAs<T>(h, user, method, path, body);

  const instance = (id: string) => h.api<{ state: string; data: Record<string, unknown>; children: string[] }>(`/instances/${id}`);
  const idOf = (page: Page) => page.url().split('/').pop()!;

  beforeAll(async () => {
    h = await startHarness(4700);
    // the forms' refusals on purpose
    h.expectRefusal(/\/instances\/[^/]+\/events$/);
  });

  afterAll(() => h?.close());

  afterEach(() => {
    expect(h.errors).toEqual([]);
  });

  async function as(user: string, path: string): Promise<Page> {
    const page = await h.open();
    await login(h, page, user);
    await page.goto(`${h.base}${path}`);
    return page;
  }

  /** Opens an outcome's dialog on the instance page. */
  async function outcome(page: Page, name: RegExp): Promise<Locator> {
    await page.getByRole('button', { name }).first().click();
    const dialog = page.getByRole('dialog').last();
    await opened(dialog);
    return dialog;
  }

  /** Opens the board's start dialog (新建) and waits until it has opened. */
  async function newRecord(page: Page): Promise<Locator> {
    await page.getByRole('button', { name: /新建/ }).click();
    const dialog = page.getByRole('dialog').last();
    await opened(dialog);
    return dialog;
  }

  const ok = (dialog: Locator) => dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  const errorOn = (dialog: Locator, id: string) => dialog.locator('.ant-form-item', { has: dialog.page().locator(`#${id}`) }).locator('.ant-form-item-explain-error');

  it('starts a complaint with its intake, dispatches it to a handler picked from the people, resolves it and records the callback', async () => {
    const page = await as('complaint_desk', '/complaints');
    const start = await newRecord(page);
    await start.locator('#title').fill('液压缸漏油');
    await ok(start);
    // the record needs its customer, channel and description
    await errorOn(start, 'customer').waitFor();
    await start.locator('#customer').fill('北方重工');
    await pick(start, 'channel', '电话');
    await start.locator('#description').fill('新购液压缸两周后漏油');
    await ok(start);
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    const id = idOf(page);
    expect((await instance(id)).data.intake).toEqual({ customer: '北方重工', channel: 'phone', description: '新购液压缸两周后漏油' });

    let dialog = await outcome(page, /派\s?单/);
    // the record is complete: nothing more is asked of it
    expect(await dialog.locator('.ant-form-item-required', { hasText: '客户' }).count()).toBe(0);
    await pick(dialog, 'handler', '(coordinator)', 'coordinator');
    await ok(dialog);
    await errorOn(dialog, 'handler').filter({ hasText: '该用户不具有“责任人”岗位' }).waitFor();
    expect(await dialog.locator('.ant-alert-error').count()).toBe(0);
    expect(await dialog.innerText()).not.toContain('data.handler');
    await pick(dialog, 'handler', '(complaint_handler)', 'complaint_handler');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    expect(await instance(id)).toMatchObject({ state: 'handling', data: { handler: 'complaint_handler' } });
    await page.context().close();

    const handler = await as('complaint_handler', `/instances/${id}`);
    dialog = await outcome(handler, /处理完毕/);
    expect(await dialog.locator('#json').count()).toBe(0);
    await ok(dialog);
    await errorOn(dialog, 'resolution').waitFor();
    await dialog.locator('#resolution').fill('更换密封件，现场试压无泄漏');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    expect(await instance(id)).toMatchObject({ state: 'callback', data: { resolution: { text: '更换密封件，现场试压无泄漏' } } });
    await handler.context().close();

    const desk = await as('complaint_desk', `/instances/${id}`);
    dialog = await outcome(desk, /^回访满意$/);
    await dialog.locator('.ant-rate-star').nth(2).click();
    await ok(dialog);
    // a score of 3 is not satisfied: the server's refusal is said on the score
    await errorOn(dialog, 'score').waitFor();
    expect(await dialog.innerText()).not.toContain('data.score');
    await dialog.locator('.ant-rate-star').nth(4).click();
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    expect((await instance(id)).state).toBe('closed');

    // the step data by the complaint's own words
    const data = desk.locator('.ant-card', { has: desk.locator('.ant-card-head-title', { hasText: /^步骤提交的数据$/ }) });
    await desk.reload();
    await data.getByText('派单时间').waitFor();
    const text = await data.innerText();
    for (const label of ['登记信息', '投诉内容', '电话', '处理结果', '回访记录']) expect(text).toContain(label);
    for (const code of ['intake', 'dispatchedAt', 'resolution', 'phone', 'reopened']) expect(text).not.toContain(code);
    await desk.context().close();
  });

  it('hands a complaint over to another handler picked from the people, with the reason asked for', async () => {
    await call('admin', 'POST', '/users', { username: 'wang.handler', displayName: '王工', password: 'password-1', roles: [{ role: 'complaint_handler' }] });
    const { id } = await call<{ id: string }>('complaint_desk', 'POST', '/instances', {
      procedure: 'customer-complaint',
      title: '冷却塔异响',
      data: { customer: '东方化工', channel: 'phone', description: '冷却塔风机异响' },
    });
    const { revision } = await call<{ revision: number }>('complaint_desk', 'GET', `/instances/${id}`);
    await call('complaint_desk', 'POST', `/instances/${id}/events`, { type: 'DISPATCH', expectedRevision: revision, data: { handler: 'complaint_handler' } });
    const page = await as('complaint_handler', `/instances/${id}`);
    const dialog = await outcome(page, /^转\s?办$/);
    await pick(dialog, 'handler', '(wang.handler)', 'wang');
    await ok(dialog);
    await errorOn(dialog, 'comment').waitFor();
    expect((await instance(id)).data.handler).toBe('complaint_handler');
    await dialog.locator('#comment').fill('本人下周出差，转王工处理');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    expect(await instance(id)).toMatchObject({ state: 'handling', data: { handler: 'wang.handler', handovers: [{ from: 'complaint_handler', to: 'wang.handler', reason: '本人下周出差，转王工处理' }] } });
    await page.context().close();
  });

  it('walks a corrective action through its forms: problem, cause, a plan with a picked owner and a due date, the result, signed evidence', async () => {
    let page = await as('quality', '/actions');
    const start = await newRecord(page);
    await start.locator('#title').fill('密封件可靠性整改');
    await ok(start);
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    const id = idOf(page);

    let dialog = await outcome(page, /提\s?交/);
    await dialog.locator('#description').fill('液压缸密封件两周内漏油，客户投诉 3 起');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();

    page = await as('complaint_handler', `/instances/${id}`);
    dialog = await outcome(page, /提\s?交/);
    await dialog.locator('#cause').fill('供应商更换了密封材料，未经验证');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });

    await page.reload();
    dialog = await outcome(page, /提\s?交/);
    expect(await dialog.locator('#json').count()).toBe(0);
    await dialog.locator('textarea[id^=actions_]').first().fill('恢复原密封材料');
    await dialog.getByRole('button', { name: /添加措施/ }).click();
    await dialog.locator('textarea[id^=actions_]').nth(1).fill('新材料须经 500 小时试验后方可使用');
    // a past date cannot be picked
    await dialog.locator('#dueDate').click();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const cell = page.locator(`.ant-picker-dropdown:visible td[title="${yesterday}"]`);
    if (await cell.count()) expect(await cell.getAttribute('class')).toContain('ant-picker-cell-disabled');
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await dialog.locator('#dueDate').fill(due);
    await dialog.locator('#dueDate').press('Enter');
    expect(await dialog.locator('#dueDate').inputValue()).toBe(due);
    // an owner who is no complaint handler is refused on the owner's input
    await pick(dialog, 'owner', '(coordinator)', 'coordinator');
    await ok(dialog);
    await errorOn(dialog, 'owner').filter({ hasText: '该用户不具有“责任人”岗位' }).waitFor();
    await pick(dialog, 'owner', '(complaint_handler)', 'complaint_handler');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    expect(await instance(id)).toMatchObject({ state: 'planApproval', data: { plan: { actions: ['恢复原密封材料', '新材料须经 500 小时试验后方可使用'], owner: 'complaint_handler', dueDate: due } } });
    await page.context().close();

    page = await as('quality', `/instances/${id}`);
    dialog = await outcome(page, /批\s?准/);
    await dialog.locator('input[type=password]').fill('demo');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();

    page = await as('complaint_handler', `/instances/${id}`);
    dialog = await outcome(page, /提\s?交/);
    await dialog.locator('#result').fill('已恢复原材料，库存新材料隔离');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();

    page = await as('quality', `/instances/${id}`);
    dialog = await outcome(page, /有\s?效/);
    await dialog.locator('input[type=password]').fill('demo');
    await ok(dialog);
    await errorOn(dialog, 'verification').filter({ hasText: '请填写验证记录或得分' }).waitFor();
    await dialog.locator('#verification').fill('连续 3 个月无同类投诉');
    await dialog.locator('#score').fill('92');
    await dialog.locator('input[type=password]').fill('demo');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    const closed = await instance(id);
    expect(closed.state).toBe('closed');
    expect(closed.data.checks).toEqual([expect.objectContaining({ effective: true, data: { verification: '连续 3 个月无同类投诉', score: 92 } })]);

    await page.reload();
    const data = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: /^步骤提交的数据$/ }) });
    await data.getByText('整改计划').waitFor();
    const text = await data.innerText();
    for (const label of ['问题', '有效性验证', '验证记录', '完成期限']) expect(text).toContain(label);
    for (const code of ['调查计划', 'checks', 'verification', 'dueDate', 'implementation']) expect(text).not.toContain(code);
    await page.context().close();
  });

  it('recompiles a stale management-review pack, and shows the general manager the frozen pack they sign', async () => {
    const year = String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
    let page = await as('quality', '/reviews');
    const start = await newRecord(page);
    await start.locator('#title').fill(`${year} 年度管理评审输入`);
    await start.locator('#period').fill(year);
    await ok(start);
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    const id = idOf(page);
    expect((await instance(id)).data.period).toBe(year);

    let dialog = await outcome(page, /提\s?交/);
    // the period the review was started for is compiled at once
    expect(await dialog.locator('#period').inputValue()).toBe(year);
    const pack = dialog.locator('.sf-pack');
    await pack.getByText('10 分钟内派单').waitFor();
    const complaints = async () => (await pack.locator('.ant-descriptions-row', { hasText: '客户投诉统计与时限' }).innerText()).match(/共 (\d+)/)![1];
    const before = await complaints();
    await dialog.getByRole('button', { name: /重新汇编/ }).click();
    await pack.getByText('10 分钟内派单').waitFor();

    // the records change while the pack is open: the server refuses it and the dialog compiles again
    await call('complaint_desk', 'POST', '/instances', { procedure: 'customer-complaint', title: '新投诉', data: { customer: '南方建机', channel: 'web', description: '交货延迟' } });
    await ok(dialog);
    await dialog.locator('.ant-alert-warning', { hasText: '已按最新数据重新汇编' }).waitFor();
    await pack.locator('.ant-descriptions-row', { hasText: `共 ${Number(before) + 1}` }).waitFor();
    expect(await dialog.locator('.ant-alert-error').count()).toBe(0);
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    expect((await instance(id)).state).toBe('review');
    await page.context().close();

    page = await as('general_manager', `/instances/${id}`);
    dialog = await outcome(page, /批\s?准/);
    await dialog.getByText('待签署的评审输入包（提交时冻结）').waitFor();
    await dialog.locator('.sf-pack').getByText('10 分钟内派单').waitFor();
    // the review's decisions: the one ticked opens a corrective action
    for (const [text, tick] of [['增加售后服务网点', true], ['维持现有调查方法', false]] as const) {
      await dialog.getByRole('button', { name: /添加决定/ }).click();
      const line = dialog.getByPlaceholder(/决定（如/).last();
      await line.fill(text);
      if (tick) await dialog.getByRole('checkbox', { name: '发起纠正措施' }).last().check();
    }
    await dialog.locator('input[type=password]').fill('demo');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    const signed = await instance(id);
    expect(signed).toMatchObject({
      state: 'archived',
      data: { decisions: [{ number: 1, decision: '增加售后服务网点', correctiveAction: true }, { number: 2, decision: '维持现有调查方法', correctiveAction: false }] },
    });
    expect(signed.children).toHaveLength(1);
    expect((await instance(signed.children[0])).data.source).toMatchObject({ procedure: 'management-review', decision: 1, text: '增加售后服务网点' });

    // the frozen pack in the step data: labels, not its keys and codes
    await page.reload();
    const data = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: /^步骤提交的数据$/ }) });
    await data.getByText('评审期间').first().waitFor();
    const text = await data.innerText();
    for (const label of ['有效关闭', '按类型', '未记录', '按渠道', '电话', '10 分钟内派单', '评审包哈希', '评审决定', '增加售后服务网点']) expect(text).toContain(label);
    for (const code of ['closedEffective', 'unrecorded', 'byType', 'dispatchWithin10Minutes', 'packHash', 'correctiveActions', 'effectivenessCheck', 'decisions']) expect(text).not.toContain(code);
    await page.context().close();
  });

  it("takes the plan's questionnaire from the instance, and blocks SUBMIT with the builder at hand while there is none", async () => {
    const { id } = await call<{ id: string }>('survey_manager', 'POST', '/instances', { procedure: 'annual-satisfaction-survey', title: '2027 年度客户满意度调查' });
    const page = await as('survey_manager', `/instances/${id}`);
    const dialog = await outcome(page, /提\s?交/);
    await dialog.getByText('此计划尚未关联调查表').waitFor();
    await dialog.locator('#period').fill('2027');
    await dialog.locator('#sample').fill('全部在册客户');
    await ok(dialog);
    await errorOn(dialog, 'survey').waitFor();
    expect((await instance(id)).state).toBe('planning');

    await dialog.getByRole('button', { name: /设计调查表/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('button', { name: /保存调查表/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    await dialog.locator('.sf-plan-survey').waitFor();
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    const [survey] = await h.api<{ id: string }[]>(`/surveys?instanceId=${id}`);
    expect(await instance(id)).toMatchObject({ state: 'planApproval', data: { plan: { survey: survey.id } } });
    await page.context().close();
  });

  it('cancels a complaint registered twice: the reason and the signature are asked for, and the case shows as cancelled', async () => {
    const { id } = await call<{ id: string }>('complaint_desk', 'POST', '/instances', {
      procedure: 'customer-complaint',
      title: '重复登记的来电',
      data: { customer: '北方重工', channel: 'phone', description: '同一来电登记了两次' },
    });
    const page = await as('quality', `/instances/${id}`);
    const dialog = await outcome(page, /^取\s?消$/);
    await dialog.locator('input[type=password]').fill('demo');
    await ok(dialog);
    await errorOn(dialog, 'comment').waitFor();
    expect((await instance(id)).state).toBe('received');
    await dialog.locator('#comment').fill('与前一条投诉重复');
    await dialog.locator('input[type=password]').fill('demo');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    expect(await instance(id)).toMatchObject({ state: 'cancelled', status: 'cancelled' });
    await page.getByText('已取消').first().waitFor();
    expect(await page.getByRole('button', { name: /^取\s?消$/ }).count()).toBe(0);
    const history = await h.api<{ event: string; comment?: string; signatureMeaning?: string }[]>(`/instances/${id}/history`);
    expect(history.at(-1)).toMatchObject({ event: 'CANCEL', comment: '与前一条投诉重复', signatureMeaning: '取消此记录 / cancelled this record' });
    await page.context().close();
  });
  it('adds a note to the trail from the history card: the desk says the customer could not be reached; the auditor has no button', async () => {
    const { id } = await call<{ id: string }>('complaint_desk', 'POST', '/instances', {
      procedure: 'customer-complaint',
      title: '回访电话未接通',
      data: { customer: '东方机械', channel: 'phone', description: '设备异响' },
    });
    let page = await as('complaint_desk', `/instances/${id}`);
    await page.getByRole('button', { name: '添加备注' }).click();
    const dialog = page.getByRole('dialog').last();
    await opened(dialog);
    await ok(dialog);
    await dialog.locator('.ant-form-item-explain-error', { hasText: '请填写备注' }).waitFor();
    await dialog.locator('#note').fill('客户电话未接通，明天上午再联系');
    await ok(dialog);
    await dialog.waitFor({ state: 'hidden' });
    // the trail shows it at once, labelled
    const history = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: '审计时间线' }) });
    await history.getByText('客户电话未接通，明天上午再联系').waitFor();
    await history.getByText('备注').first().waitFor();
    const trail = await h.api<{ event: string; comment?: string; actor: { role: string } }[]>(`/instances/${id}/history`);
    expect(trail.at(-1)).toMatchObject({ event: 'NOTE', comment: '客户电话未接通，明天上午再联系', actor: { role: 'complaint_desk' } });
    await page.context().close();

    page = await as('auditor', `/instances/${id}`);
    await page.getByText('客户电话未接通，明天上午再联系').waitFor();
    expect(await page.getByRole('button', { name: '添加备注' }).count()).toBe(0);
    await page.context().close();
  });
});
