import { DomainError, Env, ErrorKind } from '@hst/common';
import { REDIS } from '@hst/queue';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export class TooManyLoginAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(ErrorKind.TooMany, 'too_many_login_attempts', `Too many login attempts; retry in ${retryAfterSeconds} s`);
  }
}

/**
 * The contract's login limits: every attempt counts per client IP, failures count per email, and
 * both are checked before any password hash is computed. If Redis is unreachable, an in-memory
 * limiter with the same limits stands in, so the limits never silently switch off.
 */
@Injectable()
export class LoginLimiter {
  private readonly perIp: RateLimiterRedis;
  private readonly failuresPerEmail: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, config: ConfigService<Env, true>) {
    const ipOptions = {
      keyPrefix: 'login-ip',
      points: config.get('LOGIN_MAX_ATTEMPTS_PER_IP', { infer: true }),
      duration: config.get('LOGIN_IP_WINDOW_SECONDS', { infer: true }),
    };
    const emailOptions = {
      keyPrefix: 'login-fail',
      points: config.get('LOGIN_MAX_FAILURES_PER_EMAIL', { infer: true }),
      duration: config.get('LOGIN_FAILURE_WINDOW_SECONDS', { infer: true }),
    };
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      ...ipOptions,
      insuranceLimiter: new RateLimiterMemory(ipOptions),
    });
    this.failuresPerEmail = new RateLimiterRedis({
      storeClient: redis,
      ...emailOptions,
      insuranceLimiter: new RateLimiterMemory(emailOptions),
    });
  }

  /** Counts the attempt against the IP and refuses it if the IP or the email is over its limit. */
  async admit(ip: string, email: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (res) {
      throw this.refusal(res);
    }
    const failures = await this.failuresPerEmail.get(email);
    if (failures !== null && failures.consumedPoints >= this.failuresPerEmail.points) {
      throw new TooManyLoginAttemptsError(Math.ceil(failures.msBeforeNext / 1000));
    }
  }

  async recordFailure(email: string): Promise<void> {
    await this.failuresPerEmail.penalty(email, 1);
  }

  private refusal(res: unknown): Error {
    return res instanceof RateLimiterRes
      ? new TooManyLoginAttemptsError(Math.ceil(res.msBeforeNext / 1000))
      : (res as Error);
  }
}
