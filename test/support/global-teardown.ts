import { dropDatabase } from '../../libs/database/src/migrate';
import Redis from 'ioredis';

/** Drops the run's database and deletes every Redis key whose prefix starts with the run's (apps started with a derived prefix included). */
export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASE !== '1') await dropDatabase(process.env.DATABASE_URL!);
  const redis = new Redis(process.env.REDIS_URL!);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
