/** A table and a checked column mapping → dataset cases; every problem is collected with its line and column. */
import { parseAssertionShorthand, type Assertion } from './assertion-shorthand'
import type { ImportedCase } from './case-shape'
import { cellText, isEmptyCell, resolveMapping, type ColumnMapping, type ResolvedColumn } from './column-mapping'
import { IssueList } from './import-errors'
import { isPlainObject, type Table } from './table'

export interface ApplyOptions {
  /** Used in `source` (`<fileName>:<line>`) and in error messages. */
  fileName?: string
  /** Collect problems here instead of throwing. */
  issues?: IssueList
}

type Report = (field: string, message: string) => void

const ASSERTIONS_EXAMPLE = 'write e.g. [{"type":"contains","value":"Paris"}]'

function pushShorthand(text: string, out: Assertion[], report: Report, field: string): boolean {
  try {
    const { assertion, bare } = parseAssertionShorthand(text)
    out.push(assertion)
    return bare
  } catch (err) {
    report(field, (err as Error).message)
    return false
  }
}

/** An `assertion` cell: shorthand text, or (JSON files) an assertion object or a list of shorthands / objects. */
function readAssertionCell(value: unknown, out: Assertion[], report: Report, field: string): string | null {
  if (typeof value === 'string') {
    if (value.trim() === '') return null
    return pushShorthand(value, out, report, field) ? value : null
  }
  const list = Array.isArray(value) ? value : [value]
  for (const item of list) {
    if (typeof item === 'string') pushShorthand(item, out, report, field)
    else if (isPlainObject(item)) out.push(item)
    else report(field, `an assertion is a shorthand like contains:x or an object with a "type" — got ${JSON.stringify(item)}`)
  }
  return null
}

/** An `assertions-json` cell: a JSON array of assertion objects (text in CSV, a value in JSON files). */
function readAssertionsJson(value: unknown, out: Assertion[], report: Report, field: string): void {
  let parsed = value
  if (typeof value === 'string') {
    if (value.trim() === '') return
    try {
      parsed = JSON.parse(value)
    } catch (err) {
      report(field, `not valid JSON (${(err as Error).message.split('\n')[0]}) — ${ASSERTIONS_EXAMPLE}`)
      return
    }
  }
  const list = Array.isArray(parsed) ? parsed : [parsed]
  for (const item of list) {
    if (isPlainObject(item) && typeof item.type === 'string') out.push(item)
    else {
      report(field, `expected assertion objects with a "type" — ${ASSERTIONS_EXAMPLE}`)
      return
    }
  }
}

/** A `tags` cell: `a, b; c`, a JSON array of strings as text, or (JSON files) an array of strings. */
function readTags(value: unknown, out: string[], report: Report, field: string): void {
  const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((t) => typeof t === 'string')
  if (typeof value === 'string') {
    const text = value.trim()
    if (text.startsWith('[')) {
      try {
        const list: unknown = JSON.parse(text)
        if (strings(list)) {
          out.push(...list)
          return
        }
      } catch {
        // not JSON: plain text tags
      }
    }
    for (const t of value.split(/[,;]/)) if (t.trim() !== '') out.push(t.trim())
    return
  }
  if (strings(value)) out.push(...value)
  else report(field, `tags are text separated by commas, or a list of strings — got ${JSON.stringify(value)}`)
}

function readMetadata(value: unknown, key: string, out: string[]): void {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) if (!isEmptyCell(v)) out.push(`${k}:${cellText(v)}`)
    return
  }
  const text = cellText(value).trim()
  if (text !== '') out.push(`${key}:${text}`)
}

function byRole(columns: ResolvedColumn[], role: ResolvedColumn['role']): ResolvedColumn[] {
  return columns.filter((c) => c.role === role)
}

/** Converts the table's rows to cases with `mapping`; throws one ImportError with every problem unless `options.issues`. */
export function tableToCases(table: Table, mapping: readonly ColumnMapping[], options: ApplyOptions = {}): ImportedCase[] {
  const fileName = options.fileName ?? 'input'
  const issues = options.issues ?? new IssueList()
  const before = issues.total
  const resolved = resolveMapping(table, mapping, issues)
  if (issues.total > before) {
    if (!options.issues) issues.throwIfAny(fileName)
    return []
  }
  const vars = byRole(resolved, 'var')
  const expected = byRole(resolved, 'expected')[0]
  const assertionCols = byRole(resolved, 'assertion')
  const jsonCols = byRole(resolved, 'assertions-json')
  const tagCols = byRole(resolved, 'tags')
  const metadataCols = byRole(resolved, 'metadata')
  const textCols = [...byRole(resolved, 'description'), ...byRole(resolved, 'notes')]
  const keepEmptyVars = table.shape === 'table'

  const cases: ImportedCase[] = []
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r] ?? []
    const line = table.rowLines[r] ?? 0
    const report: Report = (field, message) => issues.add(line, null, field, message)
    const caseVars: Record<string, unknown> = {}
    for (const c of vars) {
      const v = row[c.index]
      if (v !== undefined) caseVars[c.name] = v
      else if (keepEmptyVars) caseVars[c.name] = ''
    }
    let expectedText: string | null = null
    if (expected) {
      const v = row[expected.index]
      expectedText = isEmptyCell(v) ? null : cellText(v)
    }
    const assertions: Assertion[] = []
    for (const c of assertionCols) {
      const v = row[c.index]
      if (isEmptyCell(v)) continue
      const bare = readAssertionCell(v, assertions, report, c.column)
      if (bare !== null && !expected && expectedText === null) expectedText = bare
    }
    for (const c of jsonCols) {
      const v = row[c.index]
      if (!isEmptyCell(v)) readAssertionsJson(v, assertions, report, c.column)
    }
    const tags: string[] = []
    for (const c of tagCols) {
      const v = row[c.index]
      if (!isEmptyCell(v)) readTags(v, tags, report, c.column)
    }
    for (const c of metadataCols) {
      const v = row[c.index]
      if (!isEmptyCell(v)) readMetadata(v, c.name, tags)
    }
    let notes = ''
    for (const c of textCols) {
      const text = cellText(row[c.index])
      if (text !== '') notes = notes === '' ? text : `${notes}\n\n${text}`
    }
    cases.push({ vars: caseVars, expected: expectedText, assertions, tags, notes, source: `${fileName}:${line}` })
  }
  if (!options.issues) issues.throwIfAny(fileName)
  return cases
}
