import { setup } from 'xstate';
import { PROCEDURES } from '../index';
import { metaProblems } from './testing';
import type { ProcedureDefinition } from './types';

/** State names the API, the console and the acceptance checks use (shared/spec/procedures.md). */
const STATES: Record<string, string[]> = {
  'annual-satisfaction-survey': [
    'planning', 'planApproval', 'dispatching', 'collecting', 'waiverApproval', 'reportDrafting',
    'reportReview', 'reportApproval', 'distribution', 'gmApproval', 'routing', 'completed',
  ],
  'customer-complaint': ['received', 'handling', 'investigation', 'callback', 'closed'],
  'corrective-action': ['problem', 'causeAnalysis', 'actionPlan', 'planApproval', 'implementation', 'effectivenessCheck', 'closed'],
  'management-review': ['compiling', 'review', 'archived'],
};

describe('PROCEDURES', () => {
  it('holds the four procedures once each, at version 1', () => {
    expect(PROCEDURES.map((p) => [p.key, p.version])).toEqual([
      ['annual-satisfaction-survey', 1],
      ['customer-complaint', 1],
      ['corrective-action', 1],
      ['management-review', 1],
    ]);
  });

  it.each(PROCEDURES.map((p) => [p.key, p] as const))('%s keeps the spec’s state names and the machine id', (key, def) => {
    expect(def.machine.id).toBe(key);
    expect(Object.keys(def.machine.root.states)).toEqual(expect.arrayContaining(STATES[key]));
    expect(def.title.zh && def.title.en && def.purpose.zh && def.purpose.en).toBeTruthy();
  });
});

describe('metaProblems', () => {
  it('finds what breaks the conventions', () => {
    const machine = setup({}).createMachine({
      id: 'broken',
      initial: 'draft',
      states: {
        draft: { meta: { title: { zh: '草稿', en: 'Draft' }, outcomes: ['SUBMIT'] }, on: { SUBMIT: 'approval' } },
        approval: {
          meta: { title: { zh: '批准', en: 'Approve' }, role: 'approver', outcomes: ['APPROVE'], deadline: { after: { days: 1 }, escalation: [] } },
          on: { APPROVE: 'done', REJECT: 'draft' },
        },
        done: { type: 'final' },
      },
    });
    const def: ProcedureDefinition = { key: 'broken', version: 1, title: { zh: '', en: '' }, purpose: { zh: '', en: '' }, roles: ['approver'], machine };
    expect(metaProblems(def)).toEqual([
      'broken.draft: no role',
      'broken.draft: no record named',
      'broken.approval: REJECT is handled but not offered',
      'broken.approval: REJECT needs a comment',
      'broken.approval: APPROVE is not signed',
      'broken.approval: an approval names no author to keep apart',
      'broken.approval: deadline without escalation',
      'broken.approval: deadline set but DEADLINE not handled',
      'broken.approval: no record named',
      'broken.done: no title',
    ]);
  });
});
