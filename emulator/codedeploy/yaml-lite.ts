// The block YAML an AppSpec file is written in: nested mappings and sequences by indentation, plain,
// single- and double-quoted scalars, comments. Not flow collections, anchors, tags or multi-line
// strings: an AppSpec for Lambda needs none of them, and anything else is refused with its line number.

export class YamlError extends Error {}

interface Line {
  n: number // 1-based line number
  indent: number
  text: string // without indentation and trailing comment
}

function stripComment(text: string): string {
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote !== undefined) {
      if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return text.slice(0, i)
  }
  return text
}

function lines(source: string): Line[] {
  const out: Line[] = []
  source.split(/\r?\n/).forEach((raw, i) => {
    if (raw.includes('\t')) throw new YamlError(`line ${i + 1}: tabs are not allowed for indentation`)
    const text = stripComment(raw).trimEnd()
    const body = text.trimStart()
    if (body === '' || body === '---') return
    out.push({ n: i + 1, indent: text.length - body.length, text: body })
  })
  return out
}

function scalar(text: string, n: number): unknown {
  if (text.startsWith('"')) {
    if (!text.endsWith('"') || text.length < 2) throw new YamlError(`line ${n}: unterminated string`)
    try {
      return JSON.parse(text) as string
    } catch {
      throw new YamlError(`line ${n}: bad escape in a double-quoted string`)
    }
  }
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new YamlError(`line ${n}: unterminated string`)
    return text.slice(1, -1).replace(/''/g, "'")
  }
  if (/^[[{&*!|>]/.test(text)) throw new YamlError(`line ${n}: unsupported YAML: ${text}`)
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  if (text === 'true' || text === 'false') return text === 'true'
  if (text === 'null' || text === '~') return null
  return text
}

const isItem = (text: string): boolean => text === '-' || text.startsWith('- ')

class Parser {
  constructor(readonly ls: Line[]) {}
  pos = 0

  node(indent: number): unknown {
    const line = this.ls[this.pos]
    if (line === undefined || line.indent < indent) return null
    return isItem(line.text) ? this.sequence(line.indent) : this.mapping(line.indent)
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = []
    for (
      let line = this.ls[this.pos];
      line?.indent === indent && isItem(line.text);
      line = this.ls[this.pos]
    ) {
      const rest = line.text.slice(1).trimStart()
      if (rest === '') {
        this.pos++
        items.push(this.node(indent + 1))
        continue
      }
      // `- key: value` opens a mapping whose further keys are indented like `key`.
      const column = indent + line.text.length - rest.length
      this.ls[this.pos] = { n: line.n, indent: column, text: rest }
      items.push(isItem(rest) || /^[^'"][^:]*:(\s|$)/.test(rest) ? this.node(column) : this.single(rest))
    }
    return items
  }

  private single(text: string): unknown {
    const line = this.ls[this.pos++]!
    return scalar(text, line.n)
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (
      let line = this.ls[this.pos];
      line?.indent === indent && !isItem(line.text);
      line = this.ls[this.pos]
    ) {
      const m = /^([^:]+?):(?:\s+(.*))?$/.exec(line.text)
      if (m === null) throw new YamlError(`line ${line.n}: expected "key: value"`)
      const key = String(scalar(m[1]!.trim(), line.n))
      this.pos++
      const next = this.ls[this.pos]
      if (m[2] !== undefined && m[2] !== '') out[key] = scalar(m[2], line.n)
      else if (next !== undefined && (next.indent > indent || (next.indent === indent && isItem(next.text))))
        out[key] = this.node(next.indent)
      else out[key] = null
    }
    const stray = this.ls[this.pos]
    if (stray !== undefined && stray.indent > indent) throw new YamlError(`line ${stray.n}: bad indentation`)
    return out
  }
}

export function parseYaml(source: string): unknown {
  const parser = new Parser(lines(source))
  const value = parser.node(0)
  const rest = parser.ls[parser.pos]
  if (rest !== undefined) throw new YamlError(`line ${rest.n}: bad indentation`)
  return value
}
