// ESM tests, TypeScript stripped by esbuild (jest.transform.js); type-checking is `npm run build`'s job.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': '<rootDir>/jest.transform.js'
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 60000,
  // Most suites wait on timers and sockets (holds, polls, a spawned dist/), not the CPU: six workers on two
  // cores keep both busy (a fresh clone, 2 cores: 157-163 s; four workers: 207 s).
  maxWorkers: 6,
  testSequencer: '<rootDir>/jest.sequencer.js',
  // A worker leaves once its event loop is empty. On a loaded machine that takes longer than Jest's 500 ms
  // (measured: 1-3 s for two trivial unit files at a load of 9 on 2 cores), and Jest then kills it with
  // "failed to exit gracefully", a warning that means a leak. 10 s keeps the warning for real leaks.
  workerGracefulExitTimeout: 10000
}
