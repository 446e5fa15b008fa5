/**
 * Corrective / improvement action (纠正与改进措施); domain.md section 5,
 * procedures.md `corrective-action`. ISO 9001:2015 clause 10.2.
 */
import { assign } from 'xstate';
import { baseContext, isoDate, isTextOrList, stamp, submittedText, text, type BaseContext } from '../shared/context';
import { approvalMeta, CHASE_AGAIN, workingDays } from '../shared/meta';
import { fieldGuards, namedHandlerProblems, needsText } from '../shared/field-checks';
import { escalate, procedureSetup, rejectTo } from '../shared/setup';
import type { FieldCheck, FieldRefusal, LocalText, ProcedureDefinition, ProcedureEvent, StepMeta } from '../shared/types';

interface Stamped {
  by: string;
  at: string;
}

export interface ActionPlan extends Stamped {
  /** 整改措施: a text or a list of actions. */
  actions: unknown;
  owner: string;
  /** ISO date the actions are due. */
  dueDate: string;
}

export interface EffectivenessCheck extends Stamped {
  effective: boolean;
  comment: string | null;
  /** The evidence recorded: the next period's score for the item, or a verification. */
  data: Record<string, unknown> | null;
}

export interface CorrectiveActionContext extends BaseContext {
  /** Who carries the action out (username): from the opening complaint's handler, then the approved plan. */
  owner: string | null;
  problem: ({ description: string } & Stamped) | null;
  cause: ({ analysis: string } & Stamped) | null;
  plan: ActionPlan | null;
  implementation: ({ result: string } & Stamped) | null;
  checks: EffectivenessCheck[];
  /** How many times an ineffective check sent the action back to cause analysis. */
  reopened: number;
}

const RECORD: LocalText = { zh: '《纠正与改进措施报告》', en: 'Corrective and improvement action report' };

/**
 * A step whose SUBMIT carries one text (`data.<field>` or the comment). The
 * responsible department's steps are assigned to the named owner.
 */
function textStep(title: LocalText, role: 'quality' | 'complaint_handler', field: string, what: LocalText): StepMeta {
  return {
    title,
    role,
    ...(role === 'complaint_handler' ? { assignee: 'owner' } : {}),
    outcomes: ['SUBMIT'],
    rules: { SUBMIT: { zh: `须填写${what.zh}（data.${field} 或意见）`, en: `${what.en} is required (data.${field} or the comment)` } },
    record: RECORD,
  };
}

const NOT_A_DATE: LocalText = { zh: '须为 YYYY-MM-DD 格式的日期', en: 'must be a date, YYYY-MM-DD' };

/**
 * The implementation falls due on the plan's date: one already past would be overdue before
 * it starts. "Today" is the company's date (the engine's `today`), not UTC's, which is still
 * yesterday until 08:00 in China; a walk outside the engine has only the UTC date.
 */
function dueDateProblems(event: ProcedureEvent): FieldRefusal[] {
  const given = event.data?.dueDate;
  if (given === undefined || given === null || given === '') return ['data.dueDate'];
  const due = isoDate(given);
  if (!due) return [{ field: 'data.dueDate', reason: NOT_A_DATE }];
  const today = event.today ?? event.at.slice(0, 10);
  return due < today ? [{ field: 'data.dueDate', reason: { zh: `须不早于今天（${today}）`, en: `must be today or later (today: ${today})` } }] : [];
}

function planProblems(event: ProcedureEvent): FieldRefusal[] {
  return [
    ...(isTextOrList(event.data?.actions) ? [] : ['data.actions']),
    // the owner is assigned the implementation (the host's `eligibleOwner` fact)
    ...namedHandlerProblems(event, 'owner', 'eligibleOwner'),
    ...dueDateProblems(event),
  ];
}

/** The next period's score for an item is a satisfaction index (domain.md section 4). */
const NOT_AN_INDEX: LocalText = { zh: '须为 0–100 的满意度指数', en: 'must be a satisfaction index from 0 to 100' };

/**
 * Domain.md section 5: an action is found effective on evidence, the next period's score
 * for the item (`data.score`) or a recorded verification (`data.verification` or the comment).
 */
