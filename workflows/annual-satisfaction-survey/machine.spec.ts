import { annualSatisfactionSurvey as def, planProblems } from './machine';
import { metaProblems, Walk } from '../shared/testing';

const PLAN = {
  period: '2026',
  windows: [{ from: '2026-10-01', to: '2026-12-31' }],
  sample: { population: 'customer service files 2026', size: 40 },
  channels: ['email', 'phone'],
  survey: 'standard questionnaire v1',
  targetReturnRate: 80,
};

const FINDINGS = [
  { title: 'Pump seals leak', detail: 'three sites', productQuality: true, important: false },
  { title: 'Slow invoices', productQuality: false, important: false },
  { title: 'Motor noise', productQuality: true, important: false },
];

const REPORT = { conclusions: 'Overall 84.2', proposals: ['Retrain installers'], findings: FINDINGS };
const ABOVE = { returnRate: 85, targetReturnRate: 80 };
const BELOW = { returnRate: 60, targetReturnRate: 80 };
/** The survey module's fact at plan approval: the questionnaire the approver signs. */
const SIGNED = { questionnaire: { surveyId: 'survey-1', hash: 'a'.repeat(64) } };

/** A survey walked to `state` along the main path. */
function surveyAt(state: 'planApproval' | 'collecting' | 'reportDrafting' | 'distribution', report = REPORT): Walk {
  const w = new Walk(def, {}, '2026 年度客户满意度调查');
  w.send('SUBMIT', { by: 'zhang.sm', data: { plan: PLAN } });
  if (state === 'planApproval') return w;
  w.send('APPROVE', { by: 'li.vp', facts: SIGNED }).system('DISPATCHED', { data: { surveyId: 'survey-1' } });
  if (state === 'collecting') return w;
  w.send('CLOSE_COLLECTION', { by: 'wu.coord', facts: ABOVE });
  if (state === 'reportDrafting') return w;
  w.send('SUBMIT', { by: 'wu.coord', data: report }).send('APPROVE', { by: 'zhang.sm' }).send('APPROVE', { by: 'li.vp' });
  return w;
}

