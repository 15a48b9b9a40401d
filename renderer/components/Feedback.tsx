import type { ReactElement, ReactNode } from 'react'
import type { AppError, ApiError } from '../../src/core/errors'

export function Loading({ label = 'Loading…' }: { label?: string }): ReactElement {
  return (
    <div className="loading-line" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  )
}

interface ErrorNoticeProps {
  error: AppError | ApiError
  title?: string
  onRetry?: () => void
}

/** An engine error with its code, and a retry when one makes sense. */
export function ErrorNotice({ error, title = 'Something went wrong', onRetry }: ErrorNoticeProps): ReactElement {
  return (
    <div className="notice error" role="alert">
      <div className="notice-body">
        <div className="notice-title">{title}</div>
        <div>
          {error.message} <span className="badge bad mono">{error.code}</span>
        </div>
        {error.issues && error.issues.length > 0 && (
          <ul>
            {error.issues.map((issue, i) => (
              <li key={i}>
                {issue.path && <code>{issue.path}</code>} {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {onRetry && (
        <button type="button" className="btn small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  )
}

export function Notice({ tone = 'info', title, children }: { tone?: 'info' | 'warn'; title?: string; children: ReactNode }): ReactElement {
  return (
    <div className={`notice ${tone}`}>
      <div className="notice-body">
        {title && <div className="notice-title">{title}</div>}
        <div>{children}</div>
      </div>
    </div>
  )
}
