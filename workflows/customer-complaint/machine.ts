/**
 * Customer complaint handling (客户投诉处理); domain.md section 3,
 * procedures.md `customer-complaint`. ISO 9001:2015 clause 10.2, ISO 10002.
 */
import { assign, enqueueActions } from 'xstate';
import { actorName, baseContext, submittedText, text, type BaseContext } from '../shared/context';
import { CHASE_AGAIN } from '../shared/meta';
import { fieldGuards, needsText } from '../shared/field-checks';
import { escalate, procedureSetup, rejectTo } from '../shared/setup';
import type { DeadlineMeta, FieldCheck, LocalText, ProcedureDefinition, ProcedureEffect, ProcedureEvent, RoleKey, StepMeta } from '../shared/types';

export interface Investigation {
  reason: string;
  escalatedBy: string;
  escalatedAt: string;
  conclusion: string | null;
  concludedBy: string | null;
  concludedAt: string | null;
  correctiveAction: boolean;
}

export interface Callback {
  round: 1 | 2;
  satisfied: boolean;
  comment: string | null;
  /** What the desk recorded (e.g. the customer's score). */
  data: Record<string, unknown> | null;
  by: string;
  at: string;
}

export interface ComplaintContext extends BaseContext {
  /** What the desk recorded when the case was opened (customer, channel, description…), or the routing source. */
  intake: Record<string, unknown>;
  /** The one named responsible person (username), from DISPATCH. */
  handler: string | null;
  dispatchedAt: string | null;
  /** Major works get a second callback within 2 months of closing. */
  majorWorks: boolean;
  resolution: { text: string; by: string; at: string } | null;
  investigations: Investigation[];
  callbacks: Callback[];
  /** How many times a dissatisfied callback sent the case back to handling. */
  reopened: number;
}

/**
 * The ladder "handler → their manager → director → customer-service centre"
 * (domain section 3) in the roles that exist. The handler is where the ladder
 * starts: whoever owns the overdue step already holds the overdue task, so each
 * passed deadline climbs one rung above them (procedures.md: "a task for the
 * next person up, a notice"): the department manager (survey_manager, 部门经理),
 * the deputy general manager over marketing and service (approver, 营销副总经理),
 * and the office that owns the procedure and consolidates every department
 * (process_owner).
 */
const LADDER: RoleKey[] = ['survey_manager', 'approver', 'process_owner'];

const CASE: LocalText = { zh: '《客户投诉处理记录》', en: 'Customer complaint handling record' };
const CALLBACK_RECORD: LocalText = { zh: '《客户回访记录》', en: 'Customer callback record' };
const REOPEN: LocalText = { zh: '客户不满意：重新打开，退回责任人处理', en: 'customer dissatisfied: the case reopens and goes back to the handler' };

const received: StepMeta = {
  title: { zh: '登记并派单', en: 'Record and dispatch' },
  role: 'complaint_desk',
  outcomes: ['DISPATCH'],
  rules: { DISPATCH: { zh: '派单须指定一名责任人（data.handler）', en: 'dispatch must name one responsible person (data.handler)' } },
  deadline: { after: { minutes: 10 }, escalation: LADDER },
  record: CASE,
};

const handling: StepMeta = {
  title: { zh: '处理投诉', en: 'Handle the complaint' },
  role: 'complaint_handler',
  assignee: 'handler',
  outcomes: ['RESOLVE', 'ESCALATE_MAJOR'],
  commentRequired: ['ESCALATE_MAJOR'],
  rules: { RESOLVE: { zh: '须填写处理结果（data.resolution 或意见）', en: 'the resolution is required (data.resolution or the comment)' } },
  // First-contact responsibility: the customer has an answer within 24 hours.
  deadline: { after: { hours: 24 }, escalation: LADDER },
  record: CASE,
};

function callbackStep(title: LocalText, deadline: Omit<DeadlineMeta, 'escalation'>): StepMeta {
  return {
    title,
    role: 'complaint_desk',
    outcomes: ['CALLBACK_SATISFIED', 'CALLBACK_DISSATISFIED'],
    commentRequired: ['CALLBACK_DISSATISFIED'],
    deadline: { ...deadline, escalation: LADDER },
    record: CALLBACK_RECORD,
    onReject: REOPEN,
  };
}

const callback = callbackStep({ zh: '回访', en: 'Call the customer back' }, { after: { hours: 24 } });
const secondCallback = callbackStep(
  { zh: '大型工程二次回访', en: 'Second callback (major works)' },
  { after: { months: 2 }, repeatAfter: CHASE_AGAIN },
);

function callbackOf(event: ProcedureEvent, round: 1 | 2, satisfied: boolean): Callback {
  return { round, satisfied, comment: text(event.comment), data: event.data ?? null, by: actorName(event), at: event.at };
}

/** The corrective action a special investigation asks for (domain section 3 → procedure C). */
function correctiveActionFor(context: ComplaintContext, round: number, conclusion: string): ProcedureEffect {
  return {
    type: 'effect.startChild',
    procedure: 'corrective-action',
    title: `纠正措施：${context.title}`,
    key: `corrective-action-${round}`,
    data: {
      source: { procedure: 'customer-complaint', title: context.title, investigation: round, conclusion },
      ...(context.handler ? { owner: context.handler } : {}),
      ...(context.scope ? { scope: context.scope } : {}),
    },
  };
}

