import { fieldLabel } from './dictionary';

describe('fieldLabel', () => {
  it("labels every field today's procedures keep, in both languages", () => {
    const fields = [
      'intake', 'reopened', 'text', 'data', 'secondCallbackDue', 'investigations', 'escalatedBy', 'escalatedAt', 'correctiveAction', 'classification',
      'qualityAccident', 'legalLiability', 'mediaExposure', 'problem', 'analysis', 'implementation', 'checks', 'packHash', 'packRevision', 'submitted',
      'verification', 'score', 'owner', 'dueDate', 'actions', 'resolution', 'conclusion', 'handler', 'customer', 'channel', 'description', 'unrecorded', 'closedEffective',
      'decisions', 'decision', 'number',
    ];
    expect(fields.filter((f) => !fieldLabel(f)?.zh || !fieldLabel(f)?.en)).toEqual([]);
  });

  it('names a field as its procedure does', () => {
    expect(fieldLabel('plan', 'annual-satisfaction-survey')).toEqual({ zh: '调查计划', en: 'Plan' });
    expect(fieldLabel('plan', 'corrective-action')).toEqual({ zh: '整改计划', en: 'Action plan' });
    expect(fieldLabel('dispatchedAt', 'customer-complaint')?.zh).toBe('派单时间');
    expect(fieldLabel('description', 'customer-complaint')?.zh).toBe('投诉内容');
    expect(fieldLabel('nonsense')).toBeUndefined();
  });
});
