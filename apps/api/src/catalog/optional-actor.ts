import type { RequestUser } from '@hst/auth';
import type { Actor } from '@hst/common';
import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/**
 * For public routes that show more to a signed-in caller (GET /products, GET /products/:id): a valid
 * bearer token attaches its user, anything else leaves the caller anonymous. The route stays @Public(),
 * so the global guards let it through; this guard never refuses.
 */
@Injectable()
export class OptionalJwtGuard extends AuthGuard('jwt') {
  override handleRequest<TUser = RequestUser | null>(_error: unknown, user: TUser | false): TUser {
    return (user || null) as TUser;
  }
}

/** The caller of a public route, or null: anonymous, bad token, or a subject that is not active. */
export const OptionalActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => {
  const user = ctx.switchToHttp().getRequest<{ user?: RequestUser | null }>().user;
  if (!user || user.subjectStatus !== 'active') return null;
  return { userId: user.userId, subjectId: user.subjectId, roles: user.roles };
});
