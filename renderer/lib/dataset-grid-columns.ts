import { CaseAssertions } from '../../src/core/schemas/dataset-edit'
import type { VariableSpec } from '../../src/core/schemas/workspace'

/**
 * The Datasets grid's columns and how a cell's text maps to a case field and back. Every cell is edited as text:
 * variables by their contract type, expected output as is, assertions as JSON, tags comma separated, notes as is.
 */

export type GridColumnKind = 'var' | 'expected' | 'assertions' | 'tags' | 'notes'

export interface GridColumn {
  /** `var:<name>` or the field name. */
  id: string
  kind: GridColumnKind
  label: string
  /** For variable columns. */
  varName?: string
  /** The contract's type for the variable; null when the contract does not declare it (text). */
  varType: VariableSpec['type'] | null
  required: boolean
  description: string
  width: number
}

/** What a case needs to show in the grid. */
export interface CaseContent {
  vars: Record<string, unknown>
  expected: string | null
  assertions: Record<string, unknown>[]
  tags: string[]
  notes: string
}

export type ParsedCell = { ok: true; value: unknown } | { ok: false; message: string }

const FIELD_COLUMNS: GridColumn[] = [
  { id: 'expected', kind: 'expected', label: 'Expected output', varType: null, required: false, description: 'The answer you expect (empty: none).', width: 260 },
  {
    id: 'assertions',
    kind: 'assertions',
    label: 'Assertions',
    varType: null,
    required: false,
    description: 'Per-case checks as a JSON array, e.g. [{"type":"contains","value":"refund"}] (type, value, threshold, weight).',
    width: 240
  },
  { id: 'tags', kind: 'tags', label: 'Tags', varType: null, required: false, description: 'Comma separated, to slice results by.', width: 150 },
  { id: 'notes', kind: 'notes', label: 'Notes', varType: null, required: false, description: 'Anything worth knowing about the case.', width: 200 }
]

/** Contract variables first (in the contract's order), then any other variable the cases use, then the fields. */
export function buildColumns(contractVariables: readonly VariableSpec[], caseVariables: readonly string[]): GridColumn[] {
  const vars: GridColumn[] = contractVariables.map((v) => ({
    id: `var:${v.name}`,
    kind: 'var',
    label: v.name,
    varName: v.name,
    varType: v.type,
    required: v.required,
    description: v.description,
    width: v.type === 'string' ? 240 : 120
  }))
  const known = new Set(contractVariables.map((v) => v.name))
  for (const name of caseVariables) {
    if (known.has(name)) continue
    known.add(name)
    vars.push({ id: `var:${name}`, kind: 'var', label: name, varName: name, varType: null, required: false, description: 'Not a variable of the linked contract.', width: 200 })
  }
  return [...vars, ...FIELD_COLUMNS]
}

/** A column for a variable named by the user (a paste or a new column); text unless the contract says otherwise. */
export function varColumn(name: string): GridColumn {
  return { id: `var:${name}`, kind: 'var', label: name, varName: name, varType: null, required: false, description: '', width: 200 }
}

/** The text a cell shows and edits. */
export function cellText(c: CaseContent, column: GridColumn): string {
  switch (column.kind) {
    case 'var': {
      const value = c.vars[column.varName ?? '']
      if (value === undefined || value === null) return ''
      return typeof value === 'string' ? value : JSON.stringify(value)
    }
    case 'expected':
      return c.expected ?? ''
    case 'assertions':
      return c.assertions.length === 0 ? '' : JSON.stringify(c.assertions)
    case 'tags':
      return c.tags.join(', ')
    case 'notes':
      return c.notes
  }
}

function describeIssue(path: ReadonlyArray<PropertyKey>, message: string): string {
  const [index, ...rest] = path
  if (index === undefined) return message
  return `assertion ${Number(index) + 1}${rest.length ? ` (${rest.map(String).join('.')})` : ''}: ${message}`
}

/**
 * A cell's text as the value the case stores, or why it cannot be. An empty variable cell means "no value" (the
 * variable is left out of the case); an empty expected output means none.
 */
export function parseCell(column: GridColumn, text: string): ParsedCell {
  switch (column.kind) {
    case 'var':
      return parseVar(column, text)
    case 'expected':
      return { ok: true, value: text === '' ? null : text }
    case 'assertions': {
      if (text.trim() === '') return { ok: true, value: [] }
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch (error) {
        return { ok: false, message: `Not valid JSON (${error instanceof Error ? error.message : String(error)}). Write a JSON array, e.g. [{"type":"contains","value":"refund"}].` }
      }
      const parsed = CaseAssertions.safeParse(json)
      if (parsed.success) return { ok: true, value: parsed.data }
      const issue = parsed.error.issues[0]!
      return { ok: false, message: describeIssue(issue.path, issue.message) }
    }
    case 'tags': {
      const tags = text.split(',').map((t) => t.trim()).filter(Boolean)
      const long = tags.find((t) => t.length > 100)
      if (long) return { ok: false, message: `The tag "${long.slice(0, 20)}…" is longer than 100 characters.` }
      return { ok: true, value: [...new Set(tags)] }
    }
    case 'notes':
      return { ok: true, value: text }
  }
}

function parseVar(column: GridColumn, text: string): ParsedCell {
  if (text === '') return { ok: true, value: undefined }
  switch (column.varType) {
    case 'number': {
      const n = Number(text.trim())
      return text.trim() !== '' && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `${column.label} is a number, e.g. 3 or 0.5.` }
    }
    case 'boolean': {
      const t = text.trim().toLowerCase()
      if (t === 'true') return { ok: true, value: true }
      if (t === 'false') return { ok: true, value: false }
      return { ok: false, message: `${column.label} is true or false.` }
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) }
      } catch {
        return { ok: false, message: `${column.label} is JSON, e.g. {"a": 1} or ["x"]; strings go in quotes.` }
      }
    default:
      return { ok: true, value: text }
  }
}
