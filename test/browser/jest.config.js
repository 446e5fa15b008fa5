/**
 * Browser checks of the web console, kept out of the default `npm test` projects
 * (they need Chromium and a full `npm run build`). Run: see apps/console/README.md.
 */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  testTimeout: 120000,
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser-spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
