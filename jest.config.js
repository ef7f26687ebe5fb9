// Projects: `unit` (pure, fast, no processes), `integration` (real engine, registries, tools, Node
// 24), `reliability` (bad input, faults and secrets), and the build-related integration suites
// again on the other builders and image stores (see __tests__/support/variant.ts):
// `integration-buildkit` (a BuildKit builder in a container, as docker/setup-buildx-action gives)
// and `integration-containerd` (the engine with the containerd image store).
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] }
}

/** The suites that build, load, scan and push: they run once per builder and image store. */
const buildSuites = ['action', 'action-gates', 'cli', 'scan', 'token-registry'].map(
  name => `<rootDir>/__tests__/integration/${name}.test.ts`
)

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
      displayName: 'integration-buildkit',
      testMatch: [...buildSuites, '<rootDir>/__tests__/integration/fan-out.test.ts'],
      setupFiles: ['<rootDir>/__tests__/support/variant-buildkit.cjs']
    },
    {
      ...common,
      displayName: 'integration-containerd',
      testMatch: buildSuites,
      setupFiles: ['<rootDir>/__tests__/support/variant-containerd.cjs']
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
