import { dropDatabase } from '../../libs/database/src/migrate';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

async function databasesNamed(pattern: string): Promise<string[]> {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = '/postgres';
  const admin = new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 1 } });
  await admin.initialize();
  try {
    const rows = await admin.query<{ datname: string }[]>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      pattern,
    ]);
    return rows.map((r) => r.datname);
  } finally {
    await admin.destroy();
  }
}

/** Drops the run's database and deletes every Redis key whose prefix starts with the run's (apps started with a derived prefix included). */
export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DATABASE !== '1') {
    await dropDatabase(process.env.DATABASE_URL!);
    // Databases that test files made for themselves (isolatedDatabase) and did not get to drop.
    const url = new URL(process.env.DATABASE_URL!);
    for (const name of await databasesNamed(`${url.pathname.slice(1)}_%`)) {
      url.pathname = `/${name}`;
      await dropDatabase(url.toString());
    }
  }
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