describe('annual-satisfaction-survey', () => {
  it('has complete meta on every state', () => {
    expect(metaProblems(def)).toEqual([]);
  });

  it('walks the main path, keeping what each step submitted, and routes product-quality findings', () => {
    const w = new Walk(def, { scope: 'east' }, '2026 年度客户满意度调查');
    expect(w.state).toBe('planning');
    w.send('SUBMIT', { by: 'zhang.sm', data: { plan: PLAN } });
    expect(w.state).toBe('planApproval');
    expect(w.context.plan).toEqual(PLAN);
    w.send('APPROVE', { by: 'li.vp', facts: SIGNED });
    expect(w.state).toBe('dispatching');
    expect(w.system('DISPATCHED', { data: { surveyId: 'survey-1' } })).toBe(true);
    expect(w.state).toBe('collecting');
    expect(w.context.surveyId).toBe('survey-1');
    w.send('CLOSE_COLLECTION', { by: 'wu.coord', facts: ABOVE });
    expect(w.context.collection).toMatchObject({ returnRate: 85, targetReturnRate: 80, waived: false, closedBy: 'wu.coord' });
    w.send('SUBMIT', { by: 'wu.coord', data: REPORT });
    expect(w.state).toBe('reportReview');
    expect(w.context.report).toEqual({ ...REPORT, revision: 1 });
    w.send('APPROVE', { by: 'zhang.sm' }).send('APPROVE', { by: 'li.vp' });
    expect(w.state).toBe('distribution');
    expect(w.effects).toEqual([expect.objectContaining({ type: 'effect.notify', role: 'quality', key: 'report-copy-1' })]);
    w.send('ACKNOWLEDGE', { by: 'zhao.mr' });
    expect(w.state).toBe('completed');
    expect(w.done).toBe(true);
    expect(w.context.acknowledged).toMatchObject({ by: 'zhao.mr' });
    expect(w.effects).toEqual([
      {
        type: 'effect.startChild',
        procedure: 'customer-complaint',
        title: 'Pump seals leak',
        key: 'finding-0',
        data: {
          source: {
            procedure: 'annual-satisfaction-survey',
            instanceFinding: 0,
            title: 'Pump seals leak',
            detail: 'three sites',
            survey: '2026 年度客户满意度调查',
            surveyId: 'survey-1',
          },
          scope: 'east',
        },
      },
      expect.objectContaining({ type: 'effect.startChild', title: 'Motor noise', key: 'finding-2' }),
    ]);
  });

  it('emits no child when no finding is about product quality', () => {
    const w = surveyAt('distribution', { ...REPORT, findings: [FINDINGS[1]] });
    w.send('ACKNOWLEDGE');
    expect(w.state).toBe('completed');
    expect(w.effects).toEqual([]);
  });

  it('sends important findings to the general manager, whose NG goes back to drafting', () => {
    const important = { ...REPORT, findings: [{ ...FINDINGS[0], important: true }] };
    const w = surveyAt('distribution', important);
    w.send('ACKNOWLEDGE');
    expect(w.state).toBe('gmApproval');
    w.send('REJECT', { by: 'gm', comment: 'root cause missing' });
    expect(w.state).toBe('reportDrafting');
    expect(w.context.lastRejection).toMatchObject({ state: 'gmApproval', comment: 'root cause missing', by: 'gm' });
    w.send('SUBMIT', { data: important }).send('APPROVE').send('APPROVE');
    expect(w.context.report.revision).toBe(2);
    expect(w.effects).toEqual([expect.objectContaining({ key: 'report-copy-2' })]);
    w.send('ACKNOWLEDGE').send('APPROVE', { by: 'gm' });
    expect(w.state).toBe('completed');
    expect(w.effects.map((e) => e.type)).toEqual(['effect.startChild']);
  });

  describe('planning', () => {
    it.each([
      ['no plan at all', undefined, ['plan']],
      ['no period', { ...PLAN, period: ' ' }, ['period']],
      ['no sample', { ...PLAN, sample: {} }, ['sample']],
      ['no channel', { ...PLAN, channels: [] }, ['channels']],
      ['no questionnaire', { ...PLAN, survey: undefined }, ['survey']],
      ['a target above 100 %', { ...PLAN, targetReturnRate: 180 }, ['targetReturnRate']],
      ['a target as text', { ...PLAN, targetReturnRate: '80' }, ['targetReturnRate']],
    ])('refuses a plan with %s', (_, plan, missing) => {
      expect(planProblems(plan)).toEqual(missing);
      const w = new Walk(def);
      expect(w.try('SUBMIT', { data: plan === undefined ? {} : { plan } })).toBe(false);
      expect(w.state).toBe('planning');
    });

    it('accepts `questionnaire` for the survey and keeps extra plan fields', () => {
      const plan = { ...PLAN, survey: undefined, questionnaire: { dimensions: ['quality'] }, owners: ['wu.coord'] };
      const w = new Walk(def).send('SUBMIT', { data: { plan } });
      expect(w.context.plan).toMatchObject({ questionnaire: { dimensions: ['quality'] }, owners: ['wu.coord'] });
    });

    it('goes back to planning with the reason when the plan is rejected', () => {
      const w = surveyAt('planApproval');
      w.send('REJECT', { by: 'li.vp', comment: '样本量不足' });
      expect(w.state).toBe('planning');
      expect(w.context.lastRejection).toEqual({ state: 'planApproval', comment: '样本量不足', by: 'li.vp', at: expect.any(String) });
      w.send('SUBMIT', { data: { plan: { ...PLAN, sample: { size: 80 } } } }).send('APPROVE', { facts: SIGNED });
      expect(w.state).toBe('dispatching');
      expect(w.context.plan.sample).toEqual({ size: 80 });
    });

    it('is not approved without a questionnaire: the plan could never be dispatched', () => {
      const w = surveyAt('planApproval');
      expect(w.try('APPROVE', { by: 'li.vp' })).toBe(false);
      expect(w.state).toBe('planApproval');
      expect(w.try('APPROVE', { by: 'li.vp', facts: SIGNED })).toBe(true);
    });

    it('does not take events of other states', () => {
      const w = new Walk(def);
      expect(w.try('CLOSE_COLLECTION', { facts: ABOVE })).toBe(false);
      expect(w.try('APPROVE')).toBe(false);
    });
  });

  describe('the return-rate gate', () => {
    it('refuses to close below the target, or without the figures', () => {
      const w = surveyAt('collecting');
      expect(w.try('CLOSE_COLLECTION', { facts: BELOW })).toBe(false);
      expect(w.try('CLOSE_COLLECTION')).toBe(false);
      expect(w.state).toBe('collecting');
    });

    it('closes at exactly the target, reading the plan target when the host gives none', () => {
      const w = surveyAt('collecting');
      w.send('CLOSE_COLLECTION', { facts: { returnRate: 80 } });
      expect(w.context.collection).toMatchObject({ returnRate: 80, targetReturnRate: 80, waived: false });
    });

    it("holds to the target the approver signed in the plan, not the questionnaire's own", () => {
      const w = surveyAt('collecting');
      expect(w.try('CLOSE_COLLECTION', { facts: { returnRate: 70, targetReturnRate: 60 } })).toBe(false);
      w.send('CLOSE_COLLECTION', { facts: { returnRate: 80, targetReturnRate: 95 } });
      expect(w.context.collection).toMatchObject({ returnRate: 80, targetReturnRate: 80, waived: false });
    });

    it('closes below the target only after a waiver was approved', () => {
      const w = surveyAt('collecting');
      w.send('REQUEST_WAIVER', { by: 'wu.coord', comment: 'two customers closed down', facts: BELOW });
      expect(w.state).toBe('waiverApproval');
      w.send('REJECT', { by: 'li.vp', comment: 'phone them again' });
      expect(w.state).toBe('collecting');
      expect(w.context.waiver).toBeNull();
      expect(w.context.lastRejection).toMatchObject({ state: 'waiverApproval', comment: 'phone them again' });
      expect(w.try('CLOSE_COLLECTION', { facts: BELOW })).toBe(false);

      w.send('REQUEST_WAIVER', { by: 'wu.coord', comment: 'still 60 %', facts: BELOW }).send('APPROVE', { by: 'li.vp' });
      expect(w.state).toBe('collecting');
      expect(w.context.waiver).toEqual({
        reason: 'still 60 %',
        requestedBy: 'wu.coord',
        requestedAt: expect.any(String),
        returnRate: 60,
        approvedBy: 'li.vp',
        approvedAt: expect.any(String),
      });
      w.send('CLOSE_COLLECTION', { facts: BELOW });
      expect(w.state).toBe('reportDrafting');
      expect(w.context.collection).toMatchObject({ returnRate: 60, waived: true });
    });

    it('closes at the window end when the gate allows, and escalates otherwise', () => {
      const below = surveyAt('collecting');
      expect(below.deadline(1, BELOW)).toBe(true);
      expect(below.state).toBe('collecting');
      expect(below.effects).toEqual([expect.objectContaining({ type: 'effect.notify', role: 'survey_manager' })]);
      expect(below.context.escalations).toEqual([{ state: 'collecting', level: 1, role: 'survey_manager', at: expect.any(String) }]);

      const above = surveyAt('collecting');
      above.deadline(1, ABOVE);
      expect(above.state).toBe('reportDrafting');
      expect(above.context.collection).toMatchObject({ closedBy: 'system', waived: false });
    });
  });

  describe('the report', () => {
    it.each([
      ['no conclusions', { ...REPORT, conclusions: '' }],
      ['no proposals', { ...REPORT, proposals: [] }],
      ['findings not a list', { ...REPORT, findings: 'none' }],
      ['a finding without productQuality', { ...REPORT, findings: [{ title: 'x', important: false }] }],
      ['a finding without a title', { ...REPORT, findings: [{ title: '', productQuality: true, important: false }] }],
    ])('refuses a report with %s', (_, report) => {
      const w = surveyAt('reportDrafting');
      expect(w.try('SUBMIT', { data: report })).toBe(false);
    });

    it('goes back to drafting on a review NG and on an approval NG', () => {
      const w = surveyAt('reportDrafting');
      w.send('SUBMIT', { data: REPORT }).send('REJECT', { by: 'zhang.sm', comment: 'add the regional slices' });
      expect(w.state).toBe('reportDrafting');
      expect(w.context.lastRejection).toMatchObject({ state: 'reportReview', comment: 'add the regional slices' });
      w.send('SUBMIT', { data: REPORT }).send('APPROVE').send('REJECT', { by: 'li.vp', comment: 'proposals too vague' });
      expect(w.state).toBe('reportDrafting');
      expect(w.context.lastRejection).toMatchObject({ state: 'reportApproval', by: 'li.vp' });
      expect(w.context.report.revision).toBe(2);
    });
  });

  describe('deadlines', () => {
    it('escalates an overdue plan approval without leaving the step, once per level', () => {
      const w = surveyAt('planApproval');
      w.deadline(1);
      expect(w.state).toBe('planApproval');
      expect(w.effects).toEqual([
        {
          type: 'effect.notify',
          role: 'general_manager',
          message: { zh: expect.stringContaining('已超期'), en: expect.stringContaining('overdue (escalation level 1)') },
          key: 'escalation-1',
        },
      ]);
      expect(w.context.escalations).toEqual([{ state: 'planApproval', level: 1, role: 'general_manager', at: expect.any(String) }]);
      w.deadline(2);
      expect(w.effects).toEqual([expect.objectContaining({ key: 'escalation-2', role: 'general_manager' })]);
      expect(w.context.escalations).toHaveLength(2);
      w.send('APPROVE', { facts: SIGNED });
      expect(w.state).toBe('dispatching');
    });

    it('climbs the review ladder: approver, then general manager', () => {
      const w = surveyAt('reportDrafting').send('SUBMIT', { data: REPORT });
      w.deadline(1);
      expect(w.effects[0]).toMatchObject({ role: 'approver' });
      w.deadline(2);
      expect(w.effects[0]).toMatchObject({ role: 'general_manager' });
    });

    it('takes no DEADLINE in a step without a deadline', () => {
      expect(new Walk(def).deadline(1)).toBe(false);
    });
  });

  it('takes DISPATCHED from the system only as the way out of dispatching', () => {
    const w = surveyAt('planApproval').send('APPROVE', { facts: SIGNED });
    expect(w.system('CLOSE_COLLECTION', { facts: ABOVE })).toBe(false);
    expect(w.system('DISPATCHED')).toBe(true);
    expect(w.context.surveyId).toBeNull();
    expect(w.context.dispatchedAt).toEqual(expect.any(String));
  });
});
