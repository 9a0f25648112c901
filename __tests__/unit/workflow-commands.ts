// Test helper, not a test: a model of how the Actions runner finds workflow commands in a step's output.

/** The commands the runner registers (ActionCommandManager and its extensions). */
const REGISTERED = new Set(
  'stop-commands set-env set-output save-state add-mask add-path add-matcher remove-matcher debug warning error notice group endgroup echo'.split(
    ' '
  )
)

/**
 * The runner's command detection (actions/runner ActionCommand.TryParseV2 / TryParse), in its worst case:
 * lines split as .NET ReadLine splits them; invisible characters skipped, as a culture-sensitive
 * comparison may; full-width forms folded; `::` after any leading space; `##[` anywhere; names in any case;
 * and `::stop-commands::TOKEN` … `::TOKEN::` honoured. Returns the commands it would run.
 */
export function runnerCommands(output: string): string[] {
  const found: string[] = []
  let stopToken: string | null = null
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = raw
      .normalize('NFKC')
      .replace(/[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '')
      .replace(/^[\s\x85]+/, '')
    const names: string[] = []
    if (line.startsWith('::')) {
      const end = line.indexOf('::', 2)
      if (end >= 0) names.push(line.slice(2, end).split(' ')[0] ?? '')
    }
    for (let at = line.indexOf('##['); at >= 0; at = line.indexOf('##[', at + 1)) {
      const close = line.indexOf(']', at)
      if (close >= 0) names.push(line.slice(at + 3, close).split(' ')[0] ?? '')
    }
    for (const name of names.map(n => n.toLowerCase())) {
      if (stopToken !== null) {
        if (name === stopToken) stopToken = null
        continue
      }
      if (!REGISTERED.has(name)) continue
      found.push(name)
      if (name === 'stop-commands') stopToken = line.slice(line.indexOf('::', 2) + 2).toLowerCase()
    }
  }
  return found
}
