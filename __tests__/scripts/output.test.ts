// The scripts' own output (demo, rehearse): ANSI escapes only on a terminal without NO_COLOR, and the
// action's workflow commands rendered for a person.
import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { renderLogLine } from '../../scripts/lib/action-log.js'
import { LineSplitter, styleFor, useColor } from '../../scripts/lib/terminal.js'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
const ESC = '\x1b'

describe('terminal styling', () => {
  test('colours a terminal only, and never with NO_COLOR', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true)
    expect(useColor({ isTTY: false }, {})).toBe(false)
    expect(useColor({}, {})).toBe(false)
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false)
    expect(useColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true) // no-color.org: present and not empty
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true)
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '0' })).toBe(false)
    expect(useColor({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false)
  })

  test('plain styles return the text unchanged', () => {
    const plain = styleFor({ isTTY: false }, {})
    expect(plain.bold('x') + plain.red('y') + plain.dim('z')).toBe('xyz')
    expect(styleFor({ isTTY: true }, {}).bold('x')).toBe(`${ESC}[1mx${ESC}[22m`)
  })

  test('splits chunks into whole lines', () => {
    const s = new LineSplitter()
    expect(s.push('a\nb')).toEqual(['a'])
    expect(s.push('c\r\nd\n')).toEqual(['bc', 'd'])
    expect(s.push('tail')).toEqual([])
    expect(s.flush()).toEqual(['tail'])
    expect(s.flush()).toEqual([])
  })

  test('renders workflow commands as the log shows them', () => {
    const style = styleFor({ isTTY: false }, {})
    const r = (line: string, debug = false): string[] => renderLogLine(line, { style, debug, indent: '  ' })
    expect(r('::group::Shifting traffic')).toEqual(['  ▸ Shifting traffic'])
    expect(r('::endgroup::')).toEqual([])
    expect(r('::error::fn: rolled back%0Asecond line 100%25')).toEqual([
      '  Error: fn: rolled back',
      '  second line 100%'
    ])
    expect(r('::warning title=x::careful')).toEqual(['  Warning: careful'])
    expect(r('::debug::GetAlias 200')).toEqual([])
    expect(r('::debug::GetAlias 200', true)).toEqual(['  debug: GetAlias 200'])
    expect(r('plain 100%25 stays')).toEqual(['  plain 100%25 stays'])
    expect(r('')).toEqual([])
  })
})

describe('npm run demo', () => {
  test('piped, it prints no ANSI escapes', async () => {
    const tsx = join(root, 'node_modules', '.bin', 'tsx')
    const { stdout } = await promisify(execFile)(tsx, ['scripts/demo.ts'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
      maxBuffer: 16 * 1024 * 1024
    })
    expect(stdout).toContain('=== 3. Newer code')
    expect(stdout).toContain('"status":"rolled-back"')
    // Run 3's alarm tripped by the emulator's own evaluation (realistic profile), not set by the demo.
    expect(stdout).toMatch(/Error: alarm hello-api-errors went into ALARM \(Threshold Crossed: /)
    expect(stdout).not.toContain(ESC)
  }, 150_000)
})
