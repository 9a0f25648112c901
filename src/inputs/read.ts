import { runner } from '../log.js'
import { INPUT_NAMES, type RawInputs } from './config.js'

/** Reads main's inputs from the runner, all at once (post reads only github-token, itself). */
export function readInputs(): RawInputs {
  const raw = {} as RawInputs
  for (const name of INPUT_NAMES) {
    raw[name] = runner.getInput(name)
  }
  return raw
}
