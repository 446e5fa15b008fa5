/**
 * Management-review input (管理评审输入); domain.md section 6,
 * procedures.md `management-review`. ISO 9001:2015 clause 9.3.
 */
import { assign, enqueueActions } from 'xstate';
import { baseContext, isRecord, stamp, text, type BaseContext } from '../shared/context';
import { approvalMeta } from '../shared/meta';
import { fieldGuards } from '../shared/field-checks';
import { procedureSetup, rejectTo } from '../shared/setup';
import type { FieldCheck, FieldRefusal, LocalText, ProcedureDefinition, ProcedureEffect, ProcedureEvent } from '../shared/types';

/**
 * The sections §6 asks of a pack. The server compiles them for a period (libs/reviews);
 * the quality department submits what it was shown, and the engine's `pack` fact
 * (the server's own compilation at SUBMIT) must hash alike, so the frozen figures are
 * the system's, never retyped or stale ones.
 */
export const PACK_SECTIONS = ['period', 'surveys', 'complaints', 'correctiveActions', 'composite'] as const;

export interface ManagementReviewContext extends BaseContext {
  /** The period's label ("2026", "2026-01-01/2026-06-30"). */
  period: string | null;
  /**
   * The pack as submitted (survey reports and trends, complaint statistics and SLA
   * compliance, corrective-action status, composite figure): a JSON copy, so later
   * changes to its sources do not change it.
   */
  pack: Record<string, unknown> | null;
  /** SHA-256 of the frozen pack (canonical JSON of its sections), as the server computed it at SUBMIT. */
  packHash: string | null;
  /** 1 for the first pack, +1 for each recompilation after NG. */
  packRevision: number;
  submitted: { by: string; at: string } | null;
  /** The general manager's sign-off names the revision and hash it signs. */
  signedOff: { by: string; at: string; packRevision: number; packHash: string | null } | null;
  /** The review's outputs (ISO 9001 9.3.3), recorded with the sign-off; those marked open a corrective action each. */
  decisions: ReviewDecision[];
}

export interface ReviewDecision {
  /** 1-based, as the corrective action's `source.decision` names it. */
  number: number;
  decision: string;
  correctiveAction: boolean;
}

/** A review's outputs fit on a page: more than this is a pasted document, not decisions. */
export const MAX_DECISIONS = 30;
const MAX_DECISION_LENGTH = 1000;

const PACK: LocalText = { zh: '《管理评审输入》', en: 'Management review input pack' };

/** The engine's `pack` fact: at SUBMIT, the server's hash of its compilation and of the submitted sections; at the sign-off, the frozen pack's. */
function packFact(event: ProcedureEvent): { hash: string; submittedHash?: string } | null {
  const fact = event.facts?.pack;
  return isRecord(fact) && typeof fact.hash === 'string' ? { hash: fact.hash, ...(typeof fact.submittedHash === 'string' ? { submittedHash: fact.submittedHash } : {}) } : null;
}

function packProblems(event: ProcedureEvent): string[] {
  const pack = event.data?.pack;
  const missing = PACK_SECTIONS.filter((k) => !isRecord(pack) || !isRecord(pack[k])).map((k) => `data.pack.${k}`);
  if (missing.length) return missing;
  const compiled = packFact(event);
  // no compilation: the period names no year or date range
  if (!compiled) return ['data.pack.period'];
  return compiled.submittedHash === compiled.hash ? [] : ['data.pack'];
}

const SIGN_CHANGED_PACK: LocalText = {
  zh: '评审输入包自提交后已被改动，其哈希值与提交时不一致，不能签署',
  en: 'the pack changed after it was submitted: its hash differs from the one recorded at SUBMIT, so it cannot be signed',
};

/**
 * `data.decisions` (optional): the review's outputs, each `{ decision, correctiveAction? }`.
 * Each problem names its item, so the form can point at the line.
 */
