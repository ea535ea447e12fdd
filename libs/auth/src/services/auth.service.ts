import { Actor, DomainError, Env, ErrorKind, NotFoundError } from '@hst/common';
import { PasswordHasher, SubjectEntity, UserEntity } from '@hst/subjects';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MeResponse, TokenResponse } from '../dto/login.dto';
import type { JwtPayload, RequestUser } from '../request-user';
import { LoginLimiter } from './login-limiter.service';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(ErrorKind.Unauthenticated, 'invalid_credentials', 'Invalid email or password');
  }
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginLimiter,
    private readonly jwt: JwtService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  /** Checks a password login: limits first, then the hash; the same 401 whether the email exists or not. */
  async validateCredentials(ip: string, email: string, password: string): Promise<UserEntity> {
    await this.limiter.admit(ip, email);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    if (!(await this.hasher.verify(user?.passwordHash, password)) || !user) {
      await this.limiter.recordFailure(email);
      throw new InvalidCredentialsError();
    }
    return user;
  }

  async issueToken(user: UserEntity): Promise<TokenResponse> {
    const payload: JwtPayload = { sub: user.id, sid: user.subjectId };
    return {
      accessToken: await this.jwt.signAsync(payload),
      expiresIn: this.config.get('JWT_EXPIRES_IN_SECONDS', { infer: true }),
    };
  }

  /** The user and subject behind a token, as they are now; undefined when either is gone. */
  async resolve(payload: JwtPayload): Promise<RequestUser | undefined> {
    type Row = {
      user_id: string;
      subject_id: string;
      roles: RequestUser['roles'];
      status: RequestUser['subjectStatus'];
    };
    const [row] = await this.dataSource.query<Row[]>(
      `SELECT u.id AS user_id, s.id AS subject_id, s.roles, s.status
         FROM users u JOIN subjects s ON s.id = u.subject_id
        WHERE u.id = $1 AND s.id = $2`,
      [payload.sub, payload.sid],
    );
    return row && { userId: row.user_id, subjectId: row.subject_id, roles: row.roles, subjectStatus: row.status };
  }

  async me(actor: Actor): Promise<MeResponse> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: actor.userId });
    const subject = await this.dataSource.getRepository(SubjectEntity).findOneBy({ id: actor.subjectId });
    if (!user || !subject) throw new NotFoundError('user', actor.userId);
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName },
      subject: { id: subject.id, name: subject.name, uscc: subject.uscc, roles: subject.roles, status: subject.status },
    };
  }
}
