import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthService } from '../auth.service';
import type { Actor, RoleKey } from '../roles';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(),
 * and the roles named by @Roles() on the handler or its controller.
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
    const required = this.reflector.getAllAndOverride<RoleKey[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !actor.roles.some((g) => required.includes(g.role))) {
      throw new ForbiddenException(`this action needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
