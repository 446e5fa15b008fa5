/**
 * Annual customer-satisfaction survey (客户满意度调查作业流程), SJ-P-C-04 rev. B;
 * domain.md section 2, procedures.md `annual-satisfaction-survey`.
 */
import { assign, emit, enqueueActions } from 'xstate';
import { actorName, baseContext, isRecord, isTextOrList, stamp, text, type BaseContext } from '../shared/context';
import { approvalMeta, CHASE_AGAIN, REVIEWED, workingDays } from '../shared/meta';
import { fieldGuards } from '../shared/field-checks';
import { escalate, procedureSetup, rejectTo } from '../shared/setup';
import type { FieldCheck, LocalText, ProcedureDefinition, ProcedureEffect, ProcedureEvent, StepMeta } from '../shared/types';

/** The plan as planning's SUBMIT carries it in `data.plan`; fields beyond the required ones are kept as sent. */
export interface SurveyPlan {
  period: string;
  sample: unknown;
  channels: string[];
  /** The questionnaire/survey the plan uses (`survey` or `questionnaire`). */
  survey?: unknown;
  questionnaire?: unknown;
  /** Percent. */
  targetReturnRate: number;
  [field: string]: unknown;
}

export interface SurveyFinding {
  title: string;
  detail?: string;
  productQuality: boolean;
  important: boolean;
}

export interface SurveyReport {
  conclusions: unknown;
  proposals: unknown;
  findings: SurveyFinding[];
  /** 1 for the first draft, +1 for each resubmission after NG. */
  revision: number;
}

export interface Waiver {
  reason: string;
  requestedBy: string;
  requestedAt: string;
  /** The return rate when the waiver was asked for, when the host knew it. */
  returnRate: number | null;
  approvedBy?: string;
  approvedAt?: string;
}

export interface SurveyContext extends BaseContext {
  plan: SurveyPlan | null;
  surveyId: string | null;
  dispatchedAt: string | null;
  /** The waiver asked for and awaiting decision (or last decided). */
  waiverRequest: Waiver | null;
  /** An approved waiver: collection may close below the target return rate. */
  waiver: Waiver | null;
  collection: { returnRate: number | null; targetReturnRate: number | null; waived: boolean; closedBy: string; at: string } | null;
  report: SurveyReport | null;
  acknowledged: { by: string; at: string } | null;
}

const PLAN: LocalText = { zh: '《客户满意度调查计划表》', en: 'Customer satisfaction survey plan' };
const QUESTIONNAIRE: LocalText = { zh: '《客户满意度调查表》', en: 'Customer satisfaction questionnaire' };
const REPORT: LocalText = { zh: '《客户满意度调查分析报告》', en: 'Customer satisfaction survey analysis report' };
// named, not numbered: the controlled document numbers its steps itself (domain.md's own list starts with "Start")
const REDRAFT: LocalText = { zh: '退回「编写分析报告」，重新起草报告', en: 'back to "Draft the analysis report": the coordinator redrafts it' };

/** Names the missing parts of a plan (domain section 2, step 2). Empty when the plan is complete. */
export function planProblems(plan: unknown): string[] {
  if (!isRecord(plan)) return ['plan'];
  const missing: string[] = [];
  if (!text(plan.period)) missing.push('period');
  const sample = plan.sample;
  if (!(text(sample) || (typeof sample === 'number' && sample > 0) || (isRecord(sample) && Object.keys(sample).length > 0))) missing.push('sample');
  if (!Array.isArray(plan.channels) || plan.channels.length === 0 || !plan.channels.every((c) => text(c))) missing.push('channels');
  const survey = plan.survey ?? plan.questionnaire;
  if (!(text(survey) || (isRecord(survey) && Object.keys(survey).length > 0))) missing.push('survey');
  const target = plan.targetReturnRate;
  if (typeof target !== 'number' || !(target > 0 && target <= 100)) missing.push('targetReturnRate');
  return missing;
}

/** What a finding lacks, as paths under `data.findings[i]`. */
function findingProblems(f: unknown, at: string): string[] {
  if (!isRecord(f)) return [at];
  const missing: string[] = [];
  if (text(f.title) === null) missing.push(`${at}.title`);
  if (f.detail !== undefined && typeof f.detail !== 'string') missing.push(`${at}.detail`);
  if (typeof f.productQuality !== 'boolean') missing.push(`${at}.productQuality`);
  if (typeof f.important !== 'boolean') missing.push(`${at}.important`);
  return missing;
}

