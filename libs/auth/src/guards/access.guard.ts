import type { Role } from '@hst/common';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole, IS_PUBLIC } from '@hst/common';
import { ALLOW_INACTIVE, ROLES } from '../decorators';
import type { RequestUser } from '../request-user';

/**
 * Global, after JwtAuthGuard: only an active subject may act (its status is read on every request,
 * so a suspension takes effect on tokens already issued), and only with a role the route allows.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const user = context.switchToHttp().getRequest<{ user: RequestUser }>().user;
    if (user.subjectStatus !== 'active' && !this.reflector.getAllAndOverride<boolean>(ALLOW_INACTIVE, targets)) {
      throw new ForbiddenException(`Your subject is ${user.subjectStatus}; only active subjects may act`);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !hasRole(user, ...roles)) {
      throw new ForbiddenException(`This route needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
