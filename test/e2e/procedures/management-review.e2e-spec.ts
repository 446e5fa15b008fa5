import type { TestApp } from '../../support/test-app';
import { COMPLAINT, MANAGEMENT_REVIEW, startProcedures, type Steps } from './steps';

describe('management-review over HTTP (procedures.md, domain section 6)', () => {
  let t: TestApp;
  let s: Steps;
  beforeAll(async () => {
    ({ t, s } = await startProcedures());
  });
  afterAll(() => t.close());

  /** The pack the quality department compiles from what the system says now. */
  async function compilePack(period: string) {
    const complaints = await s.getJson<{ total: number }>('quality', `/instances?procedure=${COMPLAINT}&pageSize=1`);
    return {
      period,
      surveyReports: [{ title: `${period} 年度客户满意度调查`, overallIndex: 84.2 }],
      complaints: { total: complaints.total, slaCompliance: 0.96 },
      correctiveActions: { open: 2, closed: 5 },
      composite: { final: 83.4, grade: 'satisfied' },
    };
  }

  it('is compiled by quality, signed by the general manager and archived', async () => {
    const review = await s.start('quality', MANAGEMENT_REVIEW, '2026 管理评审输入', { period: '2026' });
    expect(review).toMatchObject({ procedure: MANAGEMENT_REVIEW, state: 'compiling', revision: 1, availableEvents: ['SUBMIT'] });
    expect((await t.http.post('/api/v1/instances').set(await s.auth('general_manager')).send({ procedure: MANAGEMENT_REVIEW, title: 'x' })).status).toBe(403);

    const empty = await s.send('quality', review.id, { type: 'SUBMIT', data: { pack: {} } });
    expect(empty.status).toBe(422);
    expect(empty.body.message).toContain('pack');

    const pack = await compilePack('2026');
    let i = await s.act('quality', review.id, { type: 'SUBMIT', data: { pack } });
    expect(i).toMatchObject({ state: 'review', revision: 2 });
    expect(i.data).toMatchObject({ pack, packRevision: 1, period: '2026', submitted: { by: 'quality' } });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'general_manager', outcomes: ['APPROVE', 'REJECT'] })]);
    expect((await s.get('quality', review.id)).availableEvents).toEqual([]);
    expect((await s.get('general_manager', review.id)).availableEvents).toEqual(['APPROVE', 'REJECT']);

    expect((await s.send('quality', review.id, { type: 'APPROVE', signature: s.sign() })).status).toBe(403);
    expect((await s.send('general_manager', review.id, { type: 'APPROVE' })).status).toBe(422);
    expect((await s.send('general_manager', review.id, { type: 'APPROVE', signature: s.sign('approved', 'not-my-password') })).status).toBe(403);

    i = await s.act('general_manager', review.id, { type: 'APPROVE', signature: s.sign('批准 / approved') });
    expect(i).toMatchObject({ state: 'archived', status: 'completed', revision: 3, openTasks: [], availableEvents: [] });
    expect(i.data.signedOff).toMatchObject({ by: 'general_manager' });

    const history = await s.history(review.id);
    expect(history.map((r) => [r.event, r.actor.username, r.actor.role, r.toState])).toEqual([
      ['START', 'quality', 'quality', 'compiling'],
      ['SUBMIT', 'quality', 'quality', 'review'],
      ['APPROVE', 'general_manager', 'general_manager', 'archived'],
    ]);
    expect(history[1].data).toEqual({ submitted: { pack } });
    expect(history[2]).toMatchObject({ signatureMeaning: '批准 / approved' });
  });

  it('goes back to compiling on REJECT with the reason, and the recompiled pack replaces the first', async () => {
    const review = await s.start('quality', MANAGEMENT_REVIEW, '2026 H1 管理评审输入');
    await s.act('quality', review.id, { type: 'SUBMIT', data: { pack: await compilePack('2026-H1') } });

    expect((await s.send('general_manager', review.id, { type: 'REJECT', comment: '' })).status).toBe(422);
    let i = await s.act('general_manager', review.id, { type: 'REJECT', comment: '缺少纠正措施逾期明细 / overdue corrective actions missing' });
    expect(i).toMatchObject({ state: 'compiling', revision: 3 });
    expect(i.data.lastRejection).toMatchObject({ state: 'review', comment: '缺少纠正措施逾期明细 / overdue corrective actions missing', by: 'general_manager' });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'quality', state: 'compiling' })]);

    const second = { ...(await compilePack('2026-H1')), correctiveActions: { open: 2, closed: 5, overdue: [{ title: '返修率超标', days: 12 }] } };
    i = await s.act('quality', review.id, { type: 'SUBMIT', data: { pack: second } });
    expect(i).toMatchObject({ state: 'review', revision: 4 });
    expect(i.data).toMatchObject({ pack: second, packRevision: 2 });
    i = await s.act('general_manager', review.id, { type: 'APPROVE', signature: s.sign('批准 / approved') });
    expect(i.state).toBe('archived');
    expect((await s.history(review.id))[2]).toMatchObject({ event: 'REJECT', fromState: 'review', toState: 'compiling', actor: { role: 'general_manager' } });
  });

  it('keeps the pack as submitted: later changes to its sources do not alter it', async () => {
    const review = await s.start('quality', MANAGEMENT_REVIEW, '2027 管理评审输入');
    const pack = await compilePack('2027');
    await s.act('quality', review.id, { type: 'SUBMIT', data: { pack } });

    // the sources move on: a new complaint arrives after the pack was submitted
    await s.openComplaint('新投诉 / a new complaint');
    const now = await compilePack('2027');
    expect(now.complaints.total).toBe(pack.complaints.total + 1);

    const signed = await s.act('general_manager', review.id, { type: 'APPROVE', signature: s.sign('批准 / approved') });
    expect(signed.data.pack).toEqual(pack);
    expect((await s.get('auditor', review.id)).data.pack).toEqual(pack);
    // a finished review takes no resubmission
    expect((await s.send('quality', review.id, { type: 'SUBMIT', data: { pack: now } })).status).toBe(422);
    expect((await s.get('auditor', review.id)).data.pack.complaints.total).toBe(pack.complaints.total);
  });
});
