import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, RoleKey } from '../roles';

export const IS_PUBLIC = 'satisflow:public';
export const REQUIRED_ROLES = 'satisflow:roles';

/** No access token needed (login, health, the public respondent form). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller must hold at least one of these roles. */
export const Roles = (...roles: RoleKey[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated caller, as resolved by the AuthGuard. */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest<{ actor: Actor }>().actor,
);
