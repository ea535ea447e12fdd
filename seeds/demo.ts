import type { Env, Role } from '@hst/common';
import type { PricingDto } from '@hst/catalog';
import { ConfigService } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import {
  DEMO_PRODUCTS,
  type DemoProduct,
  type DemoProductKey,
  listDemoProduct,
  PUBLIC_DATA_DOMAIN,
} from './demo-products';
import { createDemoSubjects, DEMO_PASSWORD } from './demo-subjects';
import { type DemoTrade, makeDemoTrades } from './demo-trades';
import { SeedClient } from './seed-client';

export type DemoSummary = {
  password: string;
  subjects: { name: string; roles: Role[]; email: string }[];
  products: { title: string; category: string; vendor: string; pricing: PricingDto }[];
  trades: DemoTrade[];
};

const YEAR_MS = 365 * 86_400_000;
/** pg_advisory_lock key of the demo seed (the exchange's keys are 7_310_0xx). */
const DEMO_SEED_LOCK_KEY = 7_310_020;

/**
 * Loads the demo data (汉数通's Wuhan market in miniature) through the API's own routes, into a database that has
 * no market subject besides the platform; on any other database it loads nothing and returns null. `app` is the
 * API as createApiApp builds it, initialised, with the platform admin bootstrapped.
 */
export async function seedDemo(app: NestFastifyApplication): Promise<DemoSummary | null> {
  // Two `npm start`s on one empty database: the second waits here, then finds the first one's subjects.
  const lock = app.get(DataSource).createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [DEMO_SEED_LOCK_KEY]);
    if (await hasMarketSubjects(app.get(DataSource))) return null;
    return await loadDemo(app);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [DEMO_SEED_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

async function loadDemo(app: NestFastifyApplication): Promise<DemoSummary> {
  const api = new SeedClient(app);
  const admin = await adminToken(app, api);
  const subjects = await createDemoSubjects(api, admin);
  await api.call('POST', '/public-data-authorizations', {
    token: admin,
    body: {
      operatorId: subjects.opendata.subjectId,
      domains: [PUBLIC_DATA_DOMAIN],
      scope: '武汉市气象公共数据的加工、开发利用与产品化运营',
      // An hour back, so that PostgreSQL's clock finds it in force whatever the skew to this process.
      validFrom: new Date(Date.now() - 3_600_000).toISOString(),
      validUntil: new Date(Date.now() + 3 * YEAR_MS).toISOString(),
      authorityShareBps: 1000,
    },
    expect: 201,
  });
  const products = {} as Record<DemoProductKey, DemoProduct>;
  for (const spec of DEMO_PRODUCTS) {
    products[spec.key] = await listDemoProduct(app, api, admin, subjects[spec.owner], spec);
  }
  const trades = await makeDemoTrades(api, admin, subjects, products);
  return {
    password: DEMO_PASSWORD,
    subjects: Object.values(subjects).map(({ name, roles, email }) => ({ name, roles, email })),
    products: Object.values(products).map((p) => ({
      title: p.product.title,
      category: p.product.category,
      vendor: subjects[p.owner].name,
      pricing: p.product.pricing,
    })),
    trades,
  };
}

/**
 * Read in SQL rather than through GET /subjects, which needs the admin's login: on a database in use, the
 * admin's password may no longer be BOOTSTRAP_ADMIN_PASSWORD, and that must not stop `npm start`.
 */
async function hasMarketSubjects(dataSource: DataSource): Promise<boolean> {
  const [{ taken }] = await dataSource.query<{ taken: boolean }[]>(
    'SELECT EXISTS (SELECT 1 FROM subjects WHERE NOT is_platform) AS taken',
  );
  return taken;
}

async function adminToken(app: NestFastifyApplication, api: SeedClient): Promise<string> {
  const config = app.get<ConfigService<Env, true>>(ConfigService);
  try {
    return await api.login(
      config.get('BOOTSTRAP_ADMIN_EMAIL', { infer: true }),
      config.get('BOOTSTRAP_ADMIN_PASSWORD', { infer: true }),
    );
  } catch (error) {
    throw new Error(
      `the platform admin cannot log in with BOOTSTRAP_ADMIN_PASSWORD (set DEMO_SEED=false to start without ` +
        `demo data): ${(error as Error).message}`,
    );
  }
}
