/**
 * Column mappings: the role suggested for each column of an imported file (promptfoo-aware), and the checks a
 * mapping must pass before any row is read (unknown columns, a column twice, empty or clashing variable names).
 */
import type { ColumnMapping, ColumnRole, PreviewColumn } from '../../core/api/dataset-transfer-operations'
import { parseAssertionShorthand } from './assertion-shorthand'
import type { IssueList } from './import-errors'
import { VARS_PREFIX, type Table } from './table'

export type { ColumnMapping, ColumnRole }

const TEMPLATE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const NUMBERED_EXPECTED = /^__expected\d+$/
const METADATA_PREFIX = '__metadata:'
const SAMPLE_COUNT = 3
const SAMPLE_CHARS = 120

/** Fixed roles of promptfoo / Switchyard CSV columns (and flat JSON keys). */
const SPECIAL: Record<string, ColumnRole> = {
  __assertions: 'assertions-json',
  __tags: 'tags',
  __description: 'description',
  __notes: 'notes'
}
/** Fields of a promptfoo test besides `vars`. */
const TEST_FIELDS: Record<string, ColumnRole> = {
  expected: 'expected',
  assert: 'assertions-json',
  assertions: 'assertions-json',
  tags: 'tags',
  notes: 'notes',
  description: 'description',
  metadata: 'metadata'
}

export function isEmptyCell(v: unknown): boolean {
  return v === undefined || v === null || v === ''
}

/** A cell as text: strings as they are, other JSON values as JSON. */
export function cellText(v: unknown): string {
  if (v === undefined || v === null) return ''
  return typeof v === 'string' ? v : JSON.stringify(v)
}

/** A name a `{{template}}` can use, made from any header: `Customer name` → `Customer_name`. */
export function templateName(name: string): string {
  const cleaned = name.trim().replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+(?=[^_])|_+$/g, '')
  if (cleaned === '') return 'var'
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned
}

function varSuggestion(column: string, name: string): { suggested: ColumnMapping; note: string | null } {
  const note = TEMPLATE_NAME.test(name) ? null : `"${name}" cannot be written as {{${name}}} in a template — rename it, e.g. to "${templateName(name)}"`
  return { suggested: name === column ? { column, role: 'var' } : { column, role: 'var', name }, note }
}

/** `__expected`: promptfoo assertions when any cell is written as one (`contains:x`), else the expected output. */
function expectedSuggestion(column: string, values: unknown[]): { suggested: ColumnMapping; note: string } {
  const shorthand = values.some((v) => {
    if (typeof v !== 'string' || v.trim() === '') return false
    try {
      return !parseAssertionShorthand(v).bare
    } catch {
      return true
    }
  })
  if (shorthand) {
    return {
      suggested: { column, role: 'assertion' },
      note: 'promptfoo assertions (type:value); a plain value is an equals check and the expected output'
    }
  }
  return {
    suggested: { column, role: 'expected' },
    note: 'plain values: the expected output. Choose Assertion to also check equality (promptfoo reads a plain value as equals)'
  }
}

function suggestFor(table: Table, column: string, values: () => unknown[]): { suggested: ColumnMapping; note: string | null } {
  if (table.shape === 'tests') {
    if (column.startsWith(VARS_PREFIX)) return varSuggestion(column, column.slice(VARS_PREFIX.length))
    const role = TEST_FIELDS[column]
    if (role) return { suggested: { column, role }, note: null }
    return {
      suggested: { column, role: 'ignore' },
      note: 'not a field of a promptfoo test (vars, expected, assert, tags, notes, description, metadata) — give it a role to keep it'
    }
  }
  if (column === '__expected') return expectedSuggestion(column, values())
  if (NUMBERED_EXPECTED.test(column)) return { suggested: { column, role: 'assertion' }, note: null }
  const special = SPECIAL[column]
  if (special) return { suggested: { column, role: special }, note: null }
  if (column.startsWith(METADATA_PREFIX)) {
    return { suggested: { column, role: 'metadata', name: column.slice(METADATA_PREFIX.length) }, note: 'each non-empty value becomes a tag key:value' }
  }
  return varSuggestion(column, column)
}

