import type { Role } from '@hst/common';
import type { SubjectStatus } from '@hst/subjects';

/** What the JWT strategy attaches to a request: read fresh from the database on every request. */
export type RequestUser = {
  userId: string;
  subjectId: string;
  roles: Role[];
  subjectStatus: SubjectStatus;
};

export type JwtPayload = { sub: string; sid: string };
