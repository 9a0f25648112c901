// The description in a printed "to undo" command, quoted so that pasting the command restores the exact
// text, and so that the log's neutralising (one line, `::` and `##[` broken, spaces folded, NFKC) finds
// nothing to change in it.

/** Characters the log would alter, or that a person could not see: written as escapes instead. */
function altered(chars: string[], i: number): boolean {
  const c = chars[i] as string
  const code = c.codePointAt(0) as number
  if (code < 0x20 || code > 0x7e) return true
  if (c === ':' && chars[i + 1] === ':') return true
  if (c === '#' && chars[i + 1] === '#') return true
  // Leading, trailing and repeated spaces are folded by the log.
  if (c === ' ') return i === 0 || i === chars.length - 1 || chars[i - 1] === ' '
  return false
}

/**
 * Single quotes when the text passes through the log unchanged; else ANSI-C quoting (`$'…'`, bash, zsh,
 * ksh) with every such character as `\xHH` of its UTF-8 bytes, so the line is plain ASCII the log keeps.
 */
export function shellQuoteExact(text: string): string {
  const chars = Array.from(text)
  if (!chars.some((_, i) => altered(chars, i))) return `'${text.replace(/'/g, `'\\''`)}'`
  const body = chars
    .map((c, i) => {
      if (c === '\\') return '\\\\'
      if (c === "'") return "\\'"
      if (!altered(chars, i)) return c
      return [...Buffer.from(c, 'utf8')].map(b => `\\x${b.toString(16).padStart(2, '0')}`).join('')
    })
    .join('')
  return `$'${body}'`
}
