import { hasRole, ROLES, type Actor, type RoleKey } from '@satisflow/identity';
import type { LocalText } from '../definitions/procedure-definition';
import type { Refusal } from './step-policy';

/**
 * Cancelling (withdrawing) a running instance: a duplicate complaint, a plan raised by
 * mistake. It is the engine's event, not a machine's: every procedure takes it in every
 * step, from the roles its definition names (`cancellers`), with a reason and a
 * signature, as an override must be (domain.md §7: the reason on every override).
 * The instance keeps its snapshot where it stopped and moves to the engine's own
 * terminal state, so every check that allows work in a named step (answers while
 * collecting, dispatching questionnaires, drafting a report) refuses it from then on.
 */
export const CANCEL = 'CANCEL';
export const CANCELLED_STATE = 'cancelled';
export const CANCELLED_TITLE: LocalText = { zh: '已取消', en: 'Cancelled' };

export interface CancelRequest {
  actor: Actor | undefined;
  cancellers: RoleKey[];
  /** The instance's organisation unit: a scoped canceller acts within it only. */
  scope?: string;
  comment?: string;
  signed: boolean;
}

/** The role in which this person may cancel, if any. */
export function cancellerRole(actor: Actor | undefined, cancellers: RoleKey[], scope: string | undefined): RoleKey | undefined {
  return actor ? cancellers.find((r) => hasRole(actor, r, scope)) : undefined;
}

/** Why this cancellation may not go ahead, or null. */
export function cancelRefusal(r: CancelRequest): Refusal | null {
  if (!r.actor) return { status: 403, message: { en: 'CANCEL is sent by a person, not by the system', zh: '「取消」须由人发出，不能由系统发出' } };
  if (!cancellerRole(r.actor, r.cancellers, r.scope)) {
    if (!r.cancellers.length) return { status: 422, message: { en: 'this procedure cannot be cancelled', zh: '此程序不能取消' } };
    const inScope = r.scope ? { en: ` of scope ${r.scope}`, zh: `（范围 ${r.scope}）` } : { en: '', zh: '' };
    return {
      status: 403,
      message: {
        en: `only ${r.cancellers.map((k) => `the ${ROLES[k].en.toLowerCase()} (${k})`).join(' or ')}${inScope.en} may cancel this instance`,
        zh: `只有${r.cancellers.map((k) => ROLES[k].zh).join('或')}${inScope.zh}可以取消此实例`,
      },
    };
  }
  if (!r.comment?.trim()) {
    return {
      status: 422,
      message: { en: 'CANCEL needs a comment giving the reason', zh: '「取消」须填写意见说明理由' },
      details: [{ field: 'comment', rule: 'requiredForCANCEL', message: { en: 'a non-empty comment is required to CANCEL', zh: '「取消」须填写意见' } }],
    };
  }
  if (!r.signed) {
    return {
      status: 422,
      message: { en: 'CANCEL must be signed', zh: '「取消」须电子签名' },
      details: [{ field: 'signature', rule: 'requiredForCANCEL', message: { en: 'send signature { password, meaning }', zh: '请提供签名 { password, meaning }（密码与签名含义）' } }],
    };
  }
  return null;
}
