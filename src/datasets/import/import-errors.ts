/** Problems found while importing a dataset file, and the single error that carries all of them. */
import { AppError } from '../../core/errors'

export interface ImportIssue {
  /** 1-based line in the (decoded, newline-normalised) file. */
  line: number
  /** 1-based column (UTF-16 code units) or null when the problem concerns a whole line. */
  column: number | null
  /** The column, key or field path concerned, when there is one. */
  field: string | null
  message: string
}

export const MAX_LISTED_ISSUES = 100

/** Collects issues: keeps the first 100, counts them all. */
export class IssueList {
  readonly items: ImportIssue[] = []
  total = 0

  add(line: number, column: number | null, field: string | null, message: string): void {
    this.total++
    if (this.items.length < MAX_LISTED_ISSUES) this.items.push({ line, column, field, message })
  }

  get empty(): boolean {
    return this.total === 0
  }

  /** The kept issues in file order (line, then column). */
  sorted(): ImportIssue[] {
    return [...this.items].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0))
  }

  /** Throws an ImportError naming `fileName` when any issue was collected (the kept issues sorted by line, column). */
  throwIfAny(fileName: string): void {
    if (this.total === 0) return
    throw new ImportError(fileName, this.sorted(), this.total)
  }
}

export function formatIssue(issue: ImportIssue): string {
  let where = `line ${issue.line}`
  if (issue.column !== null) where += `, column ${issue.column}`
  if (issue.field !== null) where += ` (${issue.field})`
  return `${where}: ${issue.message}`
}

export class ImportError extends Error {
  /** The first 100 issues, in file order. */
  readonly issues: ImportIssue[]
  /** How many issues were found in all. */
  readonly total: number
  readonly fileName: string

  constructor(fileName: string, issues: ImportIssue[], total: number = issues.length) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES)
    const first = listed[0]
    const noun = total === 1 ? 'problem' : 'problems'
    super(`${total} ${noun} in ${fileName}${first ? `; first: ${formatIssue(first)}` : ''}`)
    this.name = 'ImportError'
    this.fileName = fileName
    this.issues = listed
    this.total = total
  }
}

/** The API error for a refused file: VALIDATION_FAILED, one issue per problem with `file:line:column` as its path. */
export function importAppError(error: ImportError, fileName: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `${error.message}. Nothing was imported; fix the file and import it again.`,
    error.issues.map((issue) => ({ path: `${fileName}:${issue.line}${issue.column === null ? '' : `:${issue.column}`}`, message: formatIssue(issue) }))
  )
}