/** Every column with samples, how many rows fill it, and its suggested role. */
export function describeColumns(table: Table): PreviewColumn[] {
  return table.columns.map((name, k) => {
    const samples: string[] = []
    let filled = 0
    for (const row of table.rows) {
      const v = row[k]
      if (isEmptyCell(v)) continue
      filled++
      if (samples.length < SAMPLE_COUNT) {
        const text = cellText(v)
        samples.push(text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS - 1)}…` : text)
      }
    }
    return { name, samples, filled, ...suggestFor(table, name, () => table.rows.map((row) => row[k])) }
  })
}

/** The suggested mapping (what an import without a mapping uses). */
export function suggestMapping(table: Table): ColumnMapping[] {
  const seen = new Set<string>()
  // A repeated header is reported by the parser; its second column cannot be named, so it is left out.
  return describeColumns(table).flatMap((c) => (seen.has(c.name) ? [] : (seen.add(c.name), [c.suggested])))
}

/** A checked mapping: the column index of each entry and its resolved name. */
export interface ResolvedColumn {
  index: number
  column: string
  role: ColumnRole
  /** Variable name or metadata key. */
  name: string
}

/**
 * Checks a mapping against the file's columns; every problem goes to `issues` (line 1, the header, with the column
 * as field). Returns the entries to apply (ignored columns left out).
 */
export function resolveMapping(table: Table, mapping: readonly ColumnMapping[], issues: IssueList): ResolvedColumn[] {
  const index = new Map<string, number>()
  table.columns.forEach((name, k) => {
    if (!index.has(name)) index.set(name, k)
  })
  const listed = table.columns.length > 12 ? `${table.columns.slice(0, 12).join(', ')}, …` : table.columns.join(', ')
  const seen = new Set<string>()
  const varOwner = new Map<string, string>()
  let expectedOwner: string | null = null
  const resolved: ResolvedColumn[] = []
  for (const m of mapping) {
    const k = index.get(m.column)
    if (k === undefined) {
      issues.add(1, null, m.column, `the mapping names column "${m.column}", which is not in the file (columns: ${listed || 'none'}) — pick one of those or drop it from the mapping`)
      continue
    }
    if (seen.has(m.column)) {
      issues.add(1, null, m.column, `column "${m.column}" is mapped twice — give each column one role`)
      continue
    }
    seen.add(m.column)
    if (m.role === 'ignore') continue
    const defaultName = m.role === 'metadata' && m.column.startsWith(METADATA_PREFIX) ? m.column.slice(METADATA_PREFIX.length) : table.shape === 'tests' && m.column.startsWith(VARS_PREFIX) ? m.column.slice(VARS_PREFIX.length) : m.column
    const name = (m.name ?? defaultName).trim()
    if (m.role === 'var') {
      if (name === '') {
        issues.add(1, null, m.column, `column "${m.column}" is mapped to a variable with an empty name — type a name, or set the column to Ignore`)
        continue
      }
      const owner = varOwner.get(name)
      if (owner !== undefined) {
        issues.add(1, null, m.column, `columns "${owner}" and "${m.column}" are both mapped to variable "${name}" — rename one of them or ignore one`)
        continue
      }
      varOwner.set(name, m.column)
    } else if (m.role === 'metadata' && name === '') {
      issues.add(1, null, m.column, `column "${m.column}" is mapped to metadata with an empty key — type a key, or set the column to Ignore`)
      continue
    } else if (m.role === 'expected') {
      if (expectedOwner !== null) {
        issues.add(1, null, m.column, `columns "${expectedOwner}" and "${m.column}" are both mapped to the expected output — keep one, and set the other to Notes or Ignore`)
        continue
      }
      expectedOwner = m.column
    }
    resolved.push({ index: k, column: m.column, role: m.role, name })
  }
  return resolved
}
