/**
 * Imports a dataset file (CSV, JSONL or JSON) into cases, atomically: either every case or an ImportError listing every
 * problem found (first 100 + total). Nothing is written to the store here.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ImportedCase } from './case-shape'
import { parseCsv } from './csv'
import { csvToCases, defaultCsvMapping, type CsvMapping } from './csv-to-cases'
import { checkSize, decodeText } from './decode'
import { ImportError, IssueList } from './import-errors'
import { parseJson } from './json'
import { parseJsonl } from './jsonl'

export type ImportFormat = 'csv' | 'jsonl' | 'json'

export interface ImportOptions {
  /** Overrides the format inferred from the file extension. */
  format?: ImportFormat
  /** CSV column mapping; defaults to `defaultCsvMapping(header)`. */
  mapping?: CsvMapping
  /** Size limit in bytes (default 200 MB). */
  maxBytes?: number
}

export interface ImportResult {
  format: ImportFormat
  cases: ImportedCase[]
  /** CSV only. */
  header?: string[]
}

const EXTENSIONS: Record<string, ImportFormat> = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json' }

export function formatFromName(name: string): ImportFormat | null {
  return EXTENSIONS[path.extname(name).toLowerCase()] ?? null
}

export function importDatasetFile(
  input: string | { name: string; bytes: Uint8Array },
  options: ImportOptions = {}
): ImportResult {
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
  const issues = new IssueList()
  let result: ImportResult
  if (format === 'csv') {
    const parsed = parseCsv(text, { fileName, issues })
    const mapping = options.mapping ?? defaultCsvMapping(parsed.header)
    const cases = csvToCases(parsed, mapping, { fileName, issues })
    result = { format, cases, header: parsed.header }
  } else if (format === 'jsonl') {
    result = { format, cases: parseJsonl(text, { fileName, issues }) }
  } else {
    result = { format, cases: parseJson(text, { fileName, issues }) }
  }
  issues.throwIfAny(fileName)
  return result
}
