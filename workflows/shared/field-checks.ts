import { submittedText } from './context';
import type { FieldCheck } from './types';

type GuardArgs<C> = Parameters<FieldCheck<C>>[0];

/**
 * Guards made from field checks: a guard passes when its check names nothing. The
 * procedure also exports the checks as its definition's `fieldChecks`, and the engine
 * runs the same ones to name the fields in a refusal. `also` is a condition the guards
 * need besides the fields and which names no field (e.g. a date not yet reached): the
 * step's `rules` text explains that refusal.
 */
export function fieldGuards<C, K extends string>(
  checks: Record<K, FieldCheck<C>>,
  also: (args: GuardArgs<C>) => boolean = () => true,
): Record<K, (args: GuardArgs<C>) => boolean> {
  const entries = Object.entries<FieldCheck<C>>(checks).map(([name, check]) => [name, (args: GuardArgs<C>) => also(args) && check(args).length === 0]);
  return Object.fromEntries(entries) as Record<K, (args: GuardArgs<C>) => boolean>;
}

/** A check for one free text, given in `data.<field>` or as the event's comment. */
export const needsText =
  (field: string): FieldCheck =>
  ({ event }) =>
    submittedText(event, field) !== null ? [] : [`data.${field}`];
