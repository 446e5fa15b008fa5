import type { DeadlineMeta, LocalText, RoleKey, StepMeta } from './types';

export const APPROVED: LocalText = { zh: '批准', en: 'approved' };
/**
 * How often a long window (a quarter, two months, a month) is chased again once it
 * has passed: the procedures' usual 3-working-day response time, not the window again.
 */
export const CHASE_AGAIN = { workingDays: 3 };

export const REVIEWED: LocalText = { zh: '审核通过', en: 'reviewed' };

/** A deadline in working days (procedures.md: approvals take 3), escalated up the given ladder. */
export function workingDays(days: number, escalation: RoleKey[]): DeadlineMeta {
  return { after: { workingDays: days }, escalation };
}

export interface ApprovalOptions {
  title: LocalText;
  role: RoleKey;
  /** The state that produced the document: its author may not decide on it. */
  author: string;
  record: LocalText;
  onReject: LocalText;
  /** Meaning of the signature on APPROVE (default: approved). */
  signedAs?: LocalText;
  deadline?: DeadlineMeta;
  /** Why a guard may refuse APPROVE (shown in the 422), when the step has one. */
  approveRule?: LocalText;
}

/**
 * An approval step as procedures.md's conventions define it: APPROVE (signed)
 * or REJECT (with a reason), decided by someone other than the author.
 */
export function approvalMeta(o: ApprovalOptions): StepMeta {
  return {
    title: o.title,
    role: o.role,
    outcomes: ['APPROVE', 'REJECT'],
    signed: { APPROVE: o.signedAs ?? APPROVED },
    commentRequired: ['REJECT'],
    separateFrom: [o.author],
    record: o.record,
    onReject: o.onReject,
    ...(o.deadline ? { deadline: o.deadline } : {}),
    ...(o.approveRule ? { rules: { APPROVE: o.approveRule } } : {}),
  };
}
