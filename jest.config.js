// Three projects: `unit` (pure, fast, no processes), `integration` (real docker, registry, node24) and
// `reliability` (bad input, faults and secrets: issue 7).
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] }
}

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts']
    },
    {
      ...common,
      displayName: 'reliability',
      testMatch: ['<rootDir>/__tests__/reliability/**/*.test.ts']
    }
  ],
  reporters: ['default', '<rootDir>/__tests__/support/summary-reporter.cjs'],
  // Read from the top level only (a project's own testTimeout is ignored).
  testTimeout: 600000,
  verbose: false
}
