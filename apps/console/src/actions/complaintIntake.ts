import { givenFields, givenText, isRecord } from '../components/text';

/** What the complaint record (《客户投诉处理记录》) names before dispatch (workflows/customer-complaint/intake.ts). */
export const INTAKE_FIELDS = ['customer', 'channel', 'description'] as const;

export type IntakeField = (typeof INTAKE_FIELDS)[number];

/** How a complaint reaches the desk (domain section 3); a case routed from a survey comes with its finding instead. */
export const COMPLAINT_CHANNELS = ['phone', 'web', 'visit', 'email'] as const;

/** The intake fields a case's record still lacks (none for a case routed from a survey finding: its source is its record). */
export function missingIntake(data: Record<string, unknown> | undefined): IntakeField[] {
  if (!data || isRecord(data.source)) return [];
  const intake = isRecord(data.intake) ? data.intake : {};
  return INTAKE_FIELDS.filter((f) => !givenText(intake[f]));
}

/** The intake fields given, trimmed; empty ones left out so that what the start recorded stays. */
export function intakeData(v: Partial<Record<IntakeField, string>>): Partial<Record<IntakeField, string>> {
  return givenFields(v, INTAKE_FIELDS);
}
