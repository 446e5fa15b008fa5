import { submittedText } from './context';
import type { FieldCheck } from './types';

/**
 * Guards made from field checks: a guard passes when its check names nothing. The
 * procedure also exports the checks as its definition's `fieldChecks`, and the engine
 * runs the same ones to name the fields in a refusal.
 */
export function fieldGuards<C, K extends string>(checks: Record<K, FieldCheck<C>>): Record<K, (args: Parameters<FieldCheck<C>>[0]) => boolean> {
  const entries = Object.entries<FieldCheck<C>>(checks).map(([name, check]) => [name, (args: Parameters<FieldCheck<C>>[0]) => check(args).length === 0]);
  return Object.fromEntries(entries) as Record<K, (args: Parameters<FieldCheck<C>>[0]) => boolean>;
}

/** A check for one free text, given in `data.<field>` or as the event's comment. */
export const needsText =
  (field: string): FieldCheck =>
  ({ event }) =>
    submittedText(event, field) !== null ? [] : [`data.${field}`];
