import { annualSatisfactionSurvey, customerComplaint } from '@satisflow/workflows';
import { refusedFields } from './refused-fields';

const at = '2026-04-01T00:00:00.000Z';
const plan = { period: '2026', sample: 'all', channels: ['email'], survey: 's-1', targetReturnRate: 80 };

describe('refusedFields: the fields a refused event lacks, from the guards\' own checks', () => {
  it('names a plan field that is present but out of range as invalid, and a missing one as required', () => {
    const event = { type: 'SUBMIT', at, data: { plan: { ...plan, targetReturnRate: 0, channels: undefined } } };
    expect(refusedFields(annualSatisfactionSurvey, 'planning', event, {})).toEqual([
      { field: 'data.plan.channels', rule: 'required', message: { en: 'data.plan.channels is required to SUBMIT', zh: 'SUBMIT 须填写 data.plan.channels' } },
      { field: 'data.plan.targetReturnRate', rule: 'invalid', message: { en: 'data.plan.targetReturnRate is not valid for SUBMIT', zh: 'data.plan.targetReturnRate 的值不符合 SUBMIT 的要求' } },
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
});