function evidenceProblems(event: ProcedureEvent): FieldRefusal[] {
  const score = event.data?.score;
  if (score !== undefined && score !== null) return typeof score === 'number' && score >= 0 && score <= 100 ? [] : [{ field: 'data.score', reason: NOT_AN_INDEX }];
  return submittedText(event, 'verification') !== null ? [] : ['data.verification'];
}

const fieldChecks = {
  hasDescription: needsText('description'),
  hasCause: needsText('cause'),
  planComplete: ({ event }) => planProblems(event),
  hasResult: needsText('result'),
  hasEvidence: ({ event }) => evidenceProblems(event),
} satisfies Record<string, FieldCheck<CorrectiveActionContext>>;

/**
 * Domain.md section 5 says "overdue actions escalate" and names no times. The steps before
 * implementation are due in working days too, so an action cannot wait unnoticed before its
 * plan has a date (8D practice: the problem within days, cause and plan within a week each):
 * the owner's steps climb quality → management_rep → general_manager, quality's own steps
 * start at the management representative.
 */
const OWNER_LADDER = ['quality', 'management_rep', 'general_manager'] as const;
const QUALITY_LADDER = ['management_rep', 'general_manager'] as const;

const problem: StepMeta = {
  ...textStep({ zh: '描述问题', en: 'Describe the problem' }, 'quality', 'description', { zh: '问题描述', en: 'the problem description' }),
  deadline: workingDays(2, [...QUALITY_LADDER]),
};

const causeAnalysis: StepMeta = {
  ...textStep({ zh: '原因分析', en: 'Analyse the cause' }, 'complaint_handler', 'cause', { zh: '原因分析', en: 'the cause analysis' }),
  deadline: workingDays(5, [...OWNER_LADDER]),
};

const actionPlan: StepMeta = {
  title: { zh: '制定整改措施', en: 'Plan the actions' },
  role: 'complaint_handler',
  assignee: 'owner',
  outcomes: ['SUBMIT'],
  rules: {
    SUBMIT: {
      zh: '整改措施须写明措施（data.actions）、责任人（data.owner：在职且具有该范围责任人角色的用户）和完成日期（data.dueDate：YYYY-MM-DD，不早于今天）',
      en: "the plan needs the actions (data.actions), an owner who is an active user holding complaint_handler for the action's scope (data.owner) and a due date of today or later (data.dueDate, YYYY-MM-DD)",
    },
  },
  record: RECORD,
  deadline: workingDays(5, [...OWNER_LADDER]),
};

const planApproval: StepMeta = approvalMeta({
  title: { zh: '批准整改措施', en: 'Approve the action plan' },
  role: 'quality',
  author: 'actionPlan',
  record: RECORD,
  onReject: { zh: '退回，按意见修改整改措施', en: 'back to the action plan for revision' },
  deadline: workingDays(3, [...QUALITY_LADDER]),
});

const implementation: StepMeta = {
  ...textStep({ zh: '实施纠正措施', en: 'Implement the actions' }, 'complaint_handler', 'result', { zh: '实施结果', en: 'the result' }),
  // Due on the approved plan's own date (the plan step requires one); 30 days only for an instance without it.
  deadline: {
    after: { days: 30 },
    dueAt: { field: 'plan.dueDate', title: { zh: '整改措施的完成日期', en: "the action plan's due date" } },
    escalation: [...OWNER_LADDER],
    repeatAfter: CHASE_AGAIN,
  },
};

