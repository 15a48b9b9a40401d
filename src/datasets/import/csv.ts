/** RFC 4180 CSV parser: one pass over the string, problems collected rather than thrown one by one. */
import { normalizeNewlines } from './decode'
import { IssueList } from './import-errors'

export interface ParsedCsv {
  header: string[]
  rows: string[][]
  /** 1-based line on which each row starts (rows can span lines through quoted newlines). */
  rowLines: number[]
}

const QUOTE = 34
const COMMA = 44
const NL = 10

/**
 * Parses CSV text (first row = header). Blank lines are skipped. When `issues` is given, problems are added to it and
 * whatever could be parsed is returned; otherwise an ImportError naming `fileName` is thrown listing all of them.
 */
export function parseCsv(input: string, options: { fileName?: string; issues?: IssueList } = {}): ParsedCsv {
  const issues = options.issues ?? new IssueList()
  const text = normalizeNewlines(input)
  const n = text.length
  const records: string[][] = []
  const recordLines: number[] = []
  let headerCols: number[] = []
  let row: string[] = []
  let rowLine = 1
  let line = 1
  let lineStart = 0
  let i = 0
  let rowQuoted = false
  let width = 0

  const endRow = (): void => {
    if (!(row.length === 1 && row[0] === '' && !rowQuoted)) {
      records.push(row)
      recordLines.push(rowLine)
      if (records.length === 1) {
        width = row.length
        checkHeader(row, rowLine, headerCols, issues)
      }
      else if (row.length !== width) issues.add(rowLine, null, null, `expected ${width} fields, got ${row.length}`)
    } else if (records.length === 0) {
      headerCols = []
    }
    row = []
    rowQuoted = false
  }

  while (i <= n) {
    if (records.length === 0) headerCols.push(i - lineStart + 1)
    let value: string
    if (i < n && text.charCodeAt(i) === QUOTE) {
      rowQuoted = true
      const openLine = line
      const openCol = i - lineStart + 1
      let j = i + 1
      value = ''
      for (;;) {
        const q = text.indexOf('"', j)
        const end = q === -1 ? n : q
        for (let k = j; k < end; k++) {
          if (text.charCodeAt(k) === NL) {
            line++
            lineStart = k + 1
          }
        }
        value += text.slice(j, end)
        if (q === -1) {
          issues.add(openLine, openCol, null, 'unclosed quote — close the quote or escape it as ""')
          i = n
          break
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"'
          j = q + 2
          continue
        }
        i = q + 1
        break
      }
      if (i < n) {
        const c = text.charCodeAt(i)
        if (c !== COMMA && c !== NL) {
          issues.add(line, i - lineStart + 1, null, 'unexpected text after a closing quote — quote the whole field and escape inner quotes as ""')
          const start = i
          while (i < n && text.charCodeAt(i) !== COMMA && text.charCodeAt(i) !== NL) i++
          value += text.slice(start, i)
        }
      }
    } else {
      const start = i
      let strayReported = false
      while (i < n) {
        const c = text.charCodeAt(i)
        if (c === COMMA || c === NL) break
        if (c === QUOTE && !strayReported) {
          issues.add(line, i - lineStart + 1, null, 'stray quote in an unquoted field — quote the whole field and escape the quote as ""')
          strayReported = true
        }
        i++
      }
      value = text.slice(start, i)
    }
    row.push(value)
    if (i >= n) {
      endRow()
      break
    }
    if (text.charCodeAt(i) === COMMA) {
      i++
      continue
    }
    // newline
    endRow()
    i++
    line++
    lineStart = i
    rowLine = line
    if (i === n) break
  }

  if (records.length === 0) issues.add(1, null, null, 'the file is empty — expected a header row')
  const header = records[0] ?? []
  const rows = records.slice(1)
  const rowLines = recordLines.slice(1)
  if (!options.issues) issues.throwIfAny(options.fileName ?? 'input.csv')
  return { header: header.map((h) => h.trim()), rows, rowLines }
}

function checkHeader(header: string[], line: number, cols: number[], issues: IssueList): void {
  const seen = new Map<string, number>()
  header.forEach((name, k) => {
    const col = cols[k] ?? null
    const key = name.trim()
    if (key === '') {
      issues.add(line, col, null, `header ${k + 1} is empty — give every column a name`)
      return
    }
    const prev = seen.get(key)
    if (prev !== undefined) issues.add(line, col, key, `duplicate header "${key}" (also column ${prev + 1}) — rename one of them`)
    else seen.set(key, k)
  })
}
