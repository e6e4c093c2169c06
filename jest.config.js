// One jest run, two projects: unit (no services) and integration (real MariaDB, Temporal, Keycloak; test/global-setup.ts
// starts every subgraph, the gateway and the workflow worker against throwaway databases).
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }];
const roots = ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/workflows', '<rootDir>/web', '<rootDir>/test'];
const common = {
  testEnvironment: 'node',
  // jose 6 ships ESM only: jest (CommonJS) gets it transpiled; Node itself loads it natively (require(esm)).
  transform: { '^.+\\.ts$': tsJest, '/node_modules/jose/.+\\.js$': tsJest },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  roots,
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.tools/'],
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/node_modules/'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int.test.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
  testTimeout: 120000,
};
