// Two tiers, both run by `npm test`: unit specs next to the code (pure logic, no services) and e2e
// specs under test/ against real PostgreSQL and Redis (a database and Redis prefix of their own per run).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const libs = [
  'common',
  'database',
  'queue',
  'audit',
  'outbox',
  'subjects',
  'auth',
  'metrics',
  'registry',
  'catalog',
  'ledger',
  'licensing',
  'trading',
];
const moduleNameMapper = Object.fromEntries(libs.map((lib) => [`^@hst/${lib}$`, `<rootDir>/libs/${lib}/src`]));

/** @type {import('jest').Config} */
module.exports = {
  // Per-project testTimeout is ignored when several projects run together: it is set here for all.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
