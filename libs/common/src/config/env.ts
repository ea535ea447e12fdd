import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** Development defaults: they work against Postgres and Redis on localhost and are refused in production. */
export const DEV_DEFAULTS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hst',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'dev-only-jwt-secret-change-me-in-production',
  BOOTSTRAP_ADMIN_EMAIL: 'admin@hst.local',
  BOOTSTRAP_ADMIN_PASSWORD: 'admin-password-change-me',
} as const;

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Every environment variable the exchange reads, validated once at start-up. */
export class Env {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT = 3001;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = DEV_DEFAULTS.DATABASE_URL;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string = DEV_DEFAULTS.REDIS_URL;

  /** Prefix of every Redis key (BullMQ queues, rate limits); tests use one per run. */
  @Matches(/^[a-zA-Z0-9_-]{1,64}$/, { message: 'REDIS_PREFIX must be 1-64 characters of [a-zA-Z0-9_-]' })
  REDIS_PREFIX = 'hst';

  @IsString()
  @MinLength(16)
  JWT_SECRET: string = DEV_DEFAULTS.JWT_SECRET;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400 * 7)
  JWT_EXPIRES_IN_SECONDS = 3600;

  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL: string = DEV_DEFAULTS.BOOTSTRAP_ADMIN_EMAIL;

  @IsString()
  @MinLength(10)
  BOOTSTRAP_ADMIN_PASSWORD: string = DEV_DEFAULTS.BOOTSTRAP_ADMIN_PASSWORD;

  /** argon2id memory cost in KiB (OWASP: 19456 with t=2). Tests use a small value. */
  @Transform(toInt)
  @IsInt()
  @Min(256)
  @Max(4194304)
  ARGON2_MEMORY_KIB = 19456;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  ARGON2_TIME_COST = 2;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_EMAIL = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_ATTEMPTS_PER_IP = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_IP_WINDOW_SECONDS = 60;

  /** Largest accepted request body for JSON routes; above it → 413. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  BODY_LIMIT_BYTES = 1048576;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  OUTBOX_RELAY_INTERVAL_MS = 500;

  /** A relayed event not applied after this long is handed to BullMQ again (Redis lost it, or it failed for good). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  OUTBOX_REDELIVERY_AFTER_SECONDS = 300;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  AUDIT_SEQUENCER_INTERVAL_MS = 500;

  /** Length of a registration's public notice (公示); default 10 days. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(31536000)
  REGISTRATION_NOTICE_SECONDS = 864000;

  /** How long a data-rights certificate is valid; default 3 years. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CERTIFICATE_VALIDITY_DAYS = 1095;

  /**
   * PKCS#8 PEM of the Ed25519 key that signs certificates. Unset: a key is generated on first start and
   * kept in the database (development); production should supply one.
   */
  @IsOptional()
  @IsString()
  CERTIFICATE_SIGNING_KEY?: string;

  /** How often the worker looks in PostgreSQL for timers (notice ends, …) whose jobs Redis lost. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  TIMER_SWEEP_INTERVAL_MS = 60000;

  /**
   * Overrides every queue's worker lock (QUEUE_CONFIG lockDurationMs) when set: how long a killed worker's
   * job stays active before BullMQ's stalled check hands it to another. Tests shorten it; leave unset in production.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(200)
  QUEUE_LOCK_DURATION_MS?: number;

  /** How often each worker looks for stalled jobs (BullMQ stalledInterval; its default 30000 when unset). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  QUEUE_STALLED_INTERVAL_MS?: number;

  /** How often the worker writes its job schedulers again, so a Redis restarted empty gets them back. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  JOB_SCHEDULES_REFRESH_MS = 60000;

  /** The platform's fee on every order, in basis points (300 = 3%). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  PLATFORM_FEE_BPS = 300;

  /** An order not paid this long after approval is cancelled. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ORDER_PAYMENT_TIMEOUT_SECONDS = 1800;

  /** How long after delivery a buyer may open a dispute; settlement waits for it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DISPUTE_WINDOW_SECONDS = 604800;

  /** How often the worker reconciles the ledger against its entries. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  LEDGER_RECONCILE_INTERVAL_MS = 3600000;

  /** Largest dataset upload (PUT /products/:id/dataset, JSON or CSV); above → 413. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  DATASET_MAX_BYTES = 10485760;

  /**
   * Whether `npm start` loads the demo data (seeds/demo.ts) into an empty database. Unset: on, except in
   * production (validateEnv fills it in, because the default depends on NODE_ENV).
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'DEMO_SEED must be true or false' })
  DEMO_SEED: boolean;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;
}

const PRODUCTION_REQUIRED = Object.keys(DEV_DEFAULTS) as (keyof typeof DEV_DEFAULTS)[];

/**
 * Validates process.env into a typed Env, or throws an Error that names every offending variable.
 * In production, each development default must be overridden explicitly.
 */
export function validateEnv(raw: Record<string, unknown>): Env {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Env, defined, { exposeDefaultValues: true });
  const problems = validateSync(env, { whitelist: false }).map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (env.NODE_ENV === 'production') {
    for (const key of PRODUCTION_REQUIRED) {
      if (!defined[key] || defined[key] === DEV_DEFAULTS[key]) {
        problems.push(`${key}: must be set explicitly in production (the development default is refused)`);
      }
    }
    if (env.JWT_SECRET.length < 32) problems.push('JWT_SECRET: must be at least 32 characters in production');
    if (!env.CERTIFICATE_SIGNING_KEY) {
      problems.push('CERTIFICATE_SIGNING_KEY: must be set in production (a generated key would sit in the database)');
    }
  }
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  env.DEMO_SEED ??= env.NODE_ENV !== 'production';
  return env;
}
