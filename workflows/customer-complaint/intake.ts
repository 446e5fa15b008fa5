import { text } from '../shared/context';
import type { ProcedureEvent } from '../shared/types';

/** What the complaint record (《客户投诉处理记录》) must name before the case is dispatched. */
export const INTAKE_FIELDS = ['customer', 'channel', 'description'] as const;

/**
 * The intake fields neither the start nor this event gives, as paths into the event
 * (the desk may complete the record in DISPATCH's data). A case routed from a survey
 * finding needs none: its `source` (the finding, the survey) is its record.
 */
export function missingIntake(intake: Record<string, unknown>, source: Record<string, unknown> | null, event: ProcedureEvent): string[] {
  if (source) return [];
  return INTAKE_FIELDS.filter((f) => text(event.data?.[f]) === null && text(intake[f]) === null).map((f) => `data.${f}`);
}

/** The intake completed with what the event gives; what the start recorded is kept unless given again. */
export function completedIntake(intake: Record<string, unknown>, event: ProcedureEvent): Record<string, unknown> {
  const given = INTAKE_FIELDS.flatMap((f) => (text(event.data?.[f]) === null ? [] : [[f, text(event.data?.[f])] as const]));
  return { ...intake, ...Object.fromEntries(given) };
}
