import type { TestApp } from '../../support/test-app';
import { COMPLAINT, CORRECTIVE_ACTION, DAY, HOUR, MINUTE, NOT_AN_ACCIDENT, startProcedures, type Instance, type Steps } from './steps';

const ZH = { 'Accept-Language': 'zh-CN' };

describe('customer-complaint over HTTP (procedures.md, domain section 3)', () => {
  let t: TestApp;
  let s: Steps;
  beforeAll(async () => {
    ({ t, s } = await startProcedures());
  });
  afterAll(() => t.close());

  /** An account the admin creates, with the password its tests log in with. */
  const createUser = async (username: string, roles: { role: string; scope?: string }[]) =>
    (await t.http.post('/api/v1/users').set(await s.auth('admin')).send({ username, displayName: username, password: 'password-1', roles }).expect(201)).body;

  it('records, dispatches to one handler, resolves, calls back and closes', async () => {
    const opened = await s.openComplaint('液压泵漏油 / hydraulic pump leaks');
    expect(opened).toMatchObject({ procedure: COMPLAINT, state: 'received', status: 'active', revision: 1, availableEvents: ['DISPATCH'] });
    expect(opened.openTasks).toEqual([expect.objectContaining({ role: 'complaint_desk', state: 'received', outcomes: ['DISPATCH'], overdue: false })]);
    // dispatched within 10 minutes of receipt
    expect(Date.parse(opened.openTasks[0].dueAt!) - Date.parse((await s.history(opened.id))[0].at)).toBe(10 * MINUTE);

    const noHandler = await s.send('complaint_desk', opened.id, { type: 'DISPATCH', data: {} });
    expect(noHandler.status).toBe(422);
    expect(noHandler.body.message).toContain('handler');
    expect((await s.send('complaint_handler', opened.id, { type: 'DISPATCH', data: { handler: 'complaint_handler' } })).status).toBe(403);

    let i = await s.dispatchComplaint(opened.id);
    expect(i).toMatchObject({ state: 'handling', revision: 2, availableEvents: [] });
    expect(i.data.handler).toBe('complaint_handler');
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'complaint_handler', assignee: 'complaint_handler', outcomes: ['RESOLVE', 'ESCALATE_MAJOR', 'REASSIGN'] })]);
    expect(await s.inbox('complaint_handler', opened.id)).toHaveLength(1);
    expect((await s.get('complaint_handler', opened.id)).availableEvents).toEqual(['RESOLVE', 'ESCALATE_MAJOR', 'REASSIGN']);

    i = await s.resolveComplaint(opened.id);
    expect(i).toMatchObject({ state: 'callback', revision: 3 });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'complaint_desk', outcomes: ['CALLBACK_SATISFIED', 'CALLBACK_DISSATISFIED'] })]);

    i = await s.callbackSatisfied(opened.id);
    expect(i).toMatchObject({ state: 'closed', status: 'completed', revision: 4, openTasks: [], availableEvents: [] });
    expect(i.data.callbacks).toEqual([expect.objectContaining({ round: 1, satisfied: true, by: 'complaint_desk' })]);
    expect((await s.send('complaint_desk', opened.id, { type: 'CALLBACK_SATISFIED' })).status).toBe(422);

    const history = await s.history(opened.id);
    expect(history.map((r) => [r.event, r.actor.username, r.actor.role, r.fromState, r.toState])).toEqual([
      ['START', 'complaint_desk', 'complaint_desk', null, 'received'],
      ['DISPATCH', 'complaint_desk', 'complaint_desk', 'received', 'handling'],
      ['RESOLVE', 'complaint_handler', 'complaint_handler', 'handling', 'callback'],
      ['CALLBACK_SATISFIED', 'complaint_desk', 'complaint_desk', 'callback', 'closed'],
    ]);
    expect(history.map((r) => r.revision)).toEqual([1, 2, 3, 4]);
    expect(history[1].data).toMatchObject({ submitted: { handler: 'complaint_handler' } });
  });

  it('sends a major event to a quality investigation that opens a linked corrective action', async () => {
    const complaint = await s.openComplaint('媒体报道设备起火 / media report: unit caught fire');
    await s.dispatchComplaint(complaint.id);

    const noReason = await s.send('complaint_handler', complaint.id, { type: 'ESCALATE_MAJOR' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.details[0]).toMatchObject({ field: 'comment' });
    let i = await s.act('complaint_handler', complaint.id, { type: 'ESCALATE_MAJOR', comment: '媒体投诉，涉及安全 / media complaint, safety' });
    expect(i).toMatchObject({ state: 'investigation', revision: 3 });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'quality', outcomes: ['CONCLUDE'] })]);
    // due in 10 working days (two calendar weeks, give or take the holiday calendar)
    expect(Date.parse(i.openTasks[0].dueAt!) - Date.parse(i.updatedAt)).toBeGreaterThanOrEqual(10 * DAY);
    expect((await s.get('quality', complaint.id)).availableEvents).toEqual(['CONCLUDE']);

    const unclassified = await s.send('quality', complaint.id, { type: 'CONCLUDE', data: { conclusion: '电源模块设计缺陷 / power module design defect' } });
    expect(unclassified.status).toBe(422);
    expect(unclassified.body.details).toEqual([expect.objectContaining({ field: 'data.classification', rule: 'required' })]);
    const classification = { qualityAccident: true, legalLiability: false, mediaExposure: true };
    i = await s.act('quality', complaint.id, {
      type: 'CONCLUDE',
      data: { conclusion: '电源模块设计缺陷 / power module design defect', openCorrectiveAction: true, classification },
    });
    expect(i).toMatchObject({ state: 'handling', revision: 4 });
    expect(i.data.investigations).toEqual([expect.objectContaining({ concludedBy: 'quality', classification })]);
    await s.runWorker();

    const [child, ...others] = await s.children('quality', complaint.id);
    expect(others).toEqual([]);
    expect(i.children).toEqual([child.id]); // the conclusion's answer lists the corrective action it opened
    expect(child).toMatchObject({ procedure: CORRECTIVE_ACTION, parentId: complaint.id, state: 'problem', status: 'active', revision: 1 });
    expect(child.data).toMatchObject({
      owner: 'complaint_handler',
      parentId: complaint.id,
      source: { procedure: COMPLAINT, investigation: 1, conclusion: '电源模块设计缺陷 / power module design defect' },
    });
    expect(child.openTasks).toEqual([expect.objectContaining({ role: 'quality', state: 'problem' })]);
    expect((await s.get('quality', complaint.id)).children).toEqual([child.id]);
    // a second worker run starts nothing more
    await s.runWorker();
    expect((await s.get('quality', complaint.id)).children).toEqual([child.id]);
    // the list reads tasks and children for its whole page at once: each item as GET /instances/:id has it
    const listed = (await s.getJson<{ items: Instance[] }>('quality', '/instances?pageSize=100')).items;
    expect(listed.map((item) => item.id)).toEqual(expect.arrayContaining([complaint.id, child.id]));
    for (const item of listed) expect(item).toEqual(await s.get('quality', item.id));
    expect(listed.find((item) => item.id === complaint.id)).toMatchObject({ children: [child.id], openTasks: [expect.objectContaining({ role: 'complaint_handler' })] });

    // both sides in the audit trail
    const parentTrail = await s.audit(complaint.id);
    expect(parentTrail.map((r) => r.event)).toEqual(['START', 'DISPATCH', 'ESCALATE_MAJOR', 'CONCLUDE']);
    expect(parentTrail[2]).toMatchObject({ comment: '媒体投诉，涉及安全 / media complaint, safety', actor: { username: 'complaint_handler', role: 'complaint_handler' } });
    expect(parentTrail[3]).toMatchObject({
      actor: { username: 'quality', role: 'quality' },
      data: { effects: [{ type: 'effect.startChild', key: 'corrective-action-1' }] },
    });
    const childTrail = await s.audit(child.id);
    expect(childTrail).toEqual([
      expect.objectContaining({ event: 'START', actor: expect.objectContaining({ username: 'system' }), toState: 'problem', data: expect.objectContaining({ parentId: complaint.id }) }),
    ]);

    // the case goes on to closure while the corrective action runs
    expect((await s.closeComplaint(complaint.id)).state).toBe('closed');
    expect((await s.get('quality', child.id)).state).toBe('problem');
  });

  it('reopens the case to handling on a dissatisfied callback, with the customer reason', async () => {
    const complaint = await s.openComplaint('维修后仍异响 / still noisy after repair');
    await s.dispatchComplaint(complaint.id);
    await s.resolveComplaint(complaint.id);

    const noReason = await s.send('complaint_desk', complaint.id, { type: 'CALLBACK_DISSATISFIED', comment: ' ' });
    expect(noReason.status).toBe(422);
    let i = await s.act('complaint_desk', complaint.id, { type: 'CALLBACK_DISSATISFIED', comment: '客户仍不满意：噪音未消除 / noise remains', data: { score: 2 } });
    expect(i).toMatchObject({ state: 'handling', revision: 4 });
    expect(i.data).toMatchObject({ reopened: 1, lastRejection: { state: 'callback', comment: '客户仍不满意：噪音未消除 / noise remains', by: 'complaint_desk' } });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'complaint_handler', assignee: 'complaint_handler' })]);

    await s.resolveComplaint(complaint.id, '更换轴承 / bearing replaced');
    i = await s.callbackSatisfied(complaint.id);
    expect(i).toMatchObject({ state: 'closed', revision: 6 });
    expect(i.data.callbacks.map((c: { satisfied: boolean }) => c.satisfied)).toEqual([false, true]);
    const history = await s.history(complaint.id);
    expect(history[3]).toMatchObject({ event: 'CALLBACK_DISSATISFIED', fromState: 'callback', toState: 'handling', comment: '客户仍不满意：噪音未消除 / noise remains', actor: { role: 'complaint_desk' } });
  });

  it('calls major works back a second time 2 months after the first callback, not before', async () => {
    const complaint = await s.openComplaint('厂房钢结构渗水 / plant steel structure leaks');
    await s.dispatchComplaint(complaint.id, { majorWorks: true });
    await s.resolveComplaint(complaint.id);
    let i = await s.callbackSatisfied(complaint.id);
    expect(i).toMatchObject({ state: 'secondCallback', status: 'active', revision: 4 });
    const firstAt = Date.parse((await s.history(complaint.id))[3].at);
    expect(Date.parse(i.data.secondCallbackDue) - firstAt).toBeGreaterThanOrEqual(59 * DAY);
    expect(Date.parse(i.data.secondCallbackDue) - firstAt).toBeLessThanOrEqual(62 * DAY);
    // due within 3 working days of the moment it may be made
    const task = i.openTasks[0];
    expect(task).toMatchObject({ role: 'complaint_desk', state: 'secondCallback', overdue: false, outcomes: ['CALLBACK_SATISFIED', 'CALLBACK_DISSATISFIED'] });
    expect(Date.parse(task.dueAt!) - Date.parse(i.data.secondCallbackDue)).toBeGreaterThanOrEqual(3 * DAY);
    expect(Date.parse(task.dueAt!) - Date.parse(i.data.secondCallbackDue)).toBeLessThanOrEqual(5 * DAY);
    // the task waits outside the desk's inbox until the call may be made
    expect(task.opensAt).toBe(i.data.secondCallbackDue);
    expect(await s.inbox('complaint_desk', complaint.id)).toEqual([]);

    // recorded 3 seconds after the first in the QA run: refused, in both languages, until it is due
    const early = await s.send('complaint_desk', complaint.id, { type: 'CALLBACK_SATISFIED', data: { score: 5 } });
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('2 months after the first');
    const earlyZh = await s.send('complaint_desk', complaint.id, { type: 'CALLBACK_SATISFIED' }, { 'Accept-Language': 'zh' });
    expect(earlyZh.body.message).toContain('首次回访 2 个月后');
    // the moment it may be made, and no score rule for a good score
    // in the company's time (China by default), as the desk reads a clock
    const when = `${new Date(Date.parse(i.data.secondCallbackDue) + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ')} (UTC+8)`;
    expect(early.body.message).toBe(`CALLBACK_SATISFIED refused in 'Second callback (major works)' (secondCallback): the second callback is made 2 months after the first, not before ${when}`);
    expect(earlyZh.body.message).toBe(`「大型工程二次回访」拒绝「回访满意」：二次回访须在首次回访 2 个月后进行，不早于 ${when}`);
    await s.advanceClock(30 * DAY);
    expect((await s.send('complaint_desk', complaint.id, { type: 'CALLBACK_DISSATISFIED', comment: '仍渗水 / still leaks' })).status).toBe(422);
    i = await s.get('complaint_desk', complaint.id);
    expect(i).toMatchObject({ state: 'secondCallback', revision: 4 });

    expect(await s.inbox('complaint_desk', complaint.id)).toEqual([]);

    await s.advanceClock(32 * DAY); // past 2 months: the second callback is open, not yet overdue
    expect((await s.get('complaint_desk', complaint.id)).openTasks[0].overdue).toBe(false);
    expect(await s.inbox('complaint_desk', complaint.id)).toEqual([expect.objectContaining({ state: 'secondCallback', opensAt: i.data.secondCallbackDue })]);
    const low = await s.send('complaint_desk', complaint.id, { type: 'CALLBACK_SATISFIED', data: { score: 3 } });
    expect(low.status).toBe(422);
    expect(low.body.details).toEqual([expect.objectContaining({ field: 'data.score', rule: 'invalid' })]);
    i = await s.act('complaint_desk', complaint.id, { type: 'CALLBACK_SATISFIED', data: { score: 5 } });
    expect(i).toMatchObject({ state: 'closed', status: 'completed', revision: 5, openTasks: [] });
    expect(i.data.callbacks.map((c: { round: number; satisfied: boolean }) => [c.round, c.satisfied])).toEqual([
      [1, true],
      [2, true],
    ]);
  });

  it('chases a second callback not made within 3 working days of becoming due', async () => {
    const complaint = await s.openComplaint('屋面防水返修 / roof waterproofing redone', { majorWorks: true });
    await s.dispatchComplaint(complaint.id);
    await s.resolveComplaint(complaint.id);
    await s.callbackSatisfied(complaint.id);
    await s.advanceClock(62 * DAY + 6 * DAY);
    const i = await s.get('complaint_desk', complaint.id);
    expect(i).toMatchObject({ state: 'secondCallback', revision: 5 });
    expect(i.openTasks[0].overdue).toBe(true);
    expect((await s.history(complaint.id)).at(-1)).toMatchObject({ event: 'DEADLINE', actor: { username: 'system' }, fromState: 'secondCallback', toState: 'secondCallback' });
  });

  it('hands a case over to another handler (REASSIGN, 转办) with a reason: the task moves to their inbox, the deadline runs on', async () => {
    await createUser('handler.two', [{ role: 'complaint_handler' }]);
    await t.login('handler.two', 'password-1');
    const complaint = await s.openComplaint('空压机停机 / compressor stops');
    const handling = await s.dispatchComplaint(complaint.id);
    const dueAt = handling.openTasks[0].dueAt;
    const hand = (to: string, comment?: string) => s.send('complaint_handler', complaint.id, { type: 'REASSIGN', ...(comment ? { comment } : {}), data: { handler: to } });
    expect((await hand('handler.two')).body.details).toEqual([expect.objectContaining({ field: 'comment' })]);
    expect((await hand('complaint_handler', '休假 / on leave')).body.details).toEqual([expect.objectContaining({ field: 'data.handler', rule: 'sameHandler' })]);
    expect((await hand('quality', '休假 / on leave')).body.details).toEqual([expect.objectContaining({ field: 'data.handler', rule: 'lacksRole' })]);
    const res = await hand('handler.two', '下周休假 / on leave next week');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'handling', revision: handling.revision + 1, data: { handler: 'handler.two' } });
    expect(res.body.data.handovers).toEqual([{ from: 'complaint_handler', to: 'handler.two', by: 'complaint_handler', at: expect.any(String), reason: '下周休假 / on leave next week' }]);
    // the same task, now theirs, with its deadline unchanged
    expect(res.body.openTasks).toEqual([expect.objectContaining({ assignee: 'handler.two', dueAt })]);
    expect(await s.inbox('complaint_handler', complaint.id)).toEqual([]);
    expect(await s.inbox('handler.two', complaint.id)).toEqual([expect.objectContaining({ state: 'handling', assignee: 'handler.two' })]);
    expect((await s.history(complaint.id)).at(-1)).toMatchObject({ event: 'REASSIGN', fromState: 'handling', toState: 'handling', comment: '下周休假 / on leave next week', data: { facts: { eligibleHandler: 'handler.two' } } });
    expect((await s.act('handler.two', complaint.id, { type: 'RESOLVE', data: { resolution: '已修复 / fixed' } })).state).toBe('callback');
  });

  describe('dispatch to a handler whose inbox the task reaches, with a complete record', () => {
    beforeAll(async () => {
      await createUser('handler.north', [{ role: 'complaint_handler', scope: 'north' }]);
      const gone = await createUser('handler.gone', [{ role: 'complaint_handler' }]);
      await t.http.post(`/api/v1/users/${gone.id}/disable`).set(await s.auth('admin')).expect(200);
    });

    it.each([
      ['a username that does not exist', 'nobody.here', 'unknownUser', 'no user has this username'],
      ['a user without complaint_handler', 'quality', 'lacksRole', 'this user does not hold the complaint handler role'],
      ['a disabled handler', 'handler.gone', 'disabledUser', 'this user is disabled'],
      ['a handler scoped to another unit', 'handler.north', 'outOfScope', "this user's complaint handler role is for another scope"],
      ['another spelling of a handler', 'Complaint_Handler', 'unknownUser', 'no user has this username'],
    ])('refuses %s with 422 naming data.handler and why', async (_, handler, rule, why) => {
      const complaint = await s.openComplaint('风机振动 / fan vibrates', { scope: 'south' });
      const res = await s.send('complaint_desk', complaint.id, { type: 'DISPATCH', data: { handler } });
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual([{ field: 'data.handler', rule, message: `data.handler: ${why}` }]);
      expect((await s.history(complaint.id)).map((r) => r.event)).toEqual(['START']);
    });

    it('takes an unscoped handler, and a scoped one for a case of their unit', async () => {
      const south = await s.openComplaint('风机振动 / fan vibrates', { scope: 'south' });
      expect((await s.dispatchComplaint(south.id)).state).toBe('handling');
      const north = await s.openComplaint('风机振动 / fan vibrates', { scope: 'north' });
      const i = await s.dispatchComplaint(north.id, { handler: 'handler.north' });
      expect(i.openTasks).toEqual([expect.objectContaining({ assignee: 'handler.north' })]);
      expect((await s.history(north.id)).at(-1)!.data).toMatchObject({ facts: { eligibleHandler: 'handler.north' } });
    });

    it('refuses to dispatch a case recorded without customer, channel and description until DISPATCH gives them', async () => {
      const bare = await s.start('complaint_desk', COMPLAINT, 'x');
      expect(bare.data.intake).toEqual({});
      const res = await s.send('complaint_desk', bare.id, { type: 'DISPATCH', data: { handler: 'complaint_handler', channel: 'phone' } });
      expect(res.status).toBe(422);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['data.customer', 'data.description']);
      const i = await s.dispatchComplaint(bare.id, { customer: '华东机械厂', description: '泵异响 / pump noise', channel: 'phone' });
      expect(i.data.intake).toEqual({ customer: '华东机械厂', channel: 'phone', description: '泵异响 / pump noise' });
    });
  });

  it('says why it refuses a dispatch or a callback score, in both languages, by step and event names', async () => {
    const complaint = await s.openComplaint('阀门内漏 / valve leaks inside');
    const ghost = await s.send('complaint_desk', complaint.id, { type: 'DISPATCH', data: { handler: 'nobody.here' } }, ZH);
    expect(ghost.status).toBe(422);
    expect(ghost.body).toMatchObject({
      message: '「登记并派单」拒绝「派单」：data.handler：没有此用户名的用户',
      details: [{ field: 'data.handler', rule: 'unknownUser', message: 'data.handler：没有此用户名的用户' }],
    });
    const ghostEn = await s.send('complaint_desk', complaint.id, { type: 'DISPATCH', data: { handler: 'nobody.here' } });
    expect(ghostEn.body.details).toEqual([{ field: 'data.handler', rule: 'unknownUser', message: 'data.handler: no user has this username' }]);
    // the step's rule when no check says more
    expect((await s.send('complaint_desk', complaint.id, { type: 'DISPATCH', data: {} }, ZH)).body.message).toMatch(/^「登记并派单」拒绝「派单」：派单须指定/);

    await s.dispatchComplaint(complaint.id);
    await s.resolveComplaint(complaint.id);
    for (const score of ['5', 4.5, 0, 9]) {
      const off = await s.send('complaint_desk', complaint.id, { type: 'CALLBACK_SATISFIED', data: { score } }, ZH);
      expect([score, off.status, off.body.message]).toEqual([score, 422, '「回访」拒绝「回访满意」：data.score：须为 1–5 的整数']);
    }
    const low = await s.send('complaint_desk', complaint.id, { type: 'CALLBACK_SATISFIED', data: { score: 3 } });
    expect(low.body.message).toBe("CALLBACK_SATISFIED refused in 'Call the customer back' (callback): data.score: a score below 4 is not satisfied: record CALLBACK_DISSATISFIED with the customer's reason");
    const noReason = await s.send('complaint_desk', complaint.id, { type: 'CALLBACK_DISSATISFIED', data: { score: 2 } }, ZH);
    expect(noReason.body).toMatchObject({ message: '在「回访」中「回访不满意」须填写意见说明理由', details: [{ field: 'comment', message: '「回访不满意」须填写意见' }] });
    // dissatisfied with a good score: the customer's word, with the reason (domain section 3 makes no good score satisfied)
    const slow = await s.act('complaint_desk', complaint.id, { type: 'CALLBACK_DISSATISFIED', comment: '修好了但太慢 / fixed, but slowly', data: { score: 5 } });
    expect(slow.state).toBe('handling');
  });

  describe('separation of duties (domain section 1)', () => {
    beforeAll(async () => {
      await createUser('desk.handler', [{ role: 'complaint_desk' }, { role: 'complaint_handler' }]);
      await createUser('handler.quality', [{ role: 'complaint_handler' }, { role: 'quality' }]);
      // their sessions serve the helpers below
      await t.login('desk.handler', 'password-1');
      await t.login('handler.quality', 'password-1');
    });

    it('keeps whoever resolved the case from recording its callback', async () => {
      const { id } = await s.start('desk.handler', COMPLAINT, '自派自结 / self-dispatched', { customer: '华东机械厂', channel: 'phone', description: '漏水 / leak' });
      expect((await s.send('desk.handler', id, { type: 'DISPATCH', data: { handler: 'desk.handler' } })).status).toBe(200);
      expect((await s.send('desk.handler', id, { type: 'RESOLVE', data: { resolution: '已修 / fixed' } })).status).toBe(200);
      const own = await s.send('desk.handler', id, { type: 'CALLBACK_SATISFIED', data: { score: 5 } });
      expect(own.status).toBe(403);
      expect(own.body.message).toContain('separation of duties');
      // the author's step by its title, not its state key
      const ownZh = await s.send('desk.handler', id, { type: 'CALLBACK_SATISFIED', data: { score: 5 } }, ZH);
      expect(ownZh.body.message).toBe('职责分离：此文件由您在「处理投诉」步骤编制，您不能在「回访」中对其作出决定');
      expect(own.body.message).toBe("separation of duties: you prepared this document in 'Handle the complaint' (handling), so you may not decide on it in 'Call the customer back' (callback)");
      expect((await s.get('desk.handler', id)).availableEvents).toEqual([]);
      expect((await s.callbackSatisfied(id)).state).toBe('closed');
    });

    it('keeps whoever escalated the case from concluding its investigation', async () => {
      const complaint = await s.openComplaint('设备起火 / unit caught fire');
      await s.dispatchComplaint(complaint.id, { handler: 'handler.quality' });
      expect((await s.send('handler.quality', complaint.id, { type: 'ESCALATE_MAJOR', comment: '安全事故 / safety' })).status).toBe(200);
      const own = await s.send('handler.quality', complaint.id, { type: 'CONCLUDE', data: { conclusion: '无责 / no fault', classification: NOT_AN_ACCIDENT } });
      expect(own.status).toBe(403);
      const i = await s.act('quality', complaint.id, { type: 'CONCLUDE', data: { conclusion: '电源缺陷 / power defect', classification: NOT_AN_ACCIDENT } });
      expect(i.state).toBe('handling');
    });
  });

  it('does not close a low callback score as satisfied: reopened, and the handler’s manager is told', async () => {
    const complaint = await s.openComplaint('门窗漏风 / draughty windows');
    await s.dispatchComplaint(complaint.id);
    await s.resolveComplaint(complaint.id);
    const low = await s.send('complaint_desk', complaint.id, { type: 'CALLBACK_SATISFIED', data: { score: 2 } });
    expect(low.status).toBe(422);
    expect(low.body.details).toEqual([expect.objectContaining({ field: 'data.score' })]);
    const i = await s.act('complaint_desk', complaint.id, { type: 'CALLBACK_DISSATISFIED', comment: '仍漏风 / still draughty', data: { score: 2 } });
    expect(i).toMatchObject({ state: 'handling', data: { reopened: 1 } });
    await s.runWorker();
    expect(await s.notices('survey_manager', complaint.id)).toEqual([
      expect.objectContaining({ role: 'survey_manager', message: expect.objectContaining({ en: expect.stringContaining('scored the handling 2 of 5') }) }),
    ]);
  });

  it('escalates an overdue dispatch up the ladder, one rung per passed deadline', async () => {
    const complaint = await s.openComplaint('空调不制冷 / air conditioner not cooling');
    await s.advanceClock(5 * MINUTE);
    expect((await s.get('complaint_desk', complaint.id)).revision).toBe(1);

    await s.advanceClock(6 * MINUTE); // 11 minutes after receipt: the 10-minute dispatch deadline passed
    let i = await s.get('complaint_desk', complaint.id);
    expect(i).toMatchObject({ state: 'received', revision: 2 });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'complaint_desk', overdue: true })]);
    expect(i.data.escalations).toEqual([expect.objectContaining({ state: 'received', level: 1, role: 'survey_manager' })]);
    let history = await s.history(complaint.id);
    expect(history.at(-1)).toMatchObject({
      event: 'DEADLINE',
      revision: 2,
      actor: { username: 'system', role: 'system' },
      fromState: 'received',
      toState: 'received',
      data: { escalationLevel: 1, effects: [{ type: 'effect.notify', key: 'escalation-1', role: 'survey_manager' }] },
    });
    // the handler's manager is told; nobody higher yet
    expect(await s.notices('survey_manager', complaint.id)).toEqual([
      expect.objectContaining({ role: 'survey_manager', message: expect.objectContaining({ en: expect.stringContaining('escalation level 1') }) }),
    ]);
    expect(await s.notices('approver', complaint.id)).toEqual([]);

    await s.advanceClock(10 * MINUTE); // the next rung
    i = await s.get('complaint_desk', complaint.id);
    expect(i.revision).toBe(3);
    expect(i.data.escalations.map((e: { level: number; role: string }) => [e.level, e.role])).toEqual([
      [1, 'survey_manager'],
      [2, 'approver'],
    ]);
    history = await s.history(complaint.id);
    expect(history.at(-1)).toMatchObject({ event: 'DEADLINE', data: { escalationLevel: 2, effects: [{ type: 'effect.notify', role: 'approver' }] } });
    expect(await s.notices('approver', complaint.id)).toEqual([expect.objectContaining({ role: 'approver' })]);

    // dispatching late still works, and the new step is on time
    i = await s.dispatchComplaint(complaint.id);
    expect(i).toMatchObject({ state: 'handling', revision: 4 });
    expect(i.openTasks[0]).toMatchObject({ role: 'complaint_handler', overdue: false });
  });

  it('escalates an unresolved case after 24 hours, and a callback not made within 24 hours of the resolution', async () => {
    const complaint = await s.openComplaint('阀门异响 / valve rattles');
    await s.dispatchComplaint(complaint.id);
    await s.advanceClock(23 * HOUR);
    expect((await s.get('complaint_handler', complaint.id)).data.escalations ?? []).toEqual([]);

    await s.advanceClock(2 * HOUR); // 25 hours in handling
    let i = await s.get('complaint_handler', complaint.id);
    expect(i).toMatchObject({ state: 'handling' });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'complaint_handler', assignee: 'complaint_handler', overdue: true })]);
    expect(i.data.escalations).toEqual([expect.objectContaining({ state: 'handling', level: 1, role: 'survey_manager' })]);

    i = await s.resolveComplaint(complaint.id);
    expect(i).toMatchObject({ state: 'callback' });
    expect(i.openTasks[0]).toMatchObject({ role: 'complaint_desk', overdue: false });
    await s.advanceClock(25 * HOUR);
    i = await s.get('complaint_desk', complaint.id);
    expect(i.openTasks[0]).toMatchObject({ state: 'callback', overdue: true });
    expect(i.data.escalations.at(-1)).toMatchObject({ state: 'callback', level: 1, role: 'survey_manager' });
    expect((await s.history(complaint.id)).filter((r) => r.event === 'DEADLINE').map((r) => r.fromState)).toEqual(['handling', 'callback']);

    expect((await s.callbackSatisfied(complaint.id)).state).toBe('closed');
  });
});
