// Talking to the runner: the log, workflow commands, inputs, outputs, step state and the job summary.
// Written out rather than taken from @actions/core, whose OIDC HTTP client would be most of the post
// bundle and of the start-up time; the file formats are the runner's documented ones.
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

/** The log sink; the runner's in the action, a recorder in tests. */
export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  group<T>(name: string, body: () => Promise<T>): Promise<T>
}

/**
 * Plain log text never carries a workflow command: a line that would start one (`::name…`, after any
 * leading white space, as the runner reads it) is broken with a space, so text from outside the workflow
 * (a function's reply, an alarm's reason) cannot set state, outputs or annotations.
 */
function plain(text: string): string {
  return (
    text
      .split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)
      // `##[` is read anywhere in a line: break it too.
      .map(line => line.replace(/^(\s*):(?=:)/, '$1: ').replace(/##\[/g, '# #['))
      .join(EOL)
  )
}

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`)
}

export const runner = {
  info: (message: string): void => void process.stdout.write(plain(message) + EOL),
  warning: (message: string): void => command('warning', message),
  error: (message: string): void => command('error', message),
  debug: (message: string): void => command('debug', message),
  async group<T>(name: string, body: () => Promise<T>): Promise<T> {
    command('group', name)
    try {
      return await body()
    } finally {
      process.stdout.write(`::endgroup::${EOL}`)
    }
  },
  setFailed(message: string): void {
    process.exitCode = 1
    command('error', message)
  },
  /** Inputs as the runner hands them over: INPUT_<NAME>, trimmed. */
  getInput: (name: string): string =>
    (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
  setOutput: (name: string, value: string): void => fileCommand('GITHUB_OUTPUT', 'set-output', name, value),
  saveState: (name: string, value: string): void => fileCommand('GITHUB_STATE', 'save-state', name, value),
  getState: (name: string): string => process.env[`STATE_${name}`] ?? '',
  /** Appends to the job summary; false when the runner gave no summary file. */
  appendSummary(markdown: string): boolean {
    const file = process.env.GITHUB_STEP_SUMMARY
    if (!file) return false
    appendFileSync(file, markdown + EOL, 'utf8')
    return true
  }
}

/** name<<delimiter…value…delimiter into the runner's file; the old stdout command where there is none. */
function fileCommand(variable: string, legacy: string, name: string, value: string): void {
  const file = process.env[variable]
  if (!file) {
    process.stdout.write(`::${legacy} name=${name}::${escapeData(value)}${EOL}`)
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
}

export const runnerLog: Log = runner

/** The step state: where main leaves the hand-off for post (the run ledger, the GitHub deployment). */
export const stepState = {
  save: (name: string, value: string): void => runner.saveState(name, value),
  get: (name: string): string => runner.getState(name)
}
