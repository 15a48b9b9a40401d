/** Reads a dataset file without importing it: format, rows, columns with samples and suggested roles, problems. */
import type { ImportPreview } from '../../core/api/dataset-transfer-operations'
import { describeColumns } from './column-mapping'
import { IssueList } from './import-errors'
import { readDatasetText, readTable, type ImportInput, type ImportOptions } from './import-file'

/**
 * Problems in the file's structure (ragged rows, broken quotes, invalid JSON lines) are returned with whatever could
 * be read; a file that cannot be read at all (unknown type, too large, not UTF-8) throws an ImportError.
 */
export function previewDatasetFile(input: ImportInput, options: Pick<ImportOptions, 'format' | 'maxBytes'> = {}): ImportPreview {
  const { fileName, format, text, size } = readDatasetText(input, options)
  const issues = new IssueList()
  const table = readTable(text, format, fileName, issues)
  return {
    fileName,
    format,
    shape: table.shape,
    sizeBytes: size,
    rowCount: table.rows.length,
    columns: describeColumns(table),
    problems: { total: issues.total, issues: issues.sorted() }
  }
}
