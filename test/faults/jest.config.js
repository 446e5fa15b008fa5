/**
 * Fault tests (`npm run test:faults`): they kill servers, stop the database and
 * fuzz every input, so they run apart from `npm test`. DATABASE_URL=mysql://…
 * selects MariaDB as in the main suite; .ci/run runs them on both dialects.
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  testTimeout: 300000,
  maxWorkers: 1,
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.faults-spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^@satisflow/workflows$': '<rootDir>/workflows',
    '^@satisflow/workflows/(.*)$': '<rootDir>/workflows/$1',
    '^@satisflow/(.*)$': '<rootDir>/libs/$1/src',
  },
};