function decisionProblems(event: ProcedureEvent): FieldRefusal[] {
  const given = event.data?.decisions;
  if (given === undefined || given === null) return [];
  if (!Array.isArray(given)) return [{ field: 'data.decisions', reason: { zh: '须为决定的列表', en: 'must be a list of decisions' } }];
  if (given.length > MAX_DECISIONS) return [{ field: 'data.decisions', reason: { zh: `最多 ${MAX_DECISIONS} 项`, en: `at most ${MAX_DECISIONS} decisions` } }];
  return given.flatMap((d: unknown, i): FieldRefusal[] => {
    const at = `data.decisions[${i}]`;
    if (!isRecord(d)) return [{ field: at, reason: { zh: '须为 { decision, correctiveAction }', en: 'must be { decision, correctiveAction }' } }];
    const problems: FieldRefusal[] = [];
    const decision = text(d.decision);
    if (decision === null) problems.push(`${at}.decision`);
    else if (decision.length > MAX_DECISION_LENGTH) problems.push({ field: `${at}.decision`, reason: { zh: `最多 ${MAX_DECISION_LENGTH} 字`, en: `at most ${MAX_DECISION_LENGTH} characters` } });
    if (d.correctiveAction !== undefined && typeof d.correctiveAction !== 'boolean') problems.push({ field: `${at}.correctiveAction`, reason: { zh: '须为 true 或 false', en: 'must be true or false' } });
    return problems;
  });
}

function decisionsOf(event: ProcedureEvent): ReviewDecision[] {
  const given = Array.isArray(event.data?.decisions) ? (event.data.decisions as Record<string, unknown>[]) : [];
  return given.map((d, i) => ({ number: i + 1, decision: text(d.decision) ?? '', correctiveAction: d.correctiveAction === true }));
}

/** Domain.md section 5: a corrective action raised from a management-review decision, linked as a child. */
function correctiveActionFor(context: ManagementReviewContext, d: ReviewDecision): ProcedureEffect {
  return {
    type: 'effect.startChild',
    procedure: 'corrective-action',
    title: `管理评审决定 ${d.number}：${d.decision}`.slice(0, 200),
    key: `corrective-action-decision-${d.number}`,
    data: {
      source: { procedure: 'management-review', title: context.title, period: context.period, decision: d.number, text: d.decision },
      ...(context.scope ? { scope: context.scope } : {}),
    },
  };
}

/** Domain.md section 1: the management representative owns the management-review input, so is told when it is signed. */
function archivedNotice(context: ManagementReviewContext, decisions: ReviewDecision[]): ProcedureEffect {
  const actions = decisions.filter((d) => d.correctiveAction).length;
  return {
    type: 'effect.notify',
    role: 'management_rep',
    message: {
      zh: `「${context.title}」已由总经理签署归档：评审决定 ${decisions.length} 项，其中 ${actions} 项已发起纠正措施`,
      en: `"${context.title}" was signed by the general manager and archived: ${decisions.length} decision(s), ${actions} with a corrective action opened`,
    },
    key: 'archived',
  };
}

const fieldChecks = {
  packComplete: ({ event }) => packProblems(event),
  // what the general manager signs still hashes as it did at SUBMIT (a pack frozen before packs were hashed has no hash to compare)
  signOffComplete: ({ context, event }) => [
    ...(context.packHash === null || packFact(event)?.hash === context.packHash ? [] : [{ reason: SIGN_CHANGED_PACK }]),
    ...decisionProblems(event),
  ],
} satisfies Record<string, FieldCheck<ManagementReviewContext>>;

