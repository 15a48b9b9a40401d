import type { ReactElement } from 'react'
import type { ImportIssue } from '../../../../src/core/api/dataset-transfer-operations'
import type { AppError } from '../../../../src/core/errors'
import { problemTotal } from './import-mapping'

function where(issue: ImportIssue): string {
  return `Line ${issue.line}${issue.column !== null ? `, column ${issue.column}` : ''}${issue.field !== null ? ` (${issue.field})` : ''}`
}

/** "Line 3, column 5 (field): message" from an engine issue path `file:line:column` and its message. */
function fromApiIssue(issue: { path: string; message: string }): { where: string; message: string } {
  const m = /^line (\d+)(?:, column (\d+))?(?: \(([^)]*)\))?: ([\s\S]*)$/.exec(issue.message)
  if (!m) return { where: issue.path, message: issue.message }
  return { where: `Line ${m[1]}${m[2] ? `, column ${m[2]}` : ''}${m[3] ? ` (${m[3]})` : ''}`, message: m[4] ?? '' }
}

interface Props {
  title: string
  fileName: string
  /** Problems of a preview, or an engine error carrying them as issues. */
  problems?: { total: number; issues: ImportIssue[] }
  error?: AppError
}

/** Every problem of a file by line and column, in a list one can read top to bottom; the first 100 with the total. */
export function ImportProblems({ title, fileName, problems, error }: Props): ReactElement {
  const rows = problems
    ? problems.issues.map((i) => ({ where: where(i), message: i.message }))
    : (error?.issues ?? []).map(fromApiIssue)
  const total = problems ? problems.total : problemTotal(error?.message ?? '', rows.length)
  return (
    <div className="notice error import-problems" role="alert">
      <div className="notice-body">
        <div className="notice-title">{title}</div>
        {rows.length === 0 ? (
          <p>{error?.message}</p>
        ) : (
          <>
            <p>
              {total} {total === 1 ? 'problem' : 'problems'} in <code>{fileName}</code>
              {total > rows.length ? ` (the first ${rows.length} are listed)` : ''}. Fix the file and choose it again; nothing was imported.
            </p>
            <ol className="problem-list" aria-label="Problems by line">
              {rows.map((r, k) => (
                <li key={k}>
                  <span className="problem-where mono">{r.where}</span> <span>{r.message}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  )
}
