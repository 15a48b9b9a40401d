import type { WorkspaceProblem } from '../core/api/workspace-file-operations'

export { formatWorkspaceProblem as formatProblem } from '../core/api/workspace-file-operations'

export const MAX_LISTED_PROBLEMS = 100

/** Where in a file: 1-based line and column (null when the whole file is concerned). */
export interface Place {
  line: number | null
  column: number | null
}

export const WHOLE_FILE: Place = { line: null, column: null }

/** Collects problems across the files of a folder: keeps the first 100, counts them all. */
export class ProblemList {
  private readonly kept: WorkspaceProblem[] = []
  total = 0

  add(file: string, place: Place, message: string): void {
    this.total++
    if (this.kept.length < MAX_LISTED_PROBLEMS) this.kept.push({ file, line: place.line, column: place.column, message })
  }

  get empty(): boolean {
    return this.total === 0
  }

  /** The kept problems in file order (by file, then line, then column). */
  list(): WorkspaceProblem[] {
    return sortProblems(this.kept)
  }
}

export function sortProblems(problems: readonly WorkspaceProblem[]): WorkspaceProblem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  )
}
