import type { LocalMessage } from '@satisflow/http';
import type { ProcedureDefinition, ProcedureEvent } from '../definitions/procedure-definition';
import { guardsFor } from './step-meta';
import { valueAt } from './value-at';

export interface FieldProblem {
  field: string;
  rule: 'required' | 'invalid';
  message: LocalMessage;
}

const absent = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Why the guards of a refused event refused it, field by field, from the procedure's own
 * field checks (the checks the guards are made of). Empty when no field check applies
 * (e.g. the return-rate gate, which is about facts, not what the client sent).
 */
export function refusedFields(def: ProcedureDefinition, state: string, event: ProcedureEvent, context: unknown): FieldProblem[] {
  const checks = def.fieldChecks;
  if (!checks) return [];
  const fields = guardsFor(def.machine, state, event.type).flatMap((guard) => checks[guard]?.({ context, event }) ?? []);
  return [...new Set(fields)].map((field) =>
    absent(valueAt(event, field))
      ? { field, rule: 'required', message: { en: `${field} is required to ${event.type}`, zh: `${event.type} 须填写 ${field}` } }
      : { field, rule: 'invalid', message: { en: `${field} is not valid for ${event.type}`, zh: `${field} 的值不符合 ${event.type} 的要求` } },
  );
}
