/**
 * Customer complaint handling (客户投诉处理); domain.md section 3,
 * procedures.md `customer-complaint`. ISO 9001:2015 clause 10.2, ISO 10002.
 */
import { assign, enqueueActions } from 'xstate';
// pure date arithmetic: the engine arms the second callback's deadline with the same function
import { addDuration, companyTime } from '../../libs/engine/src/time/business-calendar';
import { actorName, baseContext, submittedText, text, type BaseContext } from '../shared/context';
import { CHASE_AGAIN, workingDays } from '../shared/meta';
import { fieldGuards, namedHandlerProblems, needsText } from '../shared/field-checks';
import { escalate, ladderRole, procedureSetup, rejectTo } from '../shared/setup';
import type { DeadlineMeta, Duration, FieldCheck, FieldRefusal, LocalText, ProcedureDefinition, ProcedureEffect, ProcedureEvent, RoleKey, StepMeta } from '../shared/types';
import { isLowScore, LOW_IS_NOT_SATISFIED, LOW_SCORE, NOT_ON_SCALE, satisfiedScoreProblems, scoreOf, scoreProblems } from './callback-score';
import { classificationOf, type Classification } from './classification';
import { completedIntake, missingIntake } from './intake';

export interface Investigation {
  reason: string;
  escalatedBy: string;
  escalatedAt: string;
  conclusion: string | null;
  concludedBy: string | null;
  concludedAt: string | null;
  correctiveAction: boolean;
  /** The quality department's classification at CONCLUDE (the composite's major-incident deduction reads it). */
  classification: Classification | null;
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
  /** Major works get a second callback 2 months after the first. */
  majorWorks: boolean;
  /** When the pending second callback may be made (ISO time): 2 months after the first callback. */
  secondCallbackDue: string | null;
  resolution: { text: string; by: string; at: string } | null;
  investigations: Investigation[];
  callbacks: Callback[];
  /** How many times a dissatisfied callback sent the case back to handling. */
  reopened: number;
  /** Each time the case was handed to another handler (REASSIGN, 转办), oldest first. */
  handovers: Handover[];
}

