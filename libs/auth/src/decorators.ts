import type { Actor, Role } from '@hst/common';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { RequestUser } from './request-user';

export const ALLOW_INACTIVE = 'hst:allowInactive';
export const ROLES = 'hst:roles';

/** A pending or suspended subject may call this route (GET /auth/me). */
export const AllowInactive = () => SetMetadata(ALLOW_INACTIVE, true);
/** Only subjects with one of these roles; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The authenticated actor of the request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const user = ctx.switchToHttp().getRequest<{ user: RequestUser }>().user;
  return { userId: user.userId, subjectId: user.subjectId, roles: user.roles };
});
