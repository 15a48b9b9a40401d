/** Maps parsed CSV rows to dataset cases (column mapping, promptfoo `__expected` / `__description` / `__metadata:*`). */
import { parseAssertionShorthand, type Assertion } from './assertion-shorthand'
import type { ParsedCsv } from './csv'
import { IssueList } from './import-errors'
import type { ImportedCase } from './case-shape'

export interface CsvMapping {
  /** Header names whose values become vars (under the same name). */
  vars: string[]
  /** Column holding the expected output (an empty cell = null). */
  expected?: string
  /** Column holding tags, separated by commas or semicolons. */
  tags?: string
  /** Column holding notes. */
  notes?: string
  /** Columns in promptfoo assertion shorthand; a bare value also sets `expected` when no `expected` column is mapped. */
  assertions?: string[]
  /** Columns whose non-empty values become tags `key:value` (key = header without a `__metadata:` prefix). */
  metadata?: string[]
}

export interface CsvToCasesOptions {
  /** Used in `source` (`<fileName>:<line>`) and in error messages. */
  fileName?: string
  /** Collect problems here instead of throwing. */
  issues?: IssueList
}

const EXPECTED_COLUMN = /^__expected\d*$/

/** promptfoo-aware default: `__expected*` → assertions, `__description` → notes, `__metadata:*` → tags, rest → vars. */
export function defaultCsvMapping(header: string[]): CsvMapping {
  const mapping: CsvMapping = { vars: [], assertions: [], metadata: [] }
  for (const name of header) {
    if (EXPECTED_COLUMN.test(name)) mapping.assertions?.push(name)
    else if (name === '__description') mapping.notes = name
    else if (name.startsWith('__metadata:')) mapping.metadata?.push(name)
    else mapping.vars.push(name)
  }
  return mapping
}

function splitTags(cell: string): string[] {
  return cell.split(/[,;]/).map((t) => t.trim()).filter((t) => t !== '')
}

/** Converts parsed rows to cases; every problem is collected (thrown as one ImportError unless `options.issues`). */
export function csvToCases(parsed: ParsedCsv, mapping: CsvMapping, options: CsvToCasesOptions = {}): ImportedCase[] {
  const fileName = options.fileName ?? 'input.csv'
  const issues = options.issues ?? new IssueList()
  const index = new Map<string, number>()
  parsed.header.forEach((name, k) => {
    if (!index.has(name)) index.set(name, k)
  })
  const col = (name: string, role: string): number => {
    const k = index.get(name)
    if (k === undefined) {
      issues.add(1, null, name, `${role} column "${name}" is not in the header (${parsed.header.join(', ')})`)
      return -1
    }
    return k
  }
  const varCols = mapping.vars.map((name) => [name, col(name, 'vars')] as const)
  const expectedCol = mapping.expected !== undefined ? col(mapping.expected, 'expected') : -1
  const tagsCol = mapping.tags !== undefined ? col(mapping.tags, 'tags') : -1
  const notesCol = mapping.notes !== undefined ? col(mapping.notes, 'notes') : -1
  const assertionCols = (mapping.assertions ?? []).map((name) => [name, col(name, 'assertions')] as const)
  const metadataCols = (mapping.metadata ?? []).map(
    (name) => [name.startsWith('__metadata:') ? name.slice('__metadata:'.length) : name, col(name, 'metadata')] as const
  )
  if (!issues.empty && !options.issues) issues.throwIfAny(fileName)

  const cases: ImportedCase[] = []
  for (let r = 0; r < parsed.rows.length; r++) {
    const row = parsed.rows[r] ?? []
    const line = parsed.rowLines[r] ?? 0
    const cell = (k: number): string => (k < 0 ? '' : (row[k] ?? ''))
    const vars: Record<string, unknown> = {}
    for (const [name, k] of varCols) if (k >= 0) vars[name] = cell(k)
    let expected: string | null = expectedCol >= 0 ? cell(expectedCol) : null
    if (expected === '') expected = null
    const assertions: Assertion[] = []
    for (const [name, k] of assertionCols) {
      const value = cell(k)
      if (k < 0 || value.trim() === '') continue
      try {
        const { assertion, bare } = parseAssertionShorthand(value)
        assertions.push(assertion)
        if (bare && expectedCol < 0 && expected === null) expected = value
      } catch (err) {
        issues.add(line, null, name, (err as Error).message)
      }
    }
    const tags = tagsCol >= 0 ? splitTags(cell(tagsCol)) : []
    for (const [key, k] of metadataCols) {
      const value = cell(k).trim()
      if (k >= 0 && value !== '') tags.push(`${key}:${value}`)
    }
    cases.push({ vars, expected, assertions, tags, notes: cell(notesCol), source: `${fileName}:${line}` })
  }
  if (!options.issues) issues.throwIfAny(fileName)
  return cases
}
