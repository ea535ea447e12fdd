import { ensureDatabase, runMigrations } from '../../libs/database/src/migrate';
import { randomBytes } from 'node:crypto';

/**
 * Once per `jest` run: a database and a Redis prefix of the run's own, migrated. Workers inherit the
 * environment set here; global-teardown drops both.
 */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/hst_test_${run}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: base.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `hst-test-${run}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ARGON2_MEMORY_KIB: '256',
    ARGON2_TIME_COST: '1',
    // Every e2e file logs in from 127.0.0.1; the per-IP limit has its own test with its own app.
    LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
    OUTBOX_RELAY_INTERVAL_MS: '100',
    AUDIT_SEQUENCER_INTERVAL_MS: '100',
  });
  await ensureDatabase(process.env.DATABASE_URL!);
  await runMigrations(process.env.DATABASE_URL!);
}
