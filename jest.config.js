// ts-jest in ESM mode; type-checking is `npm run build`'s job, so tests only transpile.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 60000,
  // Most suites wait on timers and sockets (holds, polls, a spawned dist/), not the CPU: four workers on two
  // cores keep both busy.
  maxWorkers: 4,
  // A worker leaves once its event loop is empty. On a loaded machine that takes longer than Jest's 500 ms
  // (measured: 1-3 s for two trivial unit files at a load of 9 on 2 cores), and Jest then kills it with
  // "failed to exit gracefully", a warning that means a leak. 10 s keeps the warning for real leaks.
  workerGracefulExitTimeout: 10000
}
