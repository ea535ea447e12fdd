import { DataSource } from 'typeorm';
import { typeormOptions } from './typeorm-options';

/** Arbitrary constant: the advisory lock under which one process at a time applies migrations. */
const MIGRATION_LOCK_KEY = 7_310_001;

/**
 * Applies pending migrations, safe to call from the API and the worker starting together:
 * an advisory lock lets one of them migrate while the other waits, then finds nothing to do.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({ ...typeormOptions(databaseUrl), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Creates the database named in the URL if it does not exist yet (UTF-8, so CJK text indexes work). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-zA-Z0-9_]+$/.test(name)) throw new Error(`DATABASE_URL: database name "${name}" must match [a-zA-Z0-9_]+`);
  url.pathname = '/postgres';
  const admin = new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 1 } });
  await admin.initialize();
  try {
    const rows: unknown[] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) {
      await admin
        .query(`CREATE DATABASE "${name}" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`)
        .catch((error: { driverError?: { code?: string } }) => {
          // The API and the worker start together: the other one may have just created it.
          if (!['42P04', '23505'].includes(error.driverError?.code ?? '')) throw error;
        });
    }
  } finally {
    await admin.destroy();
  }
}

/** Drops a database (tests only create and drop their own). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const admin = new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 1 } });
  await admin.initialize();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.destroy();
  }
}

/**
 * What each app does before it serves: outside production, create the database if it is missing
 * (the two-command quick start); then apply pending migrations.
 */
export async function prepareDatabase(env: { NODE_ENV: string; DATABASE_URL: string }): Promise<void> {
  if (env.NODE_ENV !== 'production') await ensureDatabase(env.DATABASE_URL);
  await runMigrations(env.DATABASE_URL);
}
