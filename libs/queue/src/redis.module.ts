import { Env } from '@hst/common';
import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import Redis from 'ioredis';
import { redisOptions } from './redis-connection';
import { RedisHealthIndicator } from './redis.health';
import { REDIS } from './redis.token';

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One shared ioredis client for non-queue uses (rate limits, health), keys under REDIS_PREFIX. */
@Global()
@Module({
  imports: [TerminusModule],
  providers: [
    {
      provide: REDIS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) =>
        new Redis({
          ...redisOptions(config.get('REDIS_URL', { infer: true })),
          keyPrefix: `${config.get('REDIS_PREFIX', { infer: true })}:`,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
        }),
    },
    RedisShutdown,
    RedisHealthIndicator,
  ],
  exports: [REDIS, RedisHealthIndicator],
})
export class RedisModule {}
