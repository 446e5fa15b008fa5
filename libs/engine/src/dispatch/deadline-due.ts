import type { DeadlineMeta } from '../definitions/procedure-definition';
import { addDuration, dueMoment, type CalendarConfig } from '../time/business-calendar';
import { valueAt } from './value-at';

/**
 * When an escalation level's timer fires. Level 1 is the date the state's `dueAt` names in
 * the instance's context (an action plan's own due date), or `after` from entering the state
 * when it names none; each further level waits `repeatAfter` from the one before.
 */
export function deadlineDue(deadline: DeadlineMeta, level: number, context: Record<string, unknown>, now: Date, cal: CalendarConfig): Date {
  if (level > 1) return addDuration(now, deadline.repeatAfter ?? deadline.after, cal);
  return (deadline.dueAt && dueMoment(valueAt(context, deadline.dueAt.field), cal)) ?? addDuration(now, deadline.after, cal);
}
