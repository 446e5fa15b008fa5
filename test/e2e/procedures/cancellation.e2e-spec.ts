import { DAY, SURVEY, startProcedures, type Instance, type Recipient } from './steps';

type InboxTask = { id: string; instanceId: string; kind: string; subject?: string };

/**
 * Cancelling a running instance (CANCEL, the engine's event in every procedure): only the
 * roles the procedure names, with a reason and a signature; the case stops where it was,
 * its task, deadlines and side tasks end, the trail keeps the signed reason, and what the
 * period counts leaves it out.
 */
describe('cancelling an instance', () => {
  let ctx: Awaited<ReturnType<typeof startProcedures>>;
  beforeAll(async () => {
    ctx = await startProcedures();
  });
  afterAll(async () => ctx.t.close());

  const cancel = (user: string, id: string, body: { comment?: string; signature?: { password: string; meaning: string } }, headers: Record<string, string> = {}) =>
    ctx.s.send(user, id, { type: 'CANCEL', ...body }, headers);
  const reason = '重复登记，同 17 号投诉 / duplicate of case 17';

  it('a duplicate complaint: refused to the desk and without a reason or signature, then cancelled with both', async () => {
    const { s } = ctx;
    const complaint = await s.openComplaint('重复来电 / called twice');
    await s.dispatchComplaint(complaint.id);
    const handling: Instance = await s.get('quality', complaint.id);
    // an override beside the step's outcomes, not one of them
    expect(handling).toMatchObject({ availableEvents: [], canCancel: true });
    expect(await s.get('complaint_desk', complaint.id)).toMatchObject({ availableEvents: [], canCancel: false });
    expect(await s.get('complaint_handler', complaint.id)).toMatchObject({ availableEvents: ['RESOLVE', 'ESCALATE_MAJOR', 'REASSIGN'], canCancel: false });

    const desk = await cancel('complaint_desk', complaint.id, { comment: reason, signature: s.sign('取消 / cancelled', 'demo') });
    expect(desk.status).toBe(403);
    expect(desk.body.message).toContain('may cancel this instance');
    const noReason = await cancel('quality', complaint.id, { signature: s.sign('取消 / cancelled') });
    expect(noReason.status).toBe(422);
    expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'comment', rule: 'requiredForCANCEL' })]);
    const unsigned = await cancel('quality', complaint.id, { comment: reason });
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.details).toEqual([expect.objectContaining({ field: 'signature', rule: 'requiredForCANCEL' })]);
    const wrongPassword = await cancel('quality', complaint.id, { comment: reason, signature: s.sign('取消 / cancelled', 'not-the-password') });
    expect(wrongPassword.status).toBe(403);
    const stale = await s.send('quality', complaint.id, { type: 'CANCEL', expectedRevision: handling.revision - 1, comment: reason, signature: s.sign('取消 / cancelled') });
    expect(stale.status).toBe(409);
    // nothing of the refusals changed the case
    expect(await s.get('quality', complaint.id)).toMatchObject({ state: 'handling', status: 'active', revision: handling.revision });

    const done = await cancel('quality', complaint.id, { comment: reason, signature: s.sign('取消 / cancelled') }, { 'Idempotency-Key': 'cancel-once' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'cancelled', status: 'cancelled', revision: handling.revision + 1, availableEvents: [], canCancel: false, openTasks: [] });
    // the procedure's data stays as it was when it stopped
    expect(done.body.data).toEqual(handling.data);
    const replay = await cancel('quality', complaint.id, { comment: reason, signature: s.sign('取消 / cancelled') }, { 'Idempotency-Key': 'cancel-once' });
    expect(replay.body).toEqual(done.body);

    expect(await s.inbox('complaint_handler', complaint.id)).toEqual([]);
    const resolve = await s.send('complaint_handler', complaint.id, { type: 'RESOLVE', data: { resolution: 'x' } });
    expect(resolve.status).toBe(422);
    expect(resolve.body.message).toBe('instance is cancelled; it takes no more events');
    const again = await cancel('quality', complaint.id, { comment: reason, signature: s.sign('取消 / cancelled') });
    expect(again.status).toBe(422);

    const last = (await s.history(complaint.id)).at(-1)!;
    expect(last).toMatchObject({
      event: 'CANCEL',
      fromState: 'handling',
      toState: 'cancelled',
      comment: reason,
      signatureMeaning: '取消 / cancelled',
      actor: { username: 'quality', role: 'quality' },
    });
    expect((await ctx.t.http.get('/api/v1/audit/verify').set(await s.auth('auditor')).expect(200)).body).toMatchObject({ ok: true });

    // the first-contact deadline it had does not fire
    await s.advanceClock(3 * DAY);
    await s.runWorker();
    expect((await s.history(complaint.id)).map((r) => r.event)).not.toContain('DEADLINE');
  });

  it('a cancelled complaint counts in no deduction of the composite', async () => {
    const { s, t } = ctx;
    const deductions = async (period: string) =>
      (await t.http.post('/api/v1/composites').set(await s.auth('survey_manager')).send({ title: period, period, sources: [{ key: 'q', weight: 1, score: 90 }] }).expect(201)).body
        .deductions;
    const kept = await s.openComplaint('交货延迟 / late delivery');
    const year = String(new Date(Date.parse(kept.createdAt) + 8 * 3_600_000).getUTCFullYear());
    const before = await deductions(year);
    const mistaken = await s.openComplaint('误登记 / registered by mistake');
    expect((await deductions(year)).generalComplaints).toBe(before.generalComplaints + 1);
    await ctx.s.act('process_owner', mistaken.id, { type: 'CANCEL', comment: '误登记 / registered by mistake', signature: s.sign('取消 / cancelled') });
    expect(await deductions(year)).toEqual(before);
  });

  it('a survey plan cancelled while collecting: the follow-ups close, and answers and reminders are refused', async () => {
    const { s } = ctx;
    const { instance, surveyId } = await s.approvedPlan('2026 取消测试 / cancellation test');
    const recipients: Recipient[] = await s.dispatchSurvey(surveyId, 3);
    await s.advanceClock(7 * DAY); // past the 3 days: every silent recipient has a follow-up
    const followUps = async () => ((await s.inbox('coordinator', instance.id)) as unknown as InboxTask[]).filter((task) => task.kind === 'follow-up');
    expect(await followUps()).toHaveLength(3);
    expect((await s.get('survey_manager', instance.id)).canCancel).toBe(false);
    expect((await s.get('approver', instance.id)).canCancel).toBe(true);

    const cancelled = await s.act('approver', instance.id, { type: 'CANCEL', comment: '调查对象名单有误，重新立项 / wrong recipient list, planned again', signature: s.sign('取消 / cancelled') });
    expect(cancelled).toMatchObject({ procedure: SURVEY, state: 'cancelled', status: 'cancelled' });
    expect(await followUps()).toEqual([]);

    const answer = await ctx.t.http
      .post(`/api/v1/surveys/${surveyId}/responses`)
      .set(await s.auth('coordinator'))
      .send({ recipientId: recipients[0].id, channel: 'phone', answers: { reliability: 3, appearance: 4, response: '4' } });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toContain("'Cancelled' (cancelled)");
    const remind = await ctx.t.http.post(`/api/v1/surveys/${surveyId}/remind`).set(await s.auth('coordinator')).send({});
    expect(remind.status).toBe(422);
  });
});
