import { hasRole, type Actor, type RoleKey } from '@satisflow/identity';
import type { StepMeta } from '../definitions/procedure-definition';

/** Why an event may not be sent now; the HTTP layer maps `status` as api.md says. */
export interface Refusal {
  status: 403 | 422;
  message: string;
  details?: { field: string; rule: string; message: string }[];
}

export interface StepRequest {
  state: string;
  meta: StepMeta | undefined;
  event: string;
  /** A person, or undefined for the system (timers, other modules, the outbox). */
  actor?: Actor;
  /** Who last acted in each state of this instance. */
  stepActors: Record<string, string>;
  comment?: string;
  signed: boolean;
  /** Scope of the instance (organisation unit), when it has one. */
  scope?: string;
}

/** Roles that may look at everything and change nothing. */
const READ_ONLY_ROLES: RoleKey[] = ['auditor'];

/**
 * The procedure's rules about who may send which event, checked before the
 * machine sees it: the machine decides what the event does, this decides
 * whether this person may send it at all.
 */
export function checkStep(r: StepRequest): Refusal | null {
  const meta = r.meta;
  if (r.event === 'DEADLINE' || meta?.systemEvents?.includes(r.event)) {
    return r.actor ? { status: 403, message: `${r.event} is sent by the system, not by a person` } : null;
  }
  if (!r.actor) return null;
  if (!meta?.role) return { status: 422, message: `state ${r.state} has no human step; nobody can act in it` };
  if (!hasRole(r.actor, meta.role, r.scope)) {
    const readOnly = r.actor.roles.every((g) => READ_ONLY_ROLES.includes(g.role));
    return {
      status: 403,
      message: readOnly
        ? `role ${r.actor.roles.map((g) => g.role).join(', ')} may read but not act`
        : `only role ${meta.role}${r.scope ? ` (scope ${r.scope})` : ''} may act in ${r.state}`,
    };
  }
  for (const prior of meta.separateFrom ?? []) {
    if (r.stepActors[prior] === r.actor.id) {
      return {
        status: 403,
        message: `separation of duties: you prepared this document in ${prior}, so you may not decide on it in ${r.state}`,
      };
    }
  }
  if (meta.commentRequired?.includes(r.event) && !r.comment?.trim()) {
    return {
      status: 422,
      message: `${r.event} in ${r.state} needs a comment giving the reason`,
      details: [{ field: 'comment', rule: 'requiredFor' + r.event, message: `a non-empty comment is required to ${r.event}` }],
    };
  }
  if (meta.signed?.[r.event] && !r.signed) {
    return {
      status: 422,
      message: `${r.event} in ${r.state} must be signed`,
      details: [{ field: 'signature', rule: 'requiredFor' + r.event, message: 'send signature { password, meaning }' }],
    };
  }
  return null;
}

/** The outcomes this person could send now (for buttons and `availableEvents`). */
export function availableOutcomes(r: Omit<StepRequest, 'event' | 'comment' | 'signed'>): string[] {
  if (!r.actor || !r.meta?.role) return [];
  // spelled out: `{ ...r, event }` took V8 (Node 20) microseconds (a spread followed by more
  // properties leaves its fast path), and this runs for every instance view
  const { state, meta, actor, stepActors, scope } = r;
  return (meta.outcomes ?? []).filter(
    (event) => checkStep({ state, meta, actor, stepActors, scope, event, comment: 'x', signed: true }) === null,
  );
}
