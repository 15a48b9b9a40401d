/**
 * Any imported file as one table: named columns and rows of cell values, each row with the line it starts on.
 * CSV: the header and its string cells. JSON / JSONL: the objects' keys as columns — flat objects give their keys,
 * promptfoo tests (`vars` present) give `vars.<name>` for each variable plus their other fields.
 */
import type { ParsedCsv } from './csv'
import type { IssueList } from './import-errors'

export type TableShape = 'table' | 'records' | 'tests'

export interface Table {
  shape: TableShape
  columns: string[]
  /** Cells by column index; `undefined` where a JSON object has no such key. */
  rows: unknown[][]
  rowLines: number[]
}

export const VARS_PREFIX = 'vars.'

export function csvTable(parsed: ParsedCsv): Table {
  return { shape: 'table', columns: parsed.header, rows: parsed.rows, rowLines: parsed.rowLines }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function kindOf(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`
}

/** JSON values → a table; a value that is not an object (or a test whose `vars` is not one) is reported by line. */
export function recordsTable(values: unknown[], lines: number[], issues: IssueList): Table {
  const tests = values.some((v) => isPlainObject(v) && 'vars' in v)
  const index = new Map<string, number>()
  const columns: string[] = []
  const rows: unknown[][] = []
  const rowLines: number[] = []
  const put = (row: unknown[], name: string, value: unknown): void => {
    let k = index.get(name)
    if (k === undefined) {
      k = columns.length
      index.set(name, k)
      columns.push(name)
    }
    row[k] = value
  }
  values.forEach((value, n) => {
    const line = lines[n] ?? 1
    if (!isPlainObject(value)) {
      issues.add(line, null, null, `expected a JSON object, got ${kindOf(value)}`)
      return
    }
    const row: unknown[] = []
    if (tests && 'vars' in value) {
      const vars = value.vars
      if (!isPlainObject(vars)) {
        issues.add(line, null, 'vars', `"vars" must be an object of variable values, got ${kindOf(vars)}`)
        return
      }
      for (const [k, v] of Object.entries(vars)) put(row, VARS_PREFIX + k, v)
      for (const [k, v] of Object.entries(value)) if (k !== 'vars') put(row, k, v)
    } else {
      for (const [k, v] of Object.entries(value)) put(row, tests ? VARS_PREFIX + k : k, v)
    }
    rows.push(row)
    rowLines.push(line)
  })
  return { shape: tests ? 'tests' : 'records', columns, rows, rowLines }
}
