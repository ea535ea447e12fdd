import { DEV_DEFAULTS, validateEnv } from './env';

describe(validateEnv.name, () => {
  it('should apply development defaults to an empty environment', () => {
    const sut = validateEnv({});
    expect(sut.PORT).toBe(3000);
    expect(sut.DATABASE_URL).toBe(DEV_DEFAULTS.DATABASE_URL);
    expect(sut.LOGIN_MAX_FAILURES_PER_EMAIL).toBe(5);
  });

  it('should parse integers from strings', () => {
    expect(validateEnv({ PORT: '8080' }).PORT).toBe(8080);
  });

  it('should load the demo data by default outside production only, unless DEMO_SEED says otherwise', () => {
    expect(validateEnv({}).DEMO_SEED).toBe(true);
    expect(validateEnv({ DEMO_SEED: 'false' }).DEMO_SEED).toBe(false);
    expect(() => validateEnv({ DEMO_SEED: 'yes' })).toThrow(/DEMO_SEED must be true or false/);
  });

  it('should name the variable that is wrong', () => {
    expect(() => validateEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => validateEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('should refuse development defaults in production', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET.*\n.*|BOOTSTRAP_ADMIN_PASSWORD/);
    const explicit = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/hst',
      REDIS_URL: 'redis://cache:6379',
      JWT_SECRET: 'x'.repeat(40),
      BOOTSTRAP_ADMIN_EMAIL: 'root@exchange.example',
      BOOTSTRAP_ADMIN_PASSWORD: 'a-long-production-password',
      CERTIFICATE_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----',
    };
    expect(validateEnv(explicit).NODE_ENV).toBe('production');
    expect(validateEnv(explicit).DEMO_SEED).toBe(false);
    expect(validateEnv({ ...explicit, DEMO_SEED: 'true' }).DEMO_SEED).toBe(true);
    expect(() => validateEnv({ ...explicit, JWT_SECRET: 'short-but-16-chars' })).toThrow(/JWT_SECRET/);
    expect(() => validateEnv({ ...explicit, CERTIFICATE_SIGNING_KEY: undefined })).toThrow(/CERTIFICATE_SIGNING_KEY/);
  });
});
