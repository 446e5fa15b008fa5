import { text } from '../shared/context';
import type { FieldRefusal, LocalText, ProcedureEvent } from '../shared/types';

/** What the complaint record (《客户投诉处理记录》) must name before the case is dispatched. */
export const INTAKE_FIELDS = ['customer', 'channel', 'description'] as const;

/**
 * What the desk received (domain.md section 3: the intake point records "every complaint or
 * repair request"): optional, and counted by type in the management-review pack when given.
 */
export const INTAKE_TYPES = ['complaint', 'repair'] as const;
const NOT_A_TYPE: LocalText = { zh: '须为 complaint（投诉）或 repair（报修）', en: 'must be complaint or repair (a repair request)' };

/** The fields the record keeps: the required ones and the optional type. */
const KEPT = [...INTAKE_FIELDS, 'type'] as const;

/**
 * The intake fields neither the start nor this event gives, as paths into the event
 * (the desk may complete the record in DISPATCH's data), and a type that is none of
 * INTAKE_TYPES. A case routed from a survey finding needs none: its `source` (the
 * finding, the survey) is its record.
 */
export function missingIntake(intake: Record<string, unknown>, source: Record<string, unknown> | null, event: ProcedureEvent): FieldRefusal[] {
  const type = event.data?.type ?? intake.type;
  const badType: FieldRefusal[] =
    type === undefined || type === null || (INTAKE_TYPES as readonly unknown[]).includes(type) ? [] : [{ field: 'data.type', reason: NOT_A_TYPE }];
  if (source) return badType;
  return [...INTAKE_FIELDS.filter((f) => text(event.data?.[f]) === null && text(intake[f]) === null).map((f) => `data.${f}`), ...badType];
}

/** The intake completed with what the event gives; what the start recorded is kept unless given again. */
export function completedIntake(intake: Record<string, unknown>, event: ProcedureEvent): Record<string, unknown> {
  const given = KEPT.flatMap((f) => (text(event.data?.[f]) === null ? [] : [[f, text(event.data?.[f])] as const]));
  return { ...intake, ...Object.fromEntries(given) };
}
