import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { says } from '@satisflow/http';
import { READ_ONLY_ROLES, ROLES, type Actor } from './roles';

/** A verified bearer token's subject, before its account has been read. */
export interface TokenUser {
  id: string;
  username: string;
}

export function isActor(caller: Actor | TokenUser): caller is Actor {
  return 'roles' in caller;
}

/** A valid token whose account is gone or disabled: refused at once, though unexpired. */
export function inactiveAccount(): UnauthorizedException {
  return new UnauthorizedException(says('the account behind this token is not active', '此令牌对应的账户已停用'));
}

/** A caller holding only read-only roles (the auditor) changes nothing. */
export function refuseReadOnly(actor: Actor): void {
  if (actor.roles.every((g) => READ_ONLY_ROLES.includes(g.role))) {
    throw new ForbiddenException(
      says(
        `the roles ${actor.roles.map((g) => g.role).join(', ') || '(none)'} only read: this action changes data`,
        `${actor.roles.map((g) => ROLES[g.role].zh).join('、') || '（无角色）'}只能查看：此操作会修改数据`,
      ),
    );
  }
}

/**
 * What the AuthGuard checks of a data-changing request's account, for a route that
 * reads the account itself (AccountInUnit): active (401), and not read-only (403).
 */
export function mayChangeData(actor: Actor | null): Actor {
  if (!actor) throw inactiveAccount();
  refuseReadOnly(actor);
  return actor;
}
