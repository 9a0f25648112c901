// Jest runs the suites it has no timings for (a fresh clone: its cache is keyed by path) largest file first,
// which started the demo and the rehearsal, a minute of waiting on real time each, last. The longest suites
// go first, those that burn CPU (the exploration, the judge's simulations) beside those that mostly wait on
// real time (holds, alarm evaluation, metric lag), so the rest fills the cores around them. Jest's own order
// (failed first, then slowest) follows.
import Sequencer from '@jest/test-sequencer'

const FIRST = [
  '__tests__/explore/explore.test.ts',
  '__tests__/scripts/rehearse.test.ts',
  '__tests__/scripts/output.test.ts',
  '__tests__/unit/judge.test.ts',
  '__tests__/e2e/github.test.ts',
  '__tests__/e2e/realistic.test.ts',
  '__tests__/e2e/codedeploy.test.ts',
  '__tests__/e2e/analysis.test.ts',
  '__tests__/e2e/ledger.test.ts',
  '__tests__/e2e/bad-inputs.test.ts',
  '__tests__/e2e/safety.test.ts',
  '__tests__/e2e/bake-analysis.test.ts'
]

export default class SlowFirst extends Sequencer {
  sort(tests) {
    const rank = test => {
      const i = FIRST.findIndex(path => test.path.endsWith(path))
      return i === -1 ? FIRST.length : i
    }
    // Array.prototype.sort is stable: the rest keep Jest's order.
    return super.sort(tests).sort((a, b) => rank(a) - rank(b))
  }
}