/** Names what a submitted report lacks (domain section 2, step 7). Empty when it is complete. */
export function reportProblems(data: Record<string, unknown> | undefined): string[] {
  if (!data) return ['data'];
  const missing: string[] = [];
  if (!isTextOrList(data.conclusions)) missing.push('data.conclusions');
  if (!isTextOrList(data.proposals)) missing.push('data.proposals');
  if (!Array.isArray(data.findings)) missing.push('data.findings');
  else data.findings.forEach((f, i) => missing.push(...findingProblems(f, `data.findings[${i}]`)));
  return missing;
}

const fieldChecks = {
  planComplete: ({ event }) => planProblems(event.data?.plan).map((f) => (f === 'plan' ? 'data.plan' : `data.plan.${f}`)),
  reportComplete: ({ event }) => reportProblems(event.data),
} satisfies Record<string, FieldCheck<SurveyContext>>;

function numberFact(event: ProcedureEvent, key: string): number | null {
  const v = event.facts?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The return-rate gate (domain section 2, step 5): the plan's target. Facts come from the survey module, never the client. */
function returnRate(context: SurveyContext, event: ProcedureEvent) {
  const rate = numberFact(event, 'returnRate');
  // the target the approver signed in the plan; the questionnaire's own only for a plan without one
  const target = context.plan?.targetReturnRate ?? numberFact(event, 'targetReturnRate');
  return { rate, target, reached: rate !== null && target !== null && rate >= target };
}

/** The complaint case a product-quality finding opens (domain section 2, step 11). */
function complaintFor(context: SurveyContext, finding: SurveyFinding, index: number): ProcedureEffect {
  return {
    type: 'effect.startChild',
    procedure: 'customer-complaint',
    title: finding.title,
    key: `finding-${index}`,
    data: {
      source: {
        procedure: 'annual-satisfaction-survey',
        instanceFinding: index,
        title: finding.title,
        ...(finding.detail !== undefined ? { detail: finding.detail } : {}),
        survey: context.title,
        surveyId: context.surveyId,
      },
      ...(context.scope ? { scope: context.scope } : {}),
    },
  };
}

const planApproval = approvalMeta({
  title: { zh: '批准调查计划', en: 'Approve the survey plan' },
  role: 'approver',
  author: 'planning',
  record: PLAN,
  onReject: { zh: '退回「编制调查计划」，按意见修改计划', en: 'back to "Compile the survey plan": the survey manager revises it' },
  deadline: workingDays(3, ['general_manager']),
  // Answers, the return-rate gate and the report all come from the plan's survey: approved without one, the plan could never leave dispatch.
  approveRule: {
    zh: '计划尚未关联调查问卷：请先为本计划创建调查（问卷），再批准',
    en: "the plan has no questionnaire yet: create this plan's survey (its questionnaire) before approving",
  },
});

const collecting: StepMeta = {
  title: { zh: '回收问卷', en: 'Collect the answers' },
  role: 'coordinator',
  outcomes: ['CLOSE_COLLECTION', 'REQUEST_WAIVER'],
  commentRequired: ['REQUEST_WAIVER'],
  rules: {
    CLOSE_COLLECTION: {
      zh: '回收率未达到计划目标，且没有已批准的豁免',
      en: 'the return rate is below the plan target and no waiver was approved',
    },
  },
  // The plan's window end: the engine arms deadlines from state entry, so the
  // default window is the documented quarter (April–June, October–December).
  deadline: { after: { months: 3 }, escalation: ['survey_manager', 'approver'], repeatAfter: CHASE_AGAIN },
  record: QUESTIONNAIRE,
};

const reportReview = approvalMeta({
  title: { zh: '审核分析报告', en: 'Review the analysis report' },
  role: 'survey_manager',
  author: 'reportDrafting',
  record: REPORT,
  onReject: REDRAFT,
  signedAs: REVIEWED,
  deadline: workingDays(3, ['approver', 'general_manager']),
});

const reportApproval = approvalMeta({
  title: { zh: '批准分析报告', en: 'Approve the analysis report' },
  role: 'approver',
  author: 'reportDrafting',
  record: REPORT,
  onReject: REDRAFT,
  deadline: workingDays(3, ['general_manager']),
});

const machine = procedureSetup<SurveyContext>()
  .extend({
    guards: {
      ...fieldGuards(fieldChecks),
      // the survey module's fact: the survey attached to this plan, whose questionnaire the approver signs
      hasQuestionnaire: ({ event }) => isRecord(event.facts?.questionnaire),
      mayCloseCollection: ({ context, event }) => context.waiver !== null || returnRate(context, event).reached,
      hasImportantFinding: ({ context }) => !!context.report?.findings.some((f) => f.important),
    },
    actions: {
      // A JSON copy: what was approved cannot change under the instance.
      storePlan: assign({ plan: ({ event }) => JSON.parse(JSON.stringify(event.data?.plan)) as SurveyPlan }),
      recordDispatch: assign({
        surveyId: ({ context, event }) => text(event.data?.surveyId) ?? context.surveyId,
        dispatchedAt: ({ event }) => event.at,
      }),
      requestWaiver: assign({
        waiverRequest: ({ event }) => ({
          reason: event.comment ?? '',
          requestedBy: actorName(event),
          requestedAt: event.at,
          returnRate: numberFact(event, 'returnRate'),
        }),
      }),
      grantWaiver: assign({
        waiver: ({ context, event }) => (context.waiverRequest ? { ...context.waiverRequest, approvedBy: actorName(event), approvedAt: event.at } : null),
      }),
      closeCollection: assign({
        collection: ({ context, event }) => {
          const { rate, target, reached } = returnRate(context, event);
          return { returnRate: rate, targetReturnRate: target, waived: !reached, closedBy: actorName(event), at: event.at };
        },
      }),
      storeReport: assign({
        report: ({ context, event }) => {
          const { conclusions, proposals, findings } = JSON.parse(JSON.stringify(event.data)) as Omit<SurveyReport, 'revision'>;
          return { conclusions, proposals, findings, revision: (context.report?.revision ?? 0) + 1 };
        },
      }),
      // Step 10: the quality department gets a copy and files it as management-review input.
      copyToQuality: emit(({ context }): ProcedureEffect => ({
        type: 'effect.notify',
        role: 'quality',
        message: {
          zh: `「${context.title}」分析报告已批准，请存档作为管理评审输入`,
          en: `"${context.title}": the analysis report is approved; file it as management-review input`,
        },
        key: `report-copy-${context.report?.revision ?? 0}`,
      })),
      recordAcknowledgement: assign({ acknowledged: ({ event }) => stamp(event) }),
      routeFindings: enqueueActions(({ context, enqueue }) => {
        context.report?.findings.forEach((finding, index) => {
          if (finding.productQuality) enqueue.emit(complaintFor(context, finding, index));
        });
      }),
    },
  })
  .createMachine({
    id: 'annual-satisfaction-survey',
    context: ({ input }) => ({
      ...baseContext(input),
      plan: null,
      surveyId: null,
      dispatchedAt: null,
      waiverRequest: null,
      waiver: null,
      collection: null,
      report: null,
      acknowledged: null,
    }),
    initial: 'planning',
    states: {
      planning: {
        meta: {
          title: { zh: '编制调查计划', en: 'Compile the survey plan' },
          role: 'survey_manager',
          outcomes: ['SUBMIT'],
          rules: {
            SUBMIT: {
              zh: '计划须写明期间、样本、调查方式、问卷和目标回收率',
              en: 'the plan must name period, sample, channels, survey/questionnaire and target return rate',
            },
          },
          record: PLAN,
        },
        on: { SUBMIT: { guard: 'planComplete', target: 'planApproval', actions: 'storePlan' } },
      },
      planApproval: {
        meta: planApproval,
        on: {
          APPROVE: { guard: 'hasQuestionnaire', target: 'dispatching' },
          REJECT: rejectTo('planning', 'planApproval'),
          DEADLINE: escalate(planApproval),
        },
      },
      dispatching: {
        meta: {
          title: { zh: '发送调查表', en: 'Send the questionnaires' },
          role: 'coordinator',
          outcomes: [],
          // The survey module sends it once every invitation is out (each recipient has a channel).
          systemEvents: ['DISPATCHED'],
          record: QUESTIONNAIRE,
        },
        on: { DISPATCHED: { target: 'collecting', actions: 'recordDispatch' } },
      },
      collecting: {
        meta: collecting,
        on: {
          CLOSE_COLLECTION: { guard: 'mayCloseCollection', target: 'reportDrafting', actions: 'closeCollection' },
          REQUEST_WAIVER: { target: 'waiverApproval', actions: 'requestWaiver' },
          // The window has ended: close when the gate allows it, otherwise chase up the ladder.
          DEADLINE: [{ guard: 'mayCloseCollection', target: 'reportDrafting', actions: 'closeCollection' }, escalate(collecting)],
        },
      },
      waiverApproval: {
        meta: approvalMeta({
          title: { zh: '批准回收率豁免', en: 'Approve the return-rate waiver' },
          role: 'approver',
          author: 'collecting',
          record: { zh: '回收率豁免申请', en: 'Return-rate waiver request' },
          onReject: { zh: '回到回收问卷，继续催收', en: 'back to collection: keep following up until the target is reached' },
          signedAs: { zh: '批准豁免', en: 'waiver approved' },
        }),
        on: {
          APPROVE: { target: 'collecting', actions: 'grantWaiver' },
          REJECT: rejectTo('collecting', 'waiverApproval'),
        },
      },
      reportDrafting: {
        meta: {
          title: { zh: '编写分析报告', en: 'Draft the analysis report' },
          role: 'coordinator',
          outcomes: ['SUBMIT'],
          rules: {
            SUBMIT: {
              zh: '报告须包含结论、改进建议和发现项（每项有标题、是否产品质量问题、是否重要）',
              en: 'the report needs conclusions, proposals and findings (each with title, productQuality and important)',
            },
          },
          record: REPORT,
        },
        on: { SUBMIT: { guard: 'reportComplete', target: 'reportReview', actions: 'storeReport' } },
      },
      reportReview: {
        meta: reportReview,
        on: {
          APPROVE: 'reportApproval',
          REJECT: rejectTo('reportDrafting', 'reportReview'),
          DEADLINE: escalate(reportReview),
        },
      },
      reportApproval: {
        meta: reportApproval,
        on: {
          APPROVE: 'distribution',
          REJECT: rejectTo('reportDrafting', 'reportApproval'),
          DEADLINE: escalate(reportApproval),
        },
      },
      distribution: {
        meta: {
          title: { zh: '分发报告', en: 'Distribute the report' },
          role: 'management_rep',
          outcomes: ['ACKNOWLEDGE'],
          record: REPORT,
        },
        entry: 'copyToQuality',
        on: {
          ACKNOWLEDGE: [
            { guard: 'hasImportantFinding', target: 'gmApproval', actions: 'recordAcknowledgement' },
            { target: 'routing', actions: 'recordAcknowledgement' },
          ],
        },
      },
      gmApproval: {
        meta: approvalMeta({
          title: { zh: '总经理批准重要发现', en: 'General manager approves the important findings' },
          role: 'general_manager',
          author: 'reportDrafting',
          record: REPORT,
          onReject: REDRAFT,
        }),
        on: {
          APPROVE: 'routing',
          REJECT: rejectTo('reportDrafting', 'gmApproval'),
        },
      },
      routing: {
        meta: { title: { zh: '转客户投诉作业流程', en: 'Route product-quality findings to complaints' } },
        entry: 'routeFindings',
        always: 'completed',
      },
      completed: {
        type: 'final',
        meta: { title: { zh: '结束', en: 'Completed' } },
      },
    },
  });

export const annualSatisfactionSurvey: ProcedureDefinition = {
  key: 'annual-satisfaction-survey',
  version: 1,
  title: { zh: '客户满意度调查作业流程', en: 'Annual customer satisfaction survey' },
  purpose: {
    zh: '按计划调查顾客对公司产品和服务的满意程度，分析结果并提出改进，产品质量问题转客户投诉作业流程处理（ISO 9001:2015 第 9.1.2 条）。',
    en: 'Survey, on an approved plan, how satisfied customers are with the products and services, analyse the results and propose improvements; product-quality findings open complaint cases (ISO 9001:2015 clause 9.1.2).',
  },
  documentNo: 'SJ-P-C-04',
  roles: ['survey_manager', 'approver', 'coordinator', 'management_rep', 'general_manager', 'quality'],
  // the plan's approver, or the procedure's owner, withdraws a plan raised by mistake
  cancellers: ['approver', 'process_owner'],
  machine,
  fieldChecks,
};