const machine = procedureSetup<ManagementReviewContext>()
  .extend({
    guards: fieldGuards(fieldChecks),
    actions: {
      freezePack: assign(({ context, event }) => {
        const submitted = event.data?.pack as Record<string, unknown>;
        const pack = JSON.parse(JSON.stringify(Object.fromEntries(PACK_SECTIONS.map((k) => [k, submitted[k]])))) as Record<string, unknown>;
        const period = isRecord(pack.period) ? text(pack.period.label) : null;
        return { pack, packHash: packFact(event)?.hash ?? null, period: period ?? context.period, packRevision: context.packRevision + 1, submitted: stamp(event) };
      }),
      signOff: enqueueActions(({ context, event, enqueue }) => {
        const decisions = decisionsOf(event);
        enqueue.assign({ signedOff: { ...stamp(event), packRevision: context.packRevision, packHash: context.packHash }, decisions });
        for (const d of decisions) if (d.correctiveAction) enqueue.emit(correctiveActionFor(context, d));
        enqueue.emit(archivedNotice(context, decisions));
      }),
    },
  })
  .createMachine({
    id: 'management-review',
    context: ({ input }) => ({
      ...baseContext(input),
      period: text(input.data?.period),
      pack: null,
      packHash: null,
      packRevision: 0,
      submitted: null,
      signedOff: null,
      decisions: [],
    }),
    initial: 'compiling',
    states: {
      compiling: {
        meta: {
          title: { zh: '汇编管理评审输入', en: 'Compile the review pack' },
          role: 'quality',
          outcomes: ['SUBMIT'],
          rules: {
            SUBMIT: {
              zh: '评审输入包须包含期间、满意度调查、投诉、纠正措施和综合满意度各部分（data.pack.period、surveys、complaints、correctiveActions、composite），且与系统按该期间汇编的结果一致；数据已变化或被改动时请重新汇编',
              en: 'the pack needs its period, surveys, complaints, corrective actions and composite sections (data.pack.period, surveys, complaints, correctiveActions, composite) exactly as the server compiles them for the period; figures that changed since or were edited are refused: compile it again',
            },
          },
          record: PACK,
        },
        on: { SUBMIT: { guard: 'packComplete', target: 'review', actions: 'freezePack' } },
      },
      review: {
        meta: approvalMeta({
          title: { zh: '总经理评审并签署', en: 'General manager reviews and signs' },
          role: 'general_manager',
          author: 'compiling',
          record: PACK,
          onReject: { zh: '退回品质部重新汇编', en: 'back to the quality department to recompile the pack' },
          approveRule: {
            zh: `${SIGN_CHANGED_PACK.zh}。评审决定（可选，data.decisions：每项 { decision, correctiveAction }，最多 ${MAX_DECISIONS} 项）随签署记录；标记 correctiveAction 的决定各发起一项纠正措施`,
            en: `${SIGN_CHANGED_PACK.en}. The review's decisions (optional, data.decisions: each { decision, correctiveAction }, at most ${MAX_DECISIONS}) are recorded with the sign-off; each marked correctiveAction opens a corrective action`,
          },
        }),
        on: {
          APPROVE: { guard: 'signOffComplete', target: 'archived', actions: 'signOff' },
          REJECT: rejectTo('compiling', 'review'),
        },
      },
      archived: {
        type: 'final',
        meta: { title: { zh: '归档', en: 'Archived' }, record: PACK },
      },
    },
  });

export const managementReview: ProcedureDefinition = {
  key: 'management-review',
  version: 1,
  title: { zh: '管理评审输入', en: 'Management review input' },
  purpose: {
    zh: '品质部按期汇编顾客满意度调查报告及趋势、投诉统计和时限达成、纠正措施状态和综合满意度，总经理评审签署后连同证据归档（ISO 9001:2015 第 9.3 条）。',
    en: 'For a period, the quality department compiles the approved survey reports and trends, complaint statistics and SLA compliance, corrective-action status and the composite satisfaction figure; the general manager reviews and signs, and the pack is archived with its evidence (ISO 9001:2015 clause 9.3).',
  },
  roles: ['quality', 'general_manager', 'management_rep'],
  // quality compiles; the management representative, who owns the input (domain.md section 1), may open one for it too
  starters: ['quality', 'management_rep'],
  // the review's chair, and the input's owner
  cancellers: ['general_manager', 'management_rep'],
  machine,
  fieldChecks,
};
