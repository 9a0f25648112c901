// Bundle entry for the main step; everything lives in main.ts so that it can be tested.
import { run } from './main.js'

await run()
