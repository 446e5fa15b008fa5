/**
 * One jest run covers unit specs (next to the code) and e2e specs (test/).
 * DATABASE_URL=mysql://… switches every database-backed test to MariaDB/MySQL;
 * each test file gets its own fresh database (see test/support/test-database.ts).
 */
const moduleNameMapper = {
  '^@satisflow/workflows$': '<rootDir>/workflows',
  '^@satisflow/workflows/(.*)$': '<rootDir>/workflows/$1',
  '^@satisflow/(.*)$': '<rootDir>/libs/$1/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };

module.exports = {
  testTimeout: 60000,
  maxWorkers: 2,
  // Each e2e file boots a whole Nest app and a worker keeps every file's modules: workers
  // reached 400+ MB, and jest reported "A worker process has failed to exit gracefully" in
  // most runs. A worker over this limit is replaced between files; the warning has not come back.
  workerIdleMemoryLimit: '300MB',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      roots: ['<rootDir>/libs', '<rootDir>/workflows', '<rootDir>/apps/server', '<rootDir>/apps/console/src'],
      testMatch: ['**/*.spec.ts'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
    },
  ],
};
