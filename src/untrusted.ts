/**
 * Text from outside the workflow (a smoke test's reply, an alarm's StateReason, descriptions, refs, an AWS
 * error message) made inert for the two places it lands: the log and the job summary.
 *
 * How the runner finds commands in a log line (actions/runner ActionCommand + OutputManager):
 * - stdout is split into lines by .NET ReadLine: on \r, \n and \r\n;
 * - `::name props::data`: the line, after dropping leading whitespace (any Unicode space), must start
 *   with `::`; names are matched case-insensitively;
 * - the legacy `##[name props]data` is found ANYWHERE in a line, not only at its start;
 * - both tests use .NET culture-sensitive string comparison, which may skip invisible (ignorable)
 *   characters, so a zero-width character between the two colons is not a safe break.
 * Hence: one line, invisible and control characters dropped, and every `::` that could open a line and
 * every `##[` broken with a plain space.
 */

const ELLIPSIS = '…'

// ESC-introduced sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-character
// escapes; then the 8-bit CSI. A terminal or the log viewer would act on them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]/g
// Controls, format characters (zero-width, bidi overrides) and other default-ignorable code points:
// invisible, so they can hide or reorder what a reader sees, and comparisons may skip them.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu
// Tab and every line break, including the ones only some viewers honour (NEL, LS, PS).
const BREAKS = /[\t\n\v\f\r\x85\u2028\u2029]/g
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** One line of visible text: escapes and invisibles dropped, every run of space or line break → ' '. */
function oneLine(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(ANSI, '')
    .replace(BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** At most `max` characters (code points, so no surrogate pair is cut), the last one an ellipsis. */
function bound(text: string, max: number): string {
  const limit = Math.max(1, Math.floor(max))
  const chars = Array.from(text)
  if (chars.length <= limit) return text
  return (
    chars
      .slice(0, limit - 1)
      .join('')
      .trimEnd() + ELLIPSIS
  )
}

/**
 * One line for the log that the runner cannot read as a workflow command, at most `max` characters.
 * NFKC folds full-width and other look-alike colons, hashes and brackets to ASCII first, so they are
 * broken too. A `::` glued to a letter, digit or `[` (`arn:aws:iam::123…`, `http://[::1]:4599`) cannot
 * open a line and is kept; any other `::` becomes `: :`, and `##[` becomes `# #[`.
 */
export function logSafe(text: string, max = 300): string {
  const line = oneLine(text.normalize('NFKC'))
    .replace(/(?<![A-Za-z0-9[]):(?=:)/g, ': ')
    .replace(/#(?=#\[)/g, '# ')
  // Cutting after the breaks keeps the bound exact; dropping a tail cannot form a new `::` or `##[`.
  return bound(line, max)
}

// Each character that Markdown or HTML could read as syntax, as a character reference. References are
// decoded as plain text and never start a tag, link, image, emphasis, code span, table cell or math.
const MD_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '\\': '&#92;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;',
  '!': '&#33;',
  '#': '&#35;',
  '|': '&#124;',
  $: '&#36;',
  ':': '&#58;',
  '@': '&#64;',
  '^': '&#94;',
  '{': '&#123;',
  '}': '&#125;'
}
const MD_SPECIAL = /[&<>"'`\\[\]()*_~!#|$:@^{}]/g
const ZWSP = '\u200b'

/**
 * Plain text for the job summary: one line of at most `max` characters in which no Markdown or HTML
 * takes effect. Safe in a paragraph, a list item, a blockquote or a table cell (a `|` stays in its
 * cell); not inside backticks, where character references show as written.
 */
export function mdText(text: string, max = 300): string {
  const plain = bound(oneLine(text), max)
    // GitHub also links bare URLs, www. names, e-mail addresses and @mentions found in the rendered
    // text, after references are decoded; a zero-width space there breaks the pattern, not the look.
    .replace(/\/(?=\/)/g, `/${ZWSP}`)
    .replace(/(?<![A-Za-z0-9])(www)\./gi, `$1${ZWSP}.`)
    .replace(/@/g, `@${ZWSP}`)
  const escaped = plain.replace(MD_SPECIAL, c => MD_ESCAPES[c] ?? c)
  // A list marker, numbered item, setext underline or thematic break is only syntax at a line's start.
  return escaped
    .replace(/^[-+=]/, mark => `&#${mark.charCodeAt(0)};`)
    .replace(/^(\d{1,9})\./, (_, digits: string) => `${digits}&#46;`)
}

/** A table cell's text: `mdText` with a cell-sized bound; a `|` or line break never splits the row. */
export function mdCell(text: string, max = 120): string {
  return mdText(text, max)
}
