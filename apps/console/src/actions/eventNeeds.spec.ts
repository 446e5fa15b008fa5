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

const plain = (id: string): ProcedureState => ({ id, title: { zh: id, en: id }, outcomes: ['SUBMIT'], final: false, automatic: false });

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

describe('eventNeeds: the form an outcome asks for', () => {
  it('gives every corrective-action step and the complaint resolution a form of its own, never the raw JSON box', () => {
    const forms = Object.fromEntries(
      [
        ['corrective-action', 'problem', 'SUBMIT'],
        ['corrective-action', 'causeAnalysis', 'SUBMIT'],
        ['corrective-action', 'actionPlan', 'SUBMIT'],
        ['corrective-action', 'implementation', 'SUBMIT'],
        ['customer-complaint', 'handling', 'RESOLVE'],
      ].map(([procedure, id, event]) => [id, eventNeeds(procedure, plain(id), event).form]),
    );
    expect(forms).toEqual({ problem: 'problem', causeAnalysis: 'cause', actionPlan: 'actionPlan', implementation: 'implementation', handling: 'resolve' });
    expect(eventNeeds('corrective-action', step('effectivenessCheck'), 'EFFECTIVE').form).toBe('evidence');
    expect(eventNeeds('corrective-action', step('effectivenessCheck'), 'INEFFECTIVE').form).toBe('none');
  });

  it("shows the general manager the frozen pack they sign", () => {
    expect(eventNeeds('management-review', step('review'), 'APPROVE').form).toBe('frozenPack');
  });

  it("names the dialog's inputs a refusal can be said on: the form's, the comment, and the password when signed", () => {
    expect(eventNeeds('corrective-action', plain('actionPlan'), 'SUBMIT').inputs).toEqual(['actions', 'owner', 'dueDate', 'comment']);
    expect(eventNeeds('customer-complaint', plain('handling'), 'RESOLVE').inputs).toEqual(['resolution', 'comment']);
    expect(eventNeeds('corrective-action', step('effectivenessCheck'), 'EFFECTIVE').inputs).toEqual(['verification', 'score', 'comment', 'password']);
  });
});

describe('eventNeeds: CANCEL', () => {
  it('asks in any step for a reason and a signature, and for no data', () => {
    for (const s of [plain('received'), step('effectivenessCheck'), undefined]) {
      expect(eventNeeds('customer-complaint', s, 'CANCEL')).toEqual({
        signature: true,
        meaning: '取消此记录 / cancelled this record',
        commentRequired: true,
        form: 'none',
        inputs: ['comment', 'password'],
      });
    }
  });
});
