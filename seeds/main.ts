import 'reflect-metadata';
import { loadDotEnv, validateEnv } from '@hst/common';
import { prepareDatabase } from '@hst/database';
import { PlatformBootstrap } from '@hst/subjects';
import { createApiApp } from '../apps/api/src/http/configure-app';
import { seedDemo } from './demo';
import { formatSummary } from './demo-summary';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Nest's shutdown hooks stop the process on these signals, and later starts would find the part already loaded
 * and load nothing: say so, once (Ctrl-C reaches the seed, then `npm start` sends SIGTERM). Returns the undo.
 */
function warnIfInterrupted(): () => void {
  const stop = () => STOP_SIGNALS.forEach((signal) => process.off(signal, warn));
  const warn = () => {
    stop();
    console.error(
      'demo seed interrupted: the database keeps the demo data loaded so far; drop it to load it all again',
    );
  };
  STOP_SIGNALS.forEach((signal) => process.on(signal, warn));
  return stop;
}

/**
 * `npm start` runs this (built, dist/seeds/main.js) before the API and the worker: with DEMO_SEED on, it prepares
 * the database and bootstraps the platform admin as the API does, then loads the demo data if the database is empty.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const env = validateEnv(process.env);
  if (!env.DEMO_SEED) return;
  await prepareDatabase(env);
  // The seed's own request logs and Nest's start-up lines would repeat what the API prints next; warnings still show.
  const logLevel = ['trace', 'debug', 'info'].includes(env.LOG_LEVEL) ? 'warn' : env.LOG_LEVEL;
  const app = await createApiApp({ ...env, LOG_LEVEL: logLevel });
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(PlatformBootstrap).ensurePlatformAdmin();
    const stopWarning = warnIfInterrupted();
    const summary = await seedDemo(app).finally(stopWarning);
    console.log(summary ? formatSummary(summary) : 'demo data: the database already has market subjects; none loaded');
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
