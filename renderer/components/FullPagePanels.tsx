import type { ReactElement } from 'react'
import type { AppError } from '../../src/core/errors'
import { Icon } from './Icon'

/** The page's session token is missing or wrong (web mode): nothing else can work, so say how to fix it. */
export function UnauthorizedPage(): ReactElement {
  return (
    <main className="fullpage" id="main">
      <section className="fullpage-panel" aria-labelledby="unauthorized-title">
        <h1 id="unauthorized-title">
          <Icon name="warning" size={20} /> Session token missing or wrong
        </h1>
        <p>
          This page&apos;s session token is missing or wrong. Open the URL printed by <code>npm run web</code> /{' '}
          <code>switchyard serve</code>.
        </p>
        <p className="muted">
          The engine only answers pages opened with the token it printed when it started (a new token is made each time
          it starts), so an old tab or a bookmarked address stops working after a restart.
        </p>
      </section>
    </main>
  )
}

interface UnreachableProps {
  error: AppError
  onRetry: () => void
}

/** The engine did not answer `app.info` at all. */
export function EngineUnreachablePage({ error, onRetry }: UnreachableProps): ReactElement {
  return (
    <main className="fullpage" id="main">
      <section className="fullpage-panel" aria-labelledby="unreachable-title">
        <h1 id="unreachable-title">
          <Icon name="warning" size={20} /> Can&apos;t reach the Switchyard engine
        </h1>
        <p>
          The window is up but the engine behind it did not answer: <code>{error.message}</code>{' '}
          <span className="badge bad mono">{error.code}</span>
        </p>
        <p className="muted">
          In web mode, check that <code>npm run web</code> (or <code>switchyard serve</code>) is still running in its
          terminal, then retry. On the desktop, restart the app.
        </p>
        <div className="row">
          <button type="button" className="btn primary" onClick={onRetry}>
            Retry
          </button>
        </div>
      </section>
    </main>
  )
}
