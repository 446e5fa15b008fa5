import type { LocalMessage } from '@satisflow/http';
import type { LocalText, ProcedureDefinition, ProcedureEvent } from '../definitions/procedure-definition';
import { eventZh } from './step-names';
import { guardsFor } from './step-meta';
import { valueAt } from './value-at';

export interface FieldProblem {
  field: string;
  /** `required`, `invalid`, or the check's own rule (e.g. `disabledUser`). */
  rule: string;
  message: LocalMessage;
}

/** Why the guards of an event refused it. */
export interface GuardRefusal {
  /** The fields refused, for the 422's `details`. */
  details: FieldProblem[];
  /**
   * What the refusal's message says, when a check gave a reason: the conditions no field
   * carries, then every refused field's message (so a field without a reason is not left
   * out). Null when no check gave one: the step's rule text says it better then.
   */
  why: LocalText | null;
}

const absent = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Why the guards of a refused event refused it, field by field, from the procedure's own
 * field checks (the checks the guards are made of). Empty when no field check applies
 * (e.g. the return-rate gate, which is about facts, not what the client sent).
 */
export function guardRefusal(def: ProcedureDefinition, state: string, event: ProcedureEvent, context: unknown): GuardRefusal {
  const checks = def.fieldChecks;
  const found = checks ? guardsFor(def.machine, state, event.type).flatMap((guard) => checks[guard]?.({ context, event }) ?? []) : [];
  // each field once (with its reason when any check gave one), each condition once
  const fields = new Map<string, { reason: LocalText; rule?: string } | undefined>();
  const conditions = new Map<string, LocalText>();
  for (const r of found) {
    if (typeof r === 'string') {
      if (!fields.has(r)) fields.set(r, undefined);
    } else if (r.field === undefined) conditions.set(r.reason.en, r.reason);
    else if (!fields.get(r.field)) fields.set(r.field, r);
  }
  const details = [...fields].map(([field, said]): FieldProblem => {
    const rule = absent(valueAt(event, field)) ? 'required' : 'invalid';
    if (said) return { field, rule: said.rule ?? rule, message: { en: `${field}: ${said.reason.en}`, zh: `${field}：${said.reason.zh}` } };
    return rule === 'required'
      ? { field, rule, message: { en: `${field} is required to ${event.type}`, zh: `${eventZh(event.type)}须填写 ${field}` } }
      : { field, rule, message: { en: `${field} is not valid for ${event.type}`, zh: `${field} 的值不符合${eventZh(event.type)}的要求` } };
  });
  const explained = conditions.size > 0 || [...fields.values()].some(Boolean);
  const said = [...conditions.values(), ...details.map((d) => d.message)];
  return { details, why: explained ? { en: said.map((s) => s.en).join('; '), zh: said.map((s) => s.zh).join('；') } : null };
}
