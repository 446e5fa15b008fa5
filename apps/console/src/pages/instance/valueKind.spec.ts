import { isLocalText, keyKind, procedureWithin, valueKind } from './valueKind';

describe('valueKind', () => {
  it('reads state, role, channel, procedure and person fields by their name', () => {
    expect(valueKind('state', 'planApproval')).toBe('state');
    expect(valueKind('role', 'approver')).toBe('role');
    expect(valueKind('channels', 'phone')).toBe('channel');
    expect(valueKind('procedure', 'annual-satisfaction-survey')).toBe('procedure');
    for (const field of ['by', 'createdBy', 'closedBy', 'requestedBy', 'approvedBy', 'concludedBy', 'escalatedBy', 'handler', 'owner']) {
      expect(valueKind(field, 'coordinator')).toBe('person');
    }
  });

  it('takes a survey or instance field for an id only when it holds one', () => {
    expect(valueKind('survey', '17481742-7a28-46f6-8dc1-6becd9fd601b')).toBe('survey');
    expect(valueKind('surveyId', '17481742-7a28-46f6-8dc1-6becd9fd601b')).toBe('survey');
    expect(valueKind('instanceId', 'DC457EFC-E124-4AC6-9FD0-0F851DDBEE7A')).toBe('instance');
    expect(valueKind('survey', '2025 年度客户满意度调查')).toBe('plain');
  });

  it('shows other fields, numbers and unnamed values as they are', () => {
    expect(valueKind('period', '2025年度')).toBe('plain');
    expect(valueKind('state', 3)).toBe('plain');
    expect(valueKind(undefined, 'planApproval')).toBe('plain');
  });

  it('recognises a text in both languages wherever it is', () => {
    expect(valueKind('grade', { zh: '满意', en: 'Satisfied' })).toBe('localText');
    expect(isLocalText({ zh: '满意', en: 'Satisfied', extra: 'x' })).toBe(false);
    expect(isLocalText({ zh: '满意', en: 1 })).toBe(false);
    expect(isLocalText(['zh', 'en'])).toBe(false);
  });
});

describe('the review pack in the step data', () => {
  it("reads an action's status and the cases' ids as codes to label", () => {
    expect(valueKind('status', 'closedEffective')).toBe('status');
    expect(valueKind('instanceIds', '17481742-7a28-46f6-8dc1-6becd9fd601b')).toBe('instance');
  });

  it('counts complaints by channel under channel codes', () => {
    expect(keyKind('byChannel')).toBe('channel');
    expect(keyKind('byType')).toBeUndefined();
  });

  it("reads the complaint and corrective-action sections' steps in their own procedures", () => {
    expect(procedureWithin('correctiveActions', 'management-review')).toBe('corrective-action');
    expect(procedureWithin('complaints', 'management-review')).toBe('customer-complaint');
    expect(procedureWithin('surveys', 'management-review')).toBe('management-review');
  });
});
