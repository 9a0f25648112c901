// npm run explore: the whole fault-point space (every scenario × every call index × every fault), where
// `npm test` runs a seeded sample of it. Prints each violated invariant and exits 1 if there is any.
import { emulator } from '../testkit/fixtures.js'
import { callCount, FAULTS, runCase, SCENARIOS } from '../testkit/explore-space.js'

const only = process.argv[2]
const emu = await emulator()
let cases = 0
const violations: string[] = []
const ends: Record<string, number> = {}
const byFault: Record<string, number> = {}
const started = Date.now()
try {
  for (const s of SCENARIOS.filter(x => !only || x.name.includes(only))) {
    const calls = await callCount(emu, s)
    for (let k = 0; k < calls; k++) {
      for (const fault of FAULTS) {
        const r = await runCase(emu, s, fault, k)
        cases++
        ends[r.status] = (ends[r.status] ?? 0) + 1
        byFault[`${fault}: ${r.status}`] = (byFault[`${fault}: ${r.status}`] ?? 0) + 1
        if (process.env.EXPLORE_SHOW && r.fault === process.env.EXPLORE_SHOW && r.status === 'failed')
          console.log(`  ${s.name} at ${k}: ${r.error}`)
        for (const v of r.violations) violations.push(`${s.name} / ${fault} at call ${k}: ${v}`)
      }
    }
    console.log(`${s.name}: ${calls} calls × ${FAULTS.length} faults explored`)
  }
} finally {
  await emu.close()
}
if (process.env.EXPLORE_DETAIL)
  for (const [k, n] of Object.entries(byFault).sort()) console.log(`  ${k}: ${n}`)
for (const v of violations) console.log(`VIOLATION ${v}`)
console.log(
  `explored ${cases} fault cases in ${((Date.now() - started) / 1000).toFixed(1)} s; ends: ${JSON.stringify(ends)}; ${violations.length} violated invariants`
)
process.exit(violations.length > 0 ? 1 : 0)
