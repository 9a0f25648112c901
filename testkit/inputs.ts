import type { RawInputs } from '../src/inputs/config.js'

/** What the runner hands over when a workflow sets only function-name and alias. */
export const DEFAULT_INPUTS: RawInputs = {
  'function-name': 'my-fn',
  alias: 'live',
  version: '',
  publish: 'auto',
  strategy: 'all-at-once',
  'canary-percent': '10',
  'linear-percent': '10',
  interval: '',
  steps: '',
  wait: 'true',
  alarms: '',
  'smoke-test-payload': '',
  'smoke-test-expect': '',
  'bake-time': '0',
  rollback: 'true',
  timeout: '30m',
  description: '',
  region: '',
  'endpoint-url': '',
  'dry-run': 'false',
  environment: '',
  'github-token': 'tok',
  'max-requests-per-second': '14',
  concurrency: '10',
  analysis: '',
  'min-invocations': '',
  'latency-tolerance': '20%',
  'keep-versions': '',
  'metrics-delay': '2m'
}
