// Output styling for the repository's own scripts (demo, rehearse): ANSI escapes only when the stream is a
// terminal and NO_COLOR is not set (https://no-color.org); FORCE_COLOR turns them on regardless. Piped into
// a file, a pager that does not interpret them, or CI's log, the text stays plain.

export interface Style {
  readonly color: boolean
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  green(text: string): string
  yellow(text: string): string
}

type Env = Record<string, string | undefined>

/** Whether to colour what goes to `stream`. */
export function useColor(stream: { isTTY?: boolean }, env: Env = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true
  return stream.isTTY === true
}

export function styleFor(stream: { isTTY?: boolean } = process.stdout, env: Env = process.env): Style {
  const color = useColor(stream, env)
  const wrap =
    (open: number, close: number) =>
    (text: string): string =>
      color ? `\x1b[${open}m${text}\x1b[${close}m` : text
  return {
    color,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39)
  }
}

/** Splits a stream of chunks into whole lines; `flush` returns what is left after the last newline. */
export class LineSplitter {
  private rest = ''

  push(chunk: string): string[] {
    const lines = (this.rest + chunk).split('\n')
    this.rest = lines.pop() ?? ''
    return lines.map(l => l.replace(/\r$/, ''))
  }

  flush(): string[] {
    const rest = this.rest
    this.rest = ''
    return rest === '' ? [] : [rest]
  }
}