const fieldChecks = {
  namesHandler: ({ event }) => (text(event.data?.handler) !== null ? [] : ['data.handler']),
  hasResolution: needsText('resolution'),
  hasConclusion: needsText('conclusion'),
} satisfies Record<string, FieldCheck<ComplaintContext>>;

const machine = procedureSetup<ComplaintContext>()
  .extend({
    guards: {
      ...fieldGuards(fieldChecks),
      majorWorks: ({ context }) => context.majorWorks,
    },
    actions: {
      dispatch: assign(({ context, event }) => ({
        handler: text(event.data?.handler),
        dispatchedAt: event.at,
        majorWorks: context.majorWorks || event.data?.majorWorks === true,
      })),
      resolve: assign(({ context, event }) => ({
        resolution: { text: submittedText(event, 'resolution') ?? '', by: actorName(event), at: event.at },
        majorWorks: context.majorWorks || event.data?.majorWorks === true,
      })),
      openInvestigation: assign({
        investigations: ({ context, event }) => [
          ...context.investigations,
          {
            reason: event.comment ?? '',
            escalatedBy: actorName(event),
            escalatedAt: event.at,
            conclusion: null,
            concludedBy: null,
            concludedAt: null,
            correctiveAction: false,
          },
        ],
      }),
      conclude: enqueueActions(({ context, event, enqueue }) => {
        const conclusion = submittedText(event, 'conclusion') ?? '';
        const correctiveAction = event.data?.openCorrectiveAction === true;
        const round = context.investigations.length;
        enqueue.assign({
          investigations: context.investigations.map((inv, i) =>
            i === round - 1 ? { ...inv, conclusion, concludedBy: actorName(event), concludedAt: event.at, correctiveAction } : inv,
          ),
        });
        if (correctiveAction) enqueue.emit(correctiveActionFor(context, round, conclusion));
      }),
      recordCallback: assign({
        callbacks: ({ context, event }, params: { round: 1 | 2; satisfied: boolean }) => [
          ...context.callbacks,
          callbackOf(event, params.round, params.satisfied),
        ],
      }),
      reopen: assign({ reopened: ({ context }) => context.reopened + 1 }),
    },
  })
  .createMachine({
    id: 'customer-complaint',
    context: ({ input }) => {
      const intake = input.data ?? {};
      return {
        ...baseContext(input),
        intake,
        handler: null,
        dispatchedAt: null,
        majorWorks: intake.majorWorks === true,
        resolution: null,
        investigations: [],
        callbacks: [],
        reopened: 0,
      };
    },
    initial: 'received',
    states: {
      received: {
        meta: received,
        on: {
          DISPATCH: { guard: 'namesHandler', target: 'handling', actions: 'dispatch' },
          DEADLINE: escalate(received),
        },
      },
      handling: {
        meta: handling,
        on: {
          RESOLVE: { guard: 'hasResolution', target: 'callback', actions: 'resolve' },
          ESCALATE_MAJOR: { target: 'investigation', actions: 'openInvestigation' },
          DEADLINE: escalate(handling),
        },
      },
      investigation: {
        meta: {
          title: { zh: '专项调查', en: 'Special investigation' },
          role: 'quality',
          outcomes: ['CONCLUDE'],
          rules: {
            CONCLUDE: { zh: '须填写调查结论（data.conclusion 或意见）', en: 'the conclusion is required (data.conclusion or the comment)' },
          },
          record: { zh: '专项调查报告', en: 'Special investigation report' },
        },
        on: { CONCLUDE: { guard: 'hasConclusion', target: 'handling', actions: 'conclude' } },
      },
      callback: {
        meta: callback,
        on: {
          CALLBACK_SATISFIED: [
            { guard: 'majorWorks', target: 'secondCallback', actions: { type: 'recordCallback', params: { round: 1, satisfied: true } } },
            { target: 'closed', actions: { type: 'recordCallback', params: { round: 1, satisfied: true } } },
          ],
          CALLBACK_DISSATISFIED: rejectTo('handling', 'callback', { type: 'recordCallback', params: { round: 1, satisfied: false } }, 'reopen'),
          DEADLINE: escalate(callback),
        },
      },
      secondCallback: {
        meta: secondCallback,
        on: {
          CALLBACK_SATISFIED: { target: 'closed', actions: { type: 'recordCallback', params: { round: 2, satisfied: true } } },
          CALLBACK_DISSATISFIED: rejectTo('handling', 'secondCallback', { type: 'recordCallback', params: { round: 2, satisfied: false } }, 'reopen'),
          DEADLINE: escalate(secondCallback),
        },
      },
      closed: {
        type: 'final',
        meta: { title: { zh: '关闭', en: 'Closed' } },
      },
    },
  });

export const customerComplaint: ProcedureDefinition = {
  key: 'customer-complaint',
  version: 1,
  title: { zh: '客户投诉处理', en: 'Customer complaint handling' },
  purpose: {
    zh: '统一受理客户投诉和报修，10 分钟内派给一名责任人，处理后回访；不满意则重新处理；重大质量事件转品质部专项调查并启动纠正措施（ISO 9001:2015 第 10.2 条，ISO 10002）。',
    en: 'One intake point records every complaint or repair request, dispatches it to one responsible person within 10 minutes, and calls the customer back after handling; a dissatisfied callback reopens the case; major quality events go to the quality department for a special investigation and corrective action (ISO 9001:2015 clause 10.2, ISO 10002).',
  },
  roles: ['complaint_desk', 'complaint_handler', 'quality', 'survey_manager', 'approver', 'process_owner'],
  machine,
  fieldChecks,
};
