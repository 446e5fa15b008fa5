import type { ProcedureState } from '../api/types';
import { eventNeeds } from './eventNeeds';

const step = (id: string, signedAs?: ProcedureState['signedAs']): ProcedureState => ({
  id,
  title: { zh: id, en: id },
  outcomes: ['EFFECTIVE', 'APPROVE'],
  signed: ['EFFECTIVE', 'APPROVE'],
  ...(signedAs ? { signedAs } : {}),
  final: false,
  automatic: false,
});

describe('eventNeeds: the signature a step asks for', () => {
  it("states the step's own meaning for the event, in both languages as the trail keeps it", () => {
    const check = step('effectivenessCheck', { EFFECTIVE: { zh: '验证有效', en: 'verified effective' } });
    expect(eventNeeds('corrective-action', check, 'EFFECTIVE')).toMatchObject({ signature: true, meaning: '验证有效 / verified effective' });
  });

  it('falls back to approved, or reviewed in a review step, when the step names none', () => {
    expect(eventNeeds('p', step('planApproval'), 'APPROVE').meaning).toBe('approved');
    expect(eventNeeds('p', step('reportReview'), 'APPROVE').meaning).toBe('reviewed');
  });
});
