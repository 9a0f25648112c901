import { runner } from '../log.js'
import { INPUT_NAMES, type RawInputs } from './config.js'

/** Reads the inputs from the runner. The only place that calls core.getInput. */
export function readInputs(): RawInputs {
  const raw = {} as RawInputs
  for (const name of INPUT_NAMES) {
    raw[name] = runner.getInput(name)
  }
  return raw
}
