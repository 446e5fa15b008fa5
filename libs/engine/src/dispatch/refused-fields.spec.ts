import { annualSatisfactionSurvey, correctiveAction, customerComplaint } from '@satisflow/workflows';
import { guardRefusal } from './refused-fields';

const refusedFields = (...args: Parameters<typeof guardRefusal>) => guardRefusal(...args).details;

const at = '2026-04-01T00:00:00.000Z';
const plan = { period: '2026', sample: 'all', channels: ['email'], survey: 's-1', targetReturnRate: 80 };

describe('guardRefusal: the fields a refused event lacks and why, from the guards\' own checks', () => {
  it('names a plan field that is present but out of range as invalid, and a missing one as required', () => {
    const event = { type: 'SUBMIT', at, data: { plan: { ...plan, targetReturnRate: 0, channels: undefined } } };
    expect(refusedFields(annualSatisfactionSurvey, 'planning', event, {})).toEqual([
      { field: 'data.plan.channels', rule: 'required', message: { en: 'data.plan.channels is required to SUBMIT', zh: '「提交」须填写 data.plan.channels' } },
      { field: 'data.plan.targetReturnRate', rule: 'invalid', message: { en: 'data.plan.targetReturnRate is not valid for SUBMIT', zh: 'data.plan.targetReturnRate 的值不符合「提交」的要求' } },
    ]);
  });

  it('names a finding field by its index, and the whole plan when there is none', () => {
    const report = { type: 'SUBMIT', at, data: { conclusions: 'c', proposals: ['p'], findings: [{ title: 't', productQuality: 'yes', important: true }] } };
    expect(refusedFields(annualSatisfactionSurvey, 'reportDrafting', report, {})).toEqual([expect.objectContaining({ field: 'data.findings[0].productQuality', rule: 'invalid' })]);
    expect(refusedFields(annualSatisfactionSurvey, 'planning', { type: 'SUBMIT', at }, {})).toEqual([expect.objectContaining({ field: 'data.plan', rule: 'required' })]);
  });

  it('is empty for a complete submission and for guards that are not field checks (the return-rate gate)', () => {
    expect(refusedFields(annualSatisfactionSurvey, 'planning', { type: 'SUBMIT', at, data: { plan } }, {})).toEqual([]);
    expect(refusedFields(annualSatisfactionSurvey, 'collecting', { type: 'CLOSE_COLLECTION', at, facts: { returnRate: 10 } }, {})).toEqual([]);
  });

  it('serves the other procedures too (the complaint\'s named handler)', () => {
    const context = { intake: { customer: 'c', channel: 'phone' }, source: null };
    expect(refusedFields(customerComplaint, 'received', { type: 'DISPATCH', at, data: { handler: ' ' } }, context)).toEqual([
      expect.objectContaining({ field: 'data.handler', rule: 'required' }),
      expect.objectContaining({ field: 'data.description', rule: 'required' }),
    ]);
    // named, but the host found no such handler: invalid
    const unknown = { type: 'DISPATCH', at, data: { handler: 'ghost', description: 'd' }, facts: { eligibleHandler: null } };
    expect(refusedFields(customerComplaint, 'received', unknown, context)).toEqual([expect.objectContaining({ field: 'data.handler', rule: 'invalid' })]);
  });

  it('says why when a check knows, in both languages, in the detail and in what the message says', () => {
    const context = { intake: { customer: 'c', channel: 'phone', description: 'd' }, source: null };
    const owner = { type: 'DISPATCH', at, data: { handler: 'ghost' }, facts: { eligibleHandler: null } };
    expect(guardRefusal(customerComplaint, 'received', owner, context)).toEqual({
      details: [
        {
          field: 'data.handler',
          rule: 'invalid',
          message: { en: 'data.handler: must be an active complaint handler of this scope', zh: 'data.handler：须为本范围内在职的投诉责任人' },
        },
      ],
      why: { en: 'data.handler: must be an active complaint handler of this scope', zh: 'data.handler：须为本范围内在职的投诉责任人' },
    });
    // a field without a reason is said too, so the message leaves nothing out
    const plan = { type: 'SUBMIT', at, data: { owner: 'ghost' }, facts: { eligibleOwner: null } };
    expect(guardRefusal(correctiveAction, 'actionPlan', plan, {}).why).toEqual({
      en: 'data.actions is required to SUBMIT; data.owner: must be an active complaint handler of this scope; data.dueDate is required to SUBMIT',
      zh: '「提交」须填写 data.actions；data.owner：须为本范围内在职的投诉责任人；「提交」须填写 data.dueDate',
    });
    // no reason from any check: the step's rule says it
    expect(guardRefusal(customerComplaint, 'received', { type: 'DISPATCH', at, data: {} }, context).why).toBeNull();
  });

  it('gives each callback score refusal its own reason, and the early second callback its date', () => {
    const callback = (score: unknown) => guardRefusal(customerComplaint, 'callback', { type: 'CALLBACK_SATISFIED', at, data: { score } }, {}).why?.en;
    for (const score of ['5', 4.5, 0, 9]) expect([score, callback(score)]).toEqual([score, 'data.score: must be a whole number from 1 to 5']);
    expect(callback(3)).toBe("data.score: a score below 4 is not satisfied: record CALLBACK_DISSATISFIED with the customer's reason");
    const early = guardRefusal(customerComplaint, 'secondCallback', { type: 'CALLBACK_SATISFIED', at, data: { score: 5 } }, { secondCallbackDue: '2026-06-01T02:15:00.000Z' });
    expect(early).toEqual({
      details: [],
      why: { en: 'the second callback is made 2 months after the first, not before 2026-06-01 02:15 UTC', zh: '二次回访须在首次回访 2 个月后进行，不早于 2026-06-01 02:15 UTC' },
    });
  });
});
