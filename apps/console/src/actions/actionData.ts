import type { Dayjs } from 'dayjs';
import { givenText as given } from '../components/text';

/** The corrective action's plan as its form holds it. */
export interface ActionPlanValues {
  actions?: string[];
  owner?: string;
  dueDate?: Dayjs | null;
}

/** The effectiveness check's evidence as its form holds it. */
export interface EvidenceValues {
  verification?: string;
  score?: number | null;
}

/** A due date before today (the implementation would be overdue before it starts: the engine refuses it). */
export function isPastDay(day: Dayjs, today: Dayjs): boolean {
  return day.isBefore(today, 'day');
}

/** actionPlan's SUBMIT: the actions as a list, the owner's username, the due date as YYYY-MM-DD. */
export function actionPlanData(v: ActionPlanValues): Record<string, unknown> {
  return { actions: (v.actions ?? []).flatMap((a) => given(a) ?? []), owner: v.owner, dueDate: v.dueDate?.format('YYYY-MM-DD') };
}

/** EFFECTIVE's evidence: the verification and the score given (the engine reads either, or the comment). */
export function evidenceData(v: EvidenceValues): Record<string, unknown> | undefined {
  const verification = given(v.verification);
  const score = typeof v.score === 'number' ? v.score : undefined;
  return verification === undefined && score === undefined ? undefined : { ...(verification ? { verification } : {}), ...(score !== undefined ? { score } : {}) };
}

/** Whether the check records evidence: a verification, a score, or the comment. */
export function hasEvidence(v: EvidenceValues, comment: string | undefined): boolean {
  return evidenceData(v) !== undefined || !!given(comment);
}