export interface Handover {
  from: string | null;
  to: string;
  by: string;
  at: string;
  reason: string;
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

/**
 * A major case's special investigation. Domain.md section 3 gives it no time; a mature
 * procedure does (complaint handling waits on its conclusion): 10 working days, then the
 * management representative and the general manager, as for quality's other steps.
 */
const investigation: StepMeta = {
  title: { zh: '专项调查', en: 'Special investigation' },
  role: 'quality',
  outcomes: ['CONCLUDE'],
  // whoever handled the case and escalated it does not investigate it (domain section 1)
  separateFrom: ['handling'],
  rules: {
    CONCLUDE: {
      zh: '须填写调查结论（data.conclusion 或意见），并判定是否为质量事故、是否涉及法律责任、是否有媒体曝光（data.classification: { qualityAccident, legalLiability, mediaExposure }，均为是/否）',
      en: 'the conclusion is required (data.conclusion or the comment), with the classification data.classification: { qualityAccident, legalLiability, mediaExposure }, each true or false',
    },
  },
  record: { zh: '专项调查报告', en: 'Special investigation report' },
  deadline: workingDays(10, ['management_rep', 'general_manager']),
};
const CALLBACK_RECORD: LocalText = { zh: '《客户回访记录》', en: 'Customer callback record' };
const REOPEN: LocalText = { zh: '客户不满意：重新打开，退回责任人处理', en: 'customer dissatisfied: the case reopens and goes back to the handler' };

const received: StepMeta = {
  title: { zh: '登记并派单', en: 'Record and dispatch' },
  role: 'complaint_desk',
  outcomes: ['DISPATCH'],
  rules: {
    DISPATCH: {
      zh: '派单须指定一名在职且具有该范围责任人角色的用户（data.handler），且投诉记录须写明客户、渠道和投诉内容（登记时或 data.customer、data.channel、data.description）',
      en: "dispatch must name one active user holding complaint_handler for the case's scope (data.handler), and the record must name the customer, channel and description (at start or in data.customer, data.channel, data.description)",
    },
  },
  deadline: { after: { minutes: 10 }, escalation: LADDER },
  record: CASE,
};

const handling: StepMeta = {
  title: { zh: '处理投诉', en: 'Handle the complaint' },
  role: 'complaint_handler',
  assignee: 'handler',
  // REASSIGN (转办): the case goes to another eligible handler, who gets the task; the deadline runs on
  outcomes: ['RESOLVE', 'ESCALATE_MAJOR', 'REASSIGN'],
  commentRequired: ['ESCALATE_MAJOR', 'REASSIGN'],
  rules: {
    RESOLVE: { zh: '须填写处理结果（data.resolution 或意见）', en: 'the resolution is required (data.resolution or the comment)' },
    REASSIGN: { zh: '须指定另一名本范围内在职的投诉责任人（data.handler）', en: 'another active complaint handler of this scope is required (data.handler)' },
  },
  // First-contact responsibility: the customer has an answer within 24 hours.
  deadline: { after: { hours: 24 }, escalation: LADDER },
  record: CASE,
};

/**
 * A score below 4 is not "satisfied" (domain section 3): CALLBACK_SATISFIED with one is
 * refused rather than turned into a reopening, so the record never shows a satisfied
 * callback that reopened the case, and the customer's reason (CALLBACK_DISSATISFIED's
 * comment) is always taken; the low score itself climbs the escalation ladder there.
 * These rules are the controlled document's; a refusal says the one the check found.
 */
const ON_SCALE_RULE: LocalText = { zh: `客户评分（data.score，可不填）${NOT_ON_SCALE.zh}`, en: `the customer score (data.score, optional) ${NOT_ON_SCALE.en}` };
const SCORE_RULES: Record<string, LocalText> = {
  CALLBACK_SATISFIED: { zh: `${ON_SCALE_RULE.zh}；${LOW_IS_NOT_SATISFIED.zh}`, en: `${ON_SCALE_RULE.en}; ${LOW_IS_NOT_SATISFIED.en}` },
  CALLBACK_DISSATISFIED: ON_SCALE_RULE,
};

/** How long after the first callback a major works case is called back again (procedures.md). */
const SECOND_CALLBACK_AFTER: Duration = { months: 2 };
const NOT_YET_DUE: LocalText = { zh: '二次回访须在首次回访 2 个月后进行', en: 'the second callback is made 2 months after the first' };

/** A second callback made too early, refused naming the moment it may be made, in the company's time. */
function secondCallbackNotDue({ context, event }: { context: ComplaintContext; event: ProcedureEvent }): FieldRefusal[] {
  const due = context.secondCallbackDue;
  if (due !== null && Date.parse(event.at) >= Date.parse(due)) return [];
  const when = due === null ? 'secondCallbackDue' : companyTime(due, event.utcOffsetMinutes);
  return [{ reason: { zh: `${NOT_YET_DUE.zh}，不早于 ${when}`, en: `${NOT_YET_DUE.en}, not before ${when}` } }];
}

function callbackStep(title: LocalText, deadline: Omit<DeadlineMeta, 'escalation'>, rules: Record<string, LocalText>): StepMeta {
  return {
    title,
    role: 'complaint_desk',
    outcomes: ['CALLBACK_SATISFIED', 'CALLBACK_DISSATISFIED'],
    commentRequired: ['CALLBACK_DISSATISFIED'],
    // whoever resolved the case does not record what the customer thinks of it (domain section 1)
    separateFrom: ['handling'],
    rules,
    deadline: { ...deadline, escalation: LADDER },
    record: CALLBACK_RECORD,
    onReject: REOPEN,
  };
}

const withDueRule = (rule: LocalText): LocalText => ({ zh: `${NOT_YET_DUE.zh}（见 secondCallbackDue）；${rule.zh}`, en: `${NOT_YET_DUE.en} (see secondCallbackDue); ${rule.en}` });

const callback = callbackStep({ zh: '回访', en: 'Call the customer back' }, { after: { hours: 24 } }, SCORE_RULES);
// Due within 3 working days of the moment it may be made, as complaint callbacks are (domain section 3).
// Its task reaches the desk's inbox when the call may be made, not at the first callback.
const secondCallback: StepMeta = {
  ...callbackStep(
    { zh: '大型工程二次回访', en: 'Second callback (major works)' },
    { after: { ...SECOND_CALLBACK_AFTER, ...CHASE_AGAIN }, repeatAfter: CHASE_AGAIN },
    { CALLBACK_SATISFIED: withDueRule(SCORE_RULES.CALLBACK_SATISFIED), CALLBACK_DISSATISFIED: withDueRule(SCORE_RULES.CALLBACK_DISSATISFIED) },
  ),
  taskOpensAt: 'secondCallbackDue',
};

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

/** A low score tells the next rung up (domain section 3), one rung higher for each low score on the case. */
function lowScoreNotice(context: ComplaintContext, event: ProcedureEvent): ProcedureEffect {
  const level = context.callbacks.filter((c) => isLowScore(c.data)).length + 1;
  const score = scoreOf(event.data);
  return {
    type: 'effect.notify',
    role: ladderRole(LADDER, level),
    message: {
      zh: `「${context.title}」回访客户评分 ${score} 分（低于 ${LOW_SCORE} 分），案件已重新打开处理`,
      en: `"${context.title}": the customer scored the handling ${score} of 5 at the callback (below ${LOW_SCORE}); the case is reopened`,
    },
    key: `low-score-${context.callbacks.length + 1}`,
  };
}

const SAME_HANDLER: LocalText = { zh: '案件已由此人负责，请指定另一名责任人', en: 'the case is already theirs: name another handler' };

const UNCLASSIFIED: LocalText = {
  zh: '须判定是否为质量事故、是否涉及法律责任、是否有媒体曝光（qualityAccident、legalLiability、mediaExposure，均为 true 或 false）',
  en: 'must say whether it was a quality accident, with legal liability, with media exposure (qualityAccident, legalLiability, mediaExposure, each true or false)',
};

const fieldChecks = {
  // the handler must be someone whose inbox the task reaches (the host's `eligibleHandler` fact)
  dispatchable: ({ context, event }) => [...namedHandlerProblems(event, 'handler', 'eligibleHandler'), ...missingIntake(context.intake, context.source, event)],
  hasResolution: needsText('resolution'),
  // handed to someone else whose inbox the task reaches
  handsOver: ({ context, event }) => {
    const named = namedHandlerProblems(event, 'handler', 'eligibleHandler');
    if (named.length || text(event.data?.handler) !== context.handler) return named;
    return [{ field: 'data.handler', reason: SAME_HANDLER, rule: 'sameHandler' }];
  },
  concludes: ({ event }) => [...needsText('conclusion')({ context: null, event }), ...(classificationOf(event) ? [] : [{ field: 'data.classification', reason: UNCLASSIFIED }])],
  satisfiedScore: ({ event }) => satisfiedScoreProblems(event.data),
  /**
   * A dissatisfied callback takes any score on the scale, 4 and 5 too: domain section 3 makes a
   * score below 4 low (it climbs the ladder) and has a dissatisfied callback reopen the case,
   * but never makes a good score "satisfied". A customer who rates the handling 4 yet is unhappy
   * (e.g. with the delay) is recorded as they say, with the reason the step requires.
   */
  validScore: ({ event }) => scoreProblems(event.data),
} satisfies Record<string, FieldCheck<ComplaintContext>>;

/** The first callback's satisfied outcome of a major works case: the same check, then the second callback. */
const majorWorksChecks = { majorWorksSatisfiedScore: fieldChecks.satisfiedScore };

/** The second callback's checks: the same, once it is due. */
const secondCallbackChecks = {
  dueSatisfiedScore: (args) => [...secondCallbackNotDue(args), ...fieldChecks.satisfiedScore(args)],
  dueValidScore: (args) => [...secondCallbackNotDue(args), ...fieldChecks.validScore(args)],
} satisfies Record<string, FieldCheck<ComplaintContext>>;

const machine = procedureSetup<ComplaintContext>()
  .extend({
    guards: {
      ...fieldGuards(fieldChecks),
      ...fieldGuards(secondCallbackChecks),
      ...fieldGuards(majorWorksChecks, ({ context }) => context.majorWorks),
    },
    actions: {
      dispatch: assign(({ context, event }) => ({
        intake: completedIntake(context.intake, event),
        handler: text(event.data?.handler),
        dispatchedAt: event.at,
        majorWorks: context.majorWorks || event.data?.majorWorks === true,
      })),
      handOver: assign(({ context, event }) => {
        const to = text(event.data?.handler) ?? '';
        return { handler: to, handovers: [...context.handovers, { from: context.handler, to, by: actorName(event), at: event.at, reason: text(event.comment) ?? '' }] };
      }),
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
            classification: null,
          },
        ],
      }),
      conclude: enqueueActions(({ context, event, enqueue }) => {
        const conclusion = submittedText(event, 'conclusion') ?? '';
        const correctiveAction = event.data?.openCorrectiveAction === true;
        const classification = classificationOf(event);
        const round = context.investigations.length;
        enqueue.assign({
          investigations: context.investigations.map((inv, i) =>
            i === round - 1 ? { ...inv, conclusion, concludedBy: actorName(event), concludedAt: event.at, correctiveAction, classification } : inv,
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
      awaitSecondCallback: assign({ secondCallbackDue: ({ event }) => addDuration(new Date(event.at), SECOND_CALLBACK_AFTER).toISOString() }),
      notifyLowScore: enqueueActions(({ context, event, enqueue }) => {
        if (isLowScore(event.data)) enqueue.emit(lowScoreNotice(context, event));
      }),
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
        secondCallbackDue: null,
        resolution: null,
        investigations: [],
        callbacks: [],
        reopened: 0,
        handovers: [],
      };
    },
    initial: 'received',
    states: {
      received: {
        meta: received,
        on: {
          DISPATCH: { guard: 'dispatchable', target: 'handling', actions: 'dispatch' },
          DEADLINE: escalate(received),
        },
      },
      handling: {
        meta: handling,
        on: {
          RESOLVE: { guard: 'hasResolution', target: 'callback', actions: 'resolve' },
          ESCALATE_MAJOR: { target: 'investigation', actions: 'openInvestigation' },
          REASSIGN: { guard: 'handsOver', actions: 'handOver' },
          DEADLINE: escalate(handling),
        },
      },
      investigation: {
        meta: investigation,
        on: {
          CONCLUDE: { guard: 'concludes', target: 'handling', actions: 'conclude' },
          DEADLINE: escalate(investigation),
        },
      },
      callback: {
        meta: callback,
        on: {
          CALLBACK_SATISFIED: [
            {
              guard: 'majorWorksSatisfiedScore',
              target: 'secondCallback',
              actions: [{ type: 'recordCallback', params: { round: 1, satisfied: true } }, 'awaitSecondCallback'],
            },
            { guard: 'satisfiedScore', target: 'closed', actions: { type: 'recordCallback', params: { round: 1, satisfied: true } } },
          ],
          CALLBACK_DISSATISFIED: {
            guard: 'validScore',
            ...rejectTo('handling', 'callback', 'notifyLowScore', { type: 'recordCallback', params: { round: 1, satisfied: false } }, 'reopen'),
          },
          DEADLINE: escalate(callback),
        },
      },
      secondCallback: {
        meta: secondCallback,
        on: {
          CALLBACK_SATISFIED: { guard: 'dueSatisfiedScore', target: 'closed', actions: { type: 'recordCallback', params: { round: 2, satisfied: true } } },
          CALLBACK_DISSATISFIED: {
            guard: 'dueValidScore',
            ...rejectTo('handling', 'secondCallback', 'notifyLowScore', { type: 'recordCallback', params: { round: 2, satisfied: false } }, 'reopen'),
          },
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
  roles: ['complaint_desk', 'complaint_handler', 'quality', 'survey_manager', 'approver', 'process_owner', 'management_rep', 'general_manager'],
  // not the desk that registers cases: a withdrawn complaint leaves the period's figures, so quality or the procedure's owner decides
  cancellers: ['quality', 'process_owner'],
  machine,
  fieldChecks: { ...fieldChecks, ...majorWorksChecks, ...secondCallbackChecks },
};
