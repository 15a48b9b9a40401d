/**
 * Imports a dataset file (CSV, JSONL or JSON) into cases, atomically: either every case or an ImportError listing every
 * problem found (first 100 + total). Nothing is written to the store here.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ImportFormat } from '../../core/api/dataset-transfer-operations'
import { tableToCases } from './apply-mapping'
import type { ImportedCase } from './case-shape'
import { suggestMapping, type ColumnMapping } from './column-mapping'
import { parseCsv } from './csv'
import { checkSize, decodeText } from './decode'
import { ImportError, IssueList } from './import-errors'
import { parseJson, readJsonValues } from './json'
import { parseJsonl, readJsonlValues } from './jsonl'
import { csvTable, recordsTable, type Table } from './table'

export type { ImportFormat }

export interface ImportOptions {
  /** Overrides the format inferred from the file extension. */
  format?: ImportFormat
  /**
   * What each column becomes. CSV defaults to the suggested mapping (promptfoo-aware); JSON and JSONL without a
   * mapping read each object as a promptfoo test or a flat vars object, strictly.
   */
  mapping?: readonly ColumnMapping[]
  /** Size limit in bytes (default 200 MB). */
  maxBytes?: number
}

export interface ImportResult {
  format: ImportFormat
  cases: ImportedCase[]
  /** CSV only. */
  header?: string[]
}

export type ImportInput = string | { name: string; bytes: Uint8Array }

const EXTENSIONS: Record<string, ImportFormat> = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json' }

export function formatFromName(name: string): ImportFormat | null {
  return EXTENSIONS[path.extname(name).toLowerCase()] ?? null
}

/** Size check (before reading a path), format and strict UTF-8 decoding; throws an ImportError for each failure. */
export function readDatasetText(input: ImportInput, options: Pick<ImportOptions, 'format' | 'maxBytes'> = {}): { fileName: string; format: ImportFormat; text: string; size: number } {
  const fileName = typeof input === 'string' ? path.basename(input) : input.name
  const format = options.format ?? formatFromName(fileName)
  if (format === null) {
    throw new ImportError(fileName, [
      { line: 1, column: null, field: null, message: `unknown file type "${path.extname(fileName)}" — use .csv, .jsonl or .json, or pass a format` }
    ])
  }
  let bytes: Uint8Array
  if (typeof input === 'string') {
    checkSize(fs.statSync(input).size, fileName, options.maxBytes)
    bytes = fs.readFileSync(input)
  } else {
    bytes = input.bytes
  }
  const text = decodeText(bytes, { fileName, maxBytes: options.maxBytes })
  return { fileName, format, text, size: bytes.length }
}

/** The file as a table of columns and rows; problems in the file go to `issues`. */
export function readTable(text: string, format: ImportFormat, fileName: string, issues: IssueList): Table {
  if (format === 'csv') return csvTable(parseCsv(text, { fileName, issues }))
  const { values, lines } = format === 'jsonl' ? readJsonlValues(text, issues) : readJsonValues(text, issues)
  return recordsTable(values, lines, issues)
}

export function importDatasetFile(input: ImportInput, options: ImportOptions = {}): ImportResult {
  const { fileName, format, text } = readDatasetText(input, options)
  const issues = new IssueList()
  let result: ImportResult
  if (format === 'csv') {
    const table = readTable(text, format, fileName, issues)
    const cases = tableToCases(table, options.mapping ?? suggestMapping(table), { fileName, issues })
    result = { format, cases, header: table.columns }
  } else if (options.mapping) {
    const table = readTable(text, format, fileName, issues)
    result = { format, cases: tableToCases(table, options.mapping, { fileName, issues }) }
  } else if (format === 'jsonl') {
    result = { format, cases: parseJsonl(text, { fileName, issues }) }
  } else {
    result = { format, cases: parseJson(text, { fileName, issues }) }
  }
  issues.throwIfAny(fileName)
  return result
}
