import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthService } from '../auth.service';
import { READ_ONLY_ROLES, type Actor, type RoleKey } from '../roles';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(),
 * and the roles named by @Roles() on the handler or its controller. A caller
 * holding only read-only roles (the auditor) is refused every non-GET here, once,
 * so no endpoint can forget it.
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
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('an access token is required (Authorization: Bearer <token>)');
    const actor = await this.auth.authenticate(match[1]);
    request.actor = actor;
    // the roles a route names come first: their message says who may act
    const required = this.reflector.getAllAndOverride<RoleKey[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !actor.roles.some((g) => required.includes(g.role))) {
      throw new ForbiddenException(`this action needs one of the roles: ${required.join(', ')}`);
    }
    if (!SAFE_METHODS.includes(request.method) && actor.roles.every((g) => READ_ONLY_ROLES.includes(g.role))) {
      throw new ForbiddenException(`the roles ${actor.roles.map((g) => g.role).join(', ') || '(none)'} only read: this action changes data`);
    }
    return true;
  }
}
