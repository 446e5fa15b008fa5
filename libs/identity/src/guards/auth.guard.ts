import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { says } from '@satisflow/http';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { refuseReadOnly, type TokenUser } from '../account-checks';
import { AuthService } from '../auth.service';
import { ROLES, type Actor, type RoleKey } from '../roles';
import { ACCOUNT_IN_UNIT, IS_PUBLIC, REQUIRED_ROLES } from './decorators';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(),
 * and the roles named by @Roles() on the handler or its controller. A caller
 * holding only read-only roles (the auditor) is refused every non-GET here, once,
 * so no endpoint can forget it; an @AccountInUnit() route has its unit of work
 * make these account checks instead (mayChangeData).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor; user?: TokenUser }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException(says('an access token is required (Authorization: Bearer <token>)', '需要访问令牌（Authorization: Bearer <token>）'));
    const required = this.reflector.getAllAndOverride<RoleKey[] | undefined>(REQUIRED_ROLES, targets);
    const user = await this.auth.verifyToken(match[1]);
    request.user = user;
    if (!required?.length && !SAFE_METHODS.includes(request.method) && this.reflector.getAllAndOverride<boolean>(ACCOUNT_IN_UNIT, targets)) {
      return true;
    }
    const actor = await this.auth.activeActor(user);
    request.actor = actor;
    // the roles a route names come first: their message says who may act
    if (required?.length && !actor.roles.some((g) => required.includes(g.role))) {
      throw new ForbiddenException(says(`this action needs one of the roles: ${required.join(', ')}`, `此操作需要以下角色之一：${required.map((r) => ROLES[r].zh).join('、')}`));
    }
    if (!SAFE_METHODS.includes(request.method)) refuseReadOnly(actor);
    return true;
  }
}
