// Bundle entry for the main step.
import { run } from './main.js'

await run()