const machine = procedureSetup<CorrectiveActionContext>()
  .extend({
    guards: fieldGuards(fieldChecks),
    actions: {
      describeProblem: assign({ problem: ({ event }) => ({ description: submittedText(event, 'description') ?? '', ...stamp(event) }) }),
      analyseCause: assign({ cause: ({ event }) => ({ analysis: submittedText(event, 'cause') ?? '', ...stamp(event) }) }),
      storePlan: assign(({ event }) => {
        const owner = text(event.data?.owner) ?? '';
        const plan: ActionPlan = { actions: event.data?.actions, owner, dueDate: text(event.data?.dueDate) ?? '', ...stamp(event) };
        return { plan, owner };
      }),
      recordImplementation: assign({ implementation: ({ event }) => ({ result: submittedText(event, 'result') ?? '', ...stamp(event) }) }),
      recordCheck: assign({
        checks: ({ context, event }, params: { effective: boolean }) => [
          ...context.checks,
          { effective: params.effective, comment: text(event.comment), data: event.data ?? null, ...stamp(event) },
        ],
      }),
      reopen: assign({ reopened: ({ context }) => context.reopened + 1 }),
    },
  })
  .createMachine({
    id: 'corrective-action',
    context: ({ input }) => ({
      ...baseContext(input),
      owner: text(input.data?.owner),
      problem: null,
      cause: null,
      plan: null,
      implementation: null,
      checks: [],
      reopened: 0,
    }),
    initial: 'problem',
    states: {
      problem: {
        meta: problem,
        on: {
          SUBMIT: { guard: 'hasDescription', target: 'causeAnalysis', actions: 'describeProblem' },
          DEADLINE: escalate(problem),
        },
      },
      causeAnalysis: {
        meta: causeAnalysis,
        on: {
          SUBMIT: { guard: 'hasCause', target: 'actionPlan', actions: 'analyseCause' },
          DEADLINE: escalate(causeAnalysis),
        },
      },
      actionPlan: {
        meta: actionPlan,
        on: {
          SUBMIT: { guard: 'planComplete', target: 'planApproval', actions: 'storePlan' },
          DEADLINE: escalate(actionPlan),
        },
      },
      planApproval: {
        meta: planApproval,
        on: {
          APPROVE: 'implementation',
          REJECT: rejectTo('actionPlan', 'planApproval'),
          DEADLINE: escalate(planApproval),
        },
      },
      implementation: {
        meta: implementation,
        on: {
          SUBMIT: { guard: 'hasResult', target: 'effectivenessCheck', actions: 'recordImplementation' },
          DEADLINE: escalate(implementation),
        },
      },
      effectivenessCheck: {
        meta: {
          title: { zh: '验证措施有效性', en: 'Check effectiveness' },
          role: 'quality',
          outcomes: ['EFFECTIVE', 'INEFFECTIVE'],
          // closing as effective is the record of verification ISO 9001 10.2.2 asks to keep: signed
          signed: { EFFECTIVE: { zh: '验证有效', en: 'verified effective' } },
          commentRequired: ['INEFFECTIVE'],
          rules: {
            EFFECTIVE: {
              zh: '须记录有效性证据：下期该项得分（data.score）或验证记录（data.verification 或意见）',
              en: "effectiveness needs evidence: the next period's score for the item (data.score) or a recorded verification (data.verification or the comment)",
            },
          },
          // Whoever carried the action out does not verify it.
          separateFrom: ['implementation'],
          record: RECORD,
          onReject: { zh: '无效：重新分析原因', en: 'ineffective: the cause is analysed again' },
        },
        on: {
          EFFECTIVE: { guard: 'hasEvidence', target: 'closed', actions: { type: 'recordCheck', params: { effective: true } } },
          INEFFECTIVE: rejectTo('causeAnalysis', 'effectivenessCheck', { type: 'recordCheck', params: { effective: false } }, 'reopen'),
        },
      },
      closed: {
        type: 'final',
        meta: { title: { zh: '关闭', en: 'Closed' } },
      },
    },
  });

export const correctiveAction: ProcedureDefinition = {
  key: 'corrective-action',
  version: 1,
  title: { zh: '纠正与改进措施', en: 'Corrective and improvement action' },
  purpose: {
    zh: '针对低分项、客户投诉或管理评审决定，分析原因，制定并批准整改措施，实施后验证有效性；无效则重新分析（ISO 9001:2015 第 10.2 条）。',
    en: 'For a low-scoring item, a complaint or a management-review decision: analyse the cause, plan and approve actions with an owner and a due date, implement them and verify their effectiveness; when ineffective, analyse again (ISO 9001:2015 clause 10.2).',
  },
  roles: ['quality', 'complaint_handler', 'management_rep', 'general_manager'],
  starters: ['quality', 'management_rep'],
  // whoever may raise one may withdraw a duplicate
  cancellers: ['quality', 'management_rep'],
  machine,
  fieldChecks,
};
