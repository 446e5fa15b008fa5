import { submittedText, text } from './context';
import type { FieldCheck, FieldRefusal, LocalText, ProcedureEvent } from './types';

type GuardArgs<C> = Parameters<FieldCheck<C>>[0];

/**
 * Guards made from field checks: a guard passes when its check finds nothing. The
 * procedure also exports the checks as its definition's `fieldChecks`, and the engine
 * runs the same ones to name the fields and say the reasons in a refusal. `also` is a
 * condition that picks between transitions rather than refuses (e.g. a major works case
 * takes another branch), so it names no field and gives no reason.
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

/**
 * Why the host found a named person ineligible (its fact `<fact>Problem`), in the words
 * the refusal gives; without one, what eligibility means.
 */
const NOT_A_HANDLER: Record<'notEligible' | AssigneeProblem, LocalText> = {
  notEligible: { zh: '须为本范围内在职的投诉责任人', en: 'must be an active complaint handler of this scope' },
  unknownUser: { zh: '没有此用户名的用户', en: 'no user has this username' },
  disabledUser: { zh: '该用户已停用', en: 'this user is disabled' },
  lacksRole: { zh: '该用户不具有投诉责任人岗位', en: 'this user does not hold the complaint handler role' },
  outOfScope: { zh: '该用户的投诉责任人岗位不在本实例的范围内', en: "this user's complaint handler role is for another scope" },
};

export type AssigneeProblem = 'unknownUser' | 'disabledUser' | 'lacksRole' | 'outOfScope';

/**
 * A person named in `data.<field>` (a username) whom the next steps are assigned to: the
 * host looks the name up and passes it back as the fact `fact` when it is an active user
 * holding complaint_handler for the instance's scope, null when not (and why, as
 * `<fact>Problem`), so the client cannot claim it.
 */
export function namedHandlerProblems(event: ProcedureEvent, field: string, fact: string): FieldRefusal[] {
  const name = text(event.data?.[field]);
  if (name === null) return [`data.${field}`];
  if (event.facts?.[fact] === name) return [];
  const problem = event.facts?.[`${fact}Problem`];
  if (typeof problem === 'string' && Object.hasOwn(NOT_A_HANDLER, problem)) {
    return [{ field: `data.${field}`, reason: NOT_A_HANDLER[problem as AssigneeProblem], rule: problem }];
  }
  return [{ field: `data.${field}`, reason: NOT_A_HANDLER.notEligible }];
}
