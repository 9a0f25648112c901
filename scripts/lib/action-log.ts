// Renders what the action prints for a person, roughly as the Actions log shows it: workflow commands
// (`::group::`, `::error::`, …) become readable lines, `::debug::` is shown only when asked, and everything
// else is printed as it is. Used by the demo and by `npm run rehearse`.
import type { Style } from './terminal.js'

export interface RenderOptions {
  style: Style
  /** Show `::debug::` lines (the runner shows them with ACTIONS_STEP_DEBUG). */
  debug?: boolean
  /** Prefix of every rendered line. */
  indent?: string
}

const UNESCAPE: Array<[RegExp, string]> = [
  [/%0D/g, '\r'],
  [/%0A/g, '\n'],
  [/%25/g, '%']
]

function unescape(text: string): string {
  return UNESCAPE.reduce((s, [re, to]) => s.replace(re, to), text)
}

/** The rendered line(s) for one line of the action's output; empty when it shows nothing. */
export function renderLogLine(line: string, opts: RenderOptions): string[] {
  const { style } = opts
  const indent = opts.indent ?? ''
  const out = (text: string): string[] => text.split('\n').map(l => indent + l)
  const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
  if (!command) return line === '' ? [] : out(line)
  const name = command[1] ?? ''
  const message = unescape(command[2] ?? '')
  switch (name) {
    case 'group':
      return out(style.bold(`▸ ${message}`))
    case 'endgroup':
    case 'add-mask':
    case 'save-state':
    case 'set-output':
    case 'echo':
      return []
    case 'debug':
      return opts.debug ? out(style.dim(`debug: ${message}`)) : []
    case 'error':
      return out(style.red(`Error: ${message}`))
    case 'warning':
      return out(style.yellow(`Warning: ${message}`))
    case 'notice':
      return out(`Notice: ${message}`)
    default:
      return out(line)
  }
}
