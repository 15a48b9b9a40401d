import type { ReactElement } from 'react'
import type { StoreInfo } from '../../src/core/schemas/app'
import { useAppStore } from '../stores/app-store'
import { ErrorNotice } from './Feedback'
import { Icon } from './Icon'

type StoreError = Extract<StoreInfo, { state: 'error' }>

const PROBLEM: Record<StoreError['code'], { problem: string; fix: string }> = {
  corrupt: {
    problem: 'The store file is damaged: SQLite reports that its contents are corrupt.',
    fix: 'Open a fresh store to keep working. To recover old data, restore the file from a backup, or try the sqlite3 ".recover" command on a copy.'
  },
  not_sqlite: {
    problem: 'The file at this path is not a SQLite database, so it cannot be a Switchyard store.',
    fix: 'Open a fresh store. If the file is yours and ended up here by mistake, move it elsewhere.'
  },
  foreign: {
    problem: 'The file is a SQLite database, but not one made by Switchyard.',
    fix: 'Open a fresh store; the other database is left exactly as it is.'
  },
  too_new: {
    problem: 'The store was written by a newer version of Switchyard than this one.',
    fix: 'Update Switchyard to open it. Or open a fresh store with this version; the newer file is kept untouched for when you update.'
  },
  io: {
    problem: 'The store file could not be read or written (permissions, a full disk, or a locked file).',
    fix: 'Check the file permissions and free disk space, then restart. Or open a fresh store beside it.'
  }
}

/** Full-page panel when `app.info().store.state === 'error'`: names the file, the problem and the fix. */
export function StoreErrorPage({ store }: { store: StoreError }): ReactElement {
  const openingFresh = useAppStore((s) => s.openingFresh)
  const openFreshError = useAppStore((s) => s.openFreshError)
  const openFreshStore = useAppStore((s) => s.openFreshStore)
  const text = PROBLEM[store.code]

  return (
    <div className="fullpage">
      <section className="fullpage-panel" aria-labelledby="store-error-title">
        <h1 id="store-error-title">
          <Icon name="warning" size={20} /> The store could not be opened
        </h1>
        <dl className="facts">
          <dt>File</dt>
          <dd className="mono">{store.path}</dd>
          <dt>Problem</dt>
          <dd>
            {text.problem} <span className="badge bad mono">{store.code}</span>
          </dd>
          <dt>Details</dt>
          <dd>{store.message}</dd>
          <dt>Fix</dt>
          <dd>{text.fix}</dd>
        </dl>
        <p className="muted">
          A fresh store is created beside this file. The bad file is kept untouched: nothing is overwritten or deleted.
        </p>
        {openFreshError && <ErrorNotice error={openFreshError} title="The fresh store could not be opened" />}
        <div className="row">
          <button type="button" className="btn primary" onClick={() => void openFreshStore()} disabled={openingFresh}>
            {openingFresh ? 'Opening a fresh store…' : 'Open a fresh store'}
          </button>
        </div>
      </section>
    </div>
  )
}
