import { createMachine } from 'xstate';
import type { DeadlineMeta, ProcedureDefinition, StepMeta } from '../procedure-definition';

/** A state config as these fixtures write them (loose, so broken ones can be written too). */
export type StateConfig = Record<string, unknown> & { meta?: Partial<StepMeta> };

export const REVIEW_DEADLINE: DeadlineMeta = { after: { workingDays: 3 }, escalation: ['general_manager'] };

/** A small valid procedure: draft → review (APPROVE/REJECT, deadline) → publish (automatic) → done. */
export function goodStates(): Record<string, StateConfig> {
  return {
    draft: {
      meta: {
        title: { zh: '起草文件', en: 'Draft the document' },
        role: 'coordinator',
        outcomes: ['SUBMIT'],
        record: { zh: '《文件草稿》', en: 'Draft' },
      },
      on: { SUBMIT: 'review' },
    },
    review: {
      meta: {
        title: { zh: '审批 <草稿> & 签字', en: 'Approve the <draft> & sign' },
        role: 'approver',
        outcomes: ['APPROVE', 'REJECT'],
        signed: { APPROVE: { zh: '批准', en: 'approved' } },
        commentRequired: ['REJECT'],
        separateFrom: ['draft'],
        deadline: REVIEW_DEADLINE,
        record: { zh: '《文件草稿》', en: 'Draft' },
      },
      on: { APPROVE: 'publish', REJECT: 'draft', DEADLINE: { actions: [] } },
    },
    publish: {
      meta: { title: { zh: '发布', en: 'Publish' } },
      always: 'done',
    },
    done: { type: 'final', meta: { title: { zh: '结束', en: 'Done' } } },
  };
}

export function procedure(states: Record<string, StateConfig>, initial = 'draft'): ProcedureDefinition {
  return {
    key: 'fixture',
    version: 2,
    title: { zh: '测试流程', en: 'Fixture procedure' },
    purpose: { zh: '验证工具。', en: 'Checks the tools.' },
    documentNo: 'SF-T-01',
    roles: ['coordinator', 'approver', 'general_manager'],
    // The fixtures are deliberately loose; createMachine's config type cannot express a broken one.
    machine: createMachine({ id: 'fixture', initial, states } as Parameters<typeof createMachine>[0]),
  };
}

export const good = (): ProcedureDefinition => procedure(goodStates());

/** The good fixture with one state's config changed. */
export function withState(id: string, change: (state: StateConfig) => StateConfig): ProcedureDefinition {
  const states = goodStates();
  states[id] = change(states[id] ?? {});
  return procedure(states);
}

export const ROLE_LABELS = {
  coordinator: { zh: '跟单员', en: 'Coordinator' },
  approver: { zh: '营销副总经理', en: 'Approver' },
  general_manager: { zh: '总经理', en: 'General manager' },
};
