/**
 * Management-review input (管理评审输入); domain.md section 6,
 * procedures.md `management-review`. ISO 9001:2015 clause 9.3.
 */
import { assign } from 'xstate';
import { baseContext, isRecord, stamp, text, type BaseContext } from '../shared/context';
import { approvalMeta } from '../shared/meta';
import { fieldGuards } from '../shared/field-checks';
import { procedureSetup, rejectTo } from '../shared/setup';
import type { FieldCheck, LocalText, ProcedureDefinition } from '../shared/types';

export interface ManagementReviewContext extends BaseContext {
  period: string | null;
  /**
   * The pack as submitted (survey reports and trends, complaint statistics and SLA
   * compliance, corrective-action status, composite figure): a JSON copy, so later
   * changes to its sources do not change it.
   */
  pack: Record<string, unknown> | null;
  /** 1 for the first pack, +1 for each recompilation after NG. */
  packRevision: number;
  submitted: { by: string; at: string } | null;
  signedOff: { by: string; at: string } | null;
}

const PACK: LocalText = { zh: '《管理评审输入》', en: 'Management review input pack' };

const fieldChecks = {
  hasPack: ({ event }) => (isRecord(event.data?.pack) && Object.keys(event.data.pack).length > 0 ? [] : ['data.pack']),
} satisfies Record<string, FieldCheck<ManagementReviewContext>>;

const machine = procedureSetup<ManagementReviewContext>()
  .extend({
    guards: fieldGuards(fieldChecks),
    actions: {
      freezePack: assign(({ context, event }) => {
        const pack = JSON.parse(JSON.stringify(event.data?.pack)) as Record<string, unknown>;
        return { pack, period: text(pack.period) ?? context.period, packRevision: context.packRevision + 1, submitted: stamp(event) };
      }),
      signOff: assign({ signedOff: ({ event }) => stamp(event) }),
    },
  })
  .createMachine({
    id: 'management-review',
    context: ({ input }) => ({
      ...baseContext(input),
      period: text(input.data?.period),
      pack: null,
      packRevision: 0,
      submitted: null,
      signedOff: null,
    }),
    initial: 'compiling',
    states: {
      compiling: {
        meta: {
          title: { zh: '汇编管理评审输入', en: 'Compile the review pack' },
          role: 'quality',
          outcomes: ['SUBMIT'],
          rules: { SUBMIT: { zh: '须提交评审输入包（data.pack）', en: 'the pack is required (data.pack)' } },
          record: PACK,
        },
        on: { SUBMIT: { guard: 'hasPack', target: 'review', actions: 'freezePack' } },
      },
      review: {
        meta: approvalMeta({
          title: { zh: '总经理评审并签署', en: 'General manager reviews and signs' },
          role: 'general_manager',
          author: 'compiling',
          record: PACK,
          onReject: { zh: '退回品质部重新汇编', en: 'back to the quality department to recompile the pack' },
        }),
        on: {
          APPROVE: { target: 'archived', actions: 'signOff' },
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
  roles: ['quality', 'general_manager'],
  machine,
  fieldChecks,
};
