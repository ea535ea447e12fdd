import { Env } from '@hst/common';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { QUEUE_CONFIG } from './queue-config';
import { QueueName } from './queue-names';
import { redisOptions } from './redis-connection';

/** BullMQ on the configured Redis, every queue under REDIS_PREFIX. */
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => ({
        connection: redisOptions(config.get('REDIS_URL', { infer: true })),
        prefix: config.get('REDIS_PREFIX', { infer: true }),
      }),
    });
  }

  /** Registers producers for the named queues, each with its own default job options. */
  static register(...names: QueueName[]): DynamicModule {
    return BullModule.registerQueue(
      ...names.map((name) => ({ name, defaultJobOptions: QUEUE_CONFIG[name].jobOptions })),
    );
  }
}
