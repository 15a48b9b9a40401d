/** Positions inside JSON text: where a syntax error is, and where each case of a JSON dataset starts. */

class SyntaxAt {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

/** Offset of the first JSON syntax error in `text`, or -1 when it is valid (Node 20's messages carry no position). */
export function jsonSyntaxErrorOffset(text: string): number {
  let p = 0
  const n = text.length
  const ws = (): void => {
    while (p < n && (text[p] === ' ' || text[p] === '\t' || text[p] === '\n' || text[p] === '\r')) p++
  }
  const str = (): void => {
    p++
    for (;;) {
      if (p >= n) throw new SyntaxAt(p)
      const c = text.charCodeAt(p)
      if (c === 34) { p++; return }
      if (c < 0x20) throw new SyntaxAt(p)
      if (c === 92) {
        const e = text[p + 1] ?? ''
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(p + 2, p + 6))) throw new SyntaxAt(p)
          p += 6
        } else if (ESCAPES.has(e)) p += 2
        else throw new SyntaxAt(p + 1)
      } else p++
    }
  }
  const value = (): void => {
    ws()
    const c = text[p]
    if (c === '{') {
      p++
      ws()
      if (text[p] === '}') { p++; return }
      for (;;) {
        ws()
        if (text[p] !== '"') throw new SyntaxAt(p)
        str()
        ws()
        if (text[p] !== ':') throw new SyntaxAt(p)
        p++
        value()
        ws()
        if (text[p] === ',') { p++; continue }
        if (text[p] === '}') { p++; return }
        throw new SyntaxAt(p)
      }
    }
    if (c === '[') {
      p++
      ws()
      if (text[p] === ']') { p++; return }
      for (;;) {
        value()
        ws()
        if (text[p] === ',') { p++; continue }
        if (text[p] === ']') { p++; return }
        throw new SyntaxAt(p)
      }
    }
    if (c === '"') return str()
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, p)) { p += lit.length; return }
    }
    NUMBER.lastIndex = p
    const m = NUMBER.exec(text)
    if (m && m[0] !== '') { p += m[0].length; return }
    throw new SyntaxAt(p)
  }
  try {
    value()
    ws()
    return p < n ? p : -1
  } catch (e) {
    if (e instanceof SyntaxAt) return e.offset
    throw e
  }
}

/** 1-based line and column of `offset` in `text` (after `fromLine` lines, for a line of a larger file). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1 }
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Start offsets of the elements of the case array of valid JSON text: the root array, or the `cases` array of a root
 * object. Returns [] when there is none.
 */
export function caseElementOffsets(text: string): number[] {
  const offsets: number[] = []
  let depth = 0
  let root = ''
  let lastKey: string | null = null
  let targetDepth = -1
  let expect = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? ''
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') continue
    if (expect && c !== ']') {
      offsets.push(i)
      expect = false
    }
    if (c === '"') {
      const start = i
      i++
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
      if (depth === 1 && root === '{') lastKey = text.slice(start + 1, i)
      continue
    }
    if (c === '[' || c === '{') {
      if (depth === 0) root = c
      depth++
      const isTarget = targetDepth < 0 && ((root === '[' && depth === 1) || (root === '{' && depth === 2 && c === '[' && lastKey === 'cases'))
      if (isTarget) {
        targetDepth = depth
        expect = true
      }
    } else if (c === ']' || c === '}') {
      if (depth === targetDepth) return offsets
      depth--
    } else if (c === ',' && depth === targetDepth) {
      expect = true
    }
  }
  return offsets
}
