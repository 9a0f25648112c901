import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { logSafe, mdCell, mdText } from '../../src/untrusted.js'
import { runnerCommands } from './workflow-commands.js'

const INJECTIONS: Record<string, string> = {
  error: '::error::pwned',
  'error with properties': '::error file=a.ts,line=1,title=x::pwned',
  warning: '::warning::pwned',
  notice: '::notice::pwned',
  'save-state': '::save-state name=done::true',
  'set-output': '::set-output name=version::666',
  'add-mask': '::add-mask::secret',
  'stop-commands': '::stop-commands::tok',
  echo: '::echo::on',
  group: '::group::fake group',
  endgroup: '::endgroup::',
  debug: '::debug::x',
  'upper case': '::ERROR::pwned',
  'legacy mid-line': 'all good ##[error]pwned',
  'legacy set-output': '##[set-output name=version;]666',
  'full-width colons': '：：error：：pwned'
}
// Breaks the runner splits on, then ones only a viewer might honour or a comparison might skip: the
// latter are not live injections today, and are neutralised all the same.
const LIVE_SEPARATORS: Record<string, string> = {
  LF: '\n',
  CRLF: '\r\n',
  CR: '\r',
  'LF and leading spaces': '\n   ',
  'LF and a tab': '\n\t',
  'LF and NBSP': '\n\u00a0',
  'LF and ideographic space': '\n\u3000',
  'LF and a zero-width space': '\n\u200b',
  'LF and a soft hyphen': '\n\u00ad'
}
const OTHER_SEPARATORS: Record<string, string> = {
  'LS (U+2028)': '\u2028',
  'PS (U+2029)': '\u2029',
  NEL: '\x85',
  'LF and ANSI colour': '\n\x1b[31m',
  'LF, ANSI and spaces': '\n \x1b[0m '
}

describe('logSafe', () => {
  const build = (separators: Record<string, string>) =>
    Object.entries(INJECTIONS).flatMap(([what, attack]) =>
      Object.entries(separators).map(
        ([sep, s]) => [`${what} after ${sep}`, `Error: boom${s}${attack}`] as const
      )
    )
  const live = build(LIVE_SEPARATORS)
  const cases = [...live, ...build(OTHER_SEPARATORS)]

  it.each(live)('the oracle sees the raw %s as a command', (_, text) => {
    // Guards the test itself: each case is a real injection when printed as it is.
    expect(runnerCommands(`step output\n${text}`).length).toBeGreaterThan(0)
  })

  it.each(cases)('neutralises %s', (_, text) => {
    const safe = logSafe(text)
    expect(runnerCommands(safe)).toEqual([])
    expect(runnerCommands(`  ${safe}`)).toEqual([])
    expect(runnerCommands(`v3 answered: ${safe}`)).toEqual([])
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(safe).not.toMatch(/[\r\n\u2028\u2029\x85\x1b]/)
  })

  it.each(Object.entries(INJECTIONS))('neutralises %s at the very start of the text', (_, attack) => {
    for (const lead of ['', '   ', '\t', '\u00a0', '\u200b', '\x1b[1m']) {
      expect(runnerCommands(logSafe(lead + attack))).toEqual([])
    }
  })

  it('keeps the text readable: one space per break, the colons still shown', () => {
    expect(logSafe('Error: boom\r\n::error::pwned')).toBe('Error: boom : :error::pwned')
    expect(logSafe('ok ##[group]x')).toBe('ok # #[group]x')
    expect(logSafe('  a\t\tb \n\n c  ')).toBe('a b c')
  })

  it('leaves a :: inside a word or an IPv6 host alone, so ARNs and endpoints stay copyable', () => {
    const message = 'User: arn:aws:sts::123456789012:assumed-role/deploy/gha is not authorized'
    expect(logSafe(message)).toBe(message)
    expect(logSafe('at http://[::1]:4599')).toBe('at http://[::1]:4599')
  })

  it('drops ANSI escapes, OSC hyperlinks, bidi overrides and zero-width characters', () => {
    expect(logSafe('\x1b[31mred\x1b[0m')).toBe('red')
    expect(logSafe('\x1b]8;;http://evil\x07click\x1b]8;;\x07')).toBe('click')
    expect(logSafe('abc\u202edcba\u202c')).toBe('abcdcba')
    expect(logSafe('a\u200bb\u00adc\ufeffd')).toBe('abcd')
  })

  it('bounds the length with an ellipsis and never splits a surrogate pair', () => {
    expect(logSafe('x'.repeat(500))).toBe(`${'x'.repeat(299)}…`)
    expect(logSafe('abcdef', 4)).toBe('abc…')
    expect(logSafe('abcd', 4)).toBe('abcd')
    const emoji = logSafe('😀'.repeat(50), 10)
    expect(Array.from(emoji)).toEqual([...Array(9).fill('😀'), '…'])
    expect(logSafe('a\ud800b')).toBe('a\ufffdb')
  })

  it('never yields a command, a line break or a control character, whatever the input', () => {
    const piece = fc.constantFrom(
      ':',
      '::',
      '#',
      '##[',
      ']',
      ' ',
      '\t',
      '\n',
      '\r',
      '\u2028',
      '\x85',
      '\u00a0',
      '\u200b',
      '\x1b[',
      '：',
      'error',
      'set-output name=x',
      'stop-commands',
      'add-mask',
      'a',
      '1'
    )
    const text = fc.oneof(
      fc.array(piece, { maxLength: 30 }).map(p => p.join('')),
      fc.string({ unit: 'binary' })
    )
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 400 }), (input, max) => {
        const safe = logSafe(input, max)
        expect(runnerCommands(safe)).toEqual([])
        expect(runnerCommands(`x ${safe}`)).toEqual([])
        expect(safe).not.toMatch(/[\p{Cc}\u2028\u2029]/u)
        expect(Array.from(safe).length).toBeLessThanOrEqual(max)
      }),
      { numRuns: 2000 }
    )
  })
})

// GitHub renders the summary with cmark-gfm; markdown-it (CommonMark + tables + linkify of schemes and
// e-mails) and micromark with GFM (which follows github.com, autolink literals included) stand in for it.
const markdownIt = new MarkdownIt({ html: true, linkify: true })
markdownIt.linkify.set({ fuzzyLink: false })
const renderers: Record<string, (md: string) => string> = {
  'markdown-it': md => markdownIt.render(md),
  'micromark+gfm': md =>
    micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
}

const tags = (html: string): Set<string> =>
  new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map(m => (m[1] ?? '').toLowerCase()))
const text = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

const decode = (html: string): string => text(html).replace(/\u200b/g, '')

/**
 * GitHub also links in the rendered text, after references are decoded (cmark-gfm's e-mail pass, and
 * github.com's own filters): e-mail addresses, www. names, http(s) URLs, @mentions. cmark-gfm links
 * `me&#64;evil.example`, so escaping alone is not enough there.
 */
const LINKABLE =
  /[\w.+-]@[a-z0-9_-]|(?:^|[\s*_~(])www\.[a-z0-9_-]|[a-z][a-z0-9+.-]*:\/\/[a-z0-9_-]|(?:^|[^\w`])@[a-z0-9]/i

/** A table whose middle cell, a paragraph line, a line of its own under a paragraph and a list item hold the text. */
function renderAll(render: (md: string) => string, escaped: string) {
  const table = render(`| a | b | c |\n|---|---|---|\n| 1 | ${escaped} | 3 |\n`)
  const own = render(`Alarm said:\n${escaped}\n`)
  const item = render(`- reason: ${escaped}\n`)
  return { table, own, item }
}

const ATTACKS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="http://evil">x</a>',
  '<details open><summary>hidden</summary>',
  '<!-- hide the rest',
  '[click me](http://evil.example/login)',
  '![tracker](http://evil.example/pixel.png)',
  '[ref]: http://evil.example',
  '[text][ref]',
  '<http://evil.example>',
  'see http://evil.example/x or https://evil.example',
  'see www.evil.example/login',
  'mail admin@evil.example',
  'ping @octocat',
  'a | b | c',
  'a \\| b',
  '```\nfenced\n```',
  '`code`',
  '# heading',
  '> quote',
  '- item',
  '+ item',
  '1. item',
  '2) item',
  '---',
  '===',
  '***',
  '    indented code',
  '*em* _em_ **strong** ~~del~~',
  '$x^2$ and $$y$$',
  '[^1] footnote',
  '&lt;b&gt; and &amp;',
  'line one\nline two\r\n<b>three</b>\u2028four',
  'trailing backslash \\',
  'two spaces  \nbreak'
]

describe('mdText / mdCell', () => {
  it('models what GitHub would link (guards the test itself)', () => {
    for (const raw of [
      'see http://evil.example/x',
      'www.evil.example',
      'admin@evil.example',
      'ping @octocat'
    ])
      expect(raw).toMatch(LINKABLE)
    expect('deploy v1.2.3 from main').not.toMatch(LINKABLE)
  })

  const allowed = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'p', 'ul', 'li'])
  const visible = (text: string): string => text.replace(/\s+/g, ' ').trim()

  describe.each(Object.entries(renderers))('rendered by %s', (_, render) => {
    it.each(ATTACKS)('shows %j as inert text', attack => {
      const escaped = mdCell(attack)
      const { table, own, item } = renderAll(render, escaped)
      for (const html of [table, own, item]) {
        expect([...tags(html)].filter(t => !allowed.has(t))).toEqual([])
      }
      expect(table.match(/<td>/g)).toHaveLength(3)
      expect(own.match(/<p>/g)).toHaveLength(1)
      // The reader sees exactly what came in, on one line.
      const cell = /<td>1<\/td>\s*<td>([\s\S]*?)<\/td>/.exec(table)?.[1] ?? ''
      expect(decode(cell)).toBe(visible(attack))
      expect(text(own)).not.toMatch(LINKABLE)
      expect(visible(decode(own))).toBe(`Alarm said: ${visible(attack)}`)
    })

    it('holds for any text: no tag, link or image, one cell, the same characters', () => {
      const piece = fc.constantFrom(
        '<',
        '>',
        '&',
        '|',
        '\\',
        '`',
        '[',
        ']',
        '(',
        ')',
        '!',
        '*',
        '_',
        '~',
        '#',
        '-',
        '=',
        '+',
        '1.',
        ':',
        '//',
        '@',
        'www.',
        'http',
        'evil.example',
        'img src=x',
        ' ',
        '\n',
        'a'
      )
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 25 }), pieces => {
          const attack = pieces.join('')
          const { table, own, item } = renderAll(render, mdCell(attack))
          for (const html of [table, own, item]) {
            expect([...tags(html)].filter(t => !allowed.has(t))).toEqual([])
          }
          expect(table.match(/<td>/g)).toHaveLength(3)
          const cell = /<td>1<\/td>\s*<td>([\s\S]*?)<\/td>/.exec(table)?.[1] ?? ''
          expect(decode(cell)).toBe(visible(attack))
          expect(text(cell)).not.toMatch(LINKABLE)
        }),
        { numRuns: 1000 }
      )
    })
  })

  it('bounds the length before escaping, so no character reference is cut', () => {
    const long = mdText('<'.repeat(400), 10)
    expect(long).toBe(`${'&lt;'.repeat(9)}…`)
    expect(mdCell('x'.repeat(200))).toBe(`${'x'.repeat(119)}…`)
  })

  it('leaves ordinary words as they are', () => {
    expect(mdText('Threshold Crossed: 1 datapoint [5.0 (01/12/26 10:00:00)]')).toBe(
      'Threshold Crossed&#58; 1 datapoint &#91;5.0 &#40;01/12/26 10&#58;00&#58;00&#41;&#93;'
    )
    expect(mdText('deploy v1.2.3 from main')).toBe('deploy v1.2.3 from main')
  })
})
