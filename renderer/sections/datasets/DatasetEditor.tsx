import { useCallback, useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import type { AppError } from '../../../src/core/errors'
import type { DatasetSummary } from '../../../src/core/schemas/workspace'
import { ErrorNotice, Loading, Notice } from '../../components/Feedback'
import { changeSummary } from '../../lib/dataset-grid-draft'
import { useLeaveGuard } from '../../lib/dataset-grid-leave-guard'
import { toAppError } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { hasModifier } from '../../lib/keys'
import { parseHash, hrefFor } from '../../lib/routes'
import { DraftProblems, gridChangeCount, gridRowCount, useDatasetsStore } from '../../stores/datasets-store'
import { DatasetGrid } from './DatasetGrid'
import { DatasetMetaDialog } from './DatasetMetaDialog'
import { LeaveDialog } from './LeaveDialog'
import { SaveBar } from './SaveBar'
import { VersionCompare } from './VersionCompare'

/** One dataset: its facts, the version picker, the grid editor (or a version comparison), save and discard. */
export function DatasetEditor({ dataset }: { dataset: DatasetSummary }): ReactElement {
  const grid = useDatasetsStore((s) => s.grid)
  const versions = useDatasetsStore((s) => s.versions)
  const openGrid = useDatasetsStore((s) => s.openGrid)
  const loadVersions = useDatasetsStore((s) => s.loadVersions)
  const discard = useDatasetsStore((s) => s.discard)
  const [view, setView] = useState<'grid' | 'compare'>('grid')
  const [editing, setEditing] = useState(false)
  const [note, setNote] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<AppError | null>(null)

  const session = grid.data?.datasetId === dataset.id ? grid.data : null
  const changes = session && !session.readOnly ? changeSummary(session.history.present) : null
  const stays = useCallback((hash: string) => {
    const route = parseHash(hash)
    return route?.section === 'datasets' && route.sub === dataset.id
  }, [dataset.id])
  const guard = useLeaveGuard(changes?.total ?? 0, stays, discard)

  useEffect(() => {
    // Unsaved edits of this dataset left in the store (the app navigated away by itself) are picked up again.
    const state = useDatasetsStore.getState()
    if (state.grid.data?.datasetId !== dataset.id || gridChangeCount(state) === 0) void openGrid(dataset.id)
    void loadVersions(dataset.id)
  }, [openGrid, loadVersions, dataset.id])

  // A new version saved elsewhere (an import, the playground): follow it when nothing is being edited.
  const newer = session !== null && !session.readOnly && dataset.latestVersion > session.latestVersion
  const untouched = (changes?.total ?? 0) === 0
  useEffect(() => {
    if (newer && untouched) {
      void openGrid(dataset.id)
      void loadVersions(dataset.id)
    }
  }, [newer, untouched, openGrid, loadVersions, dataset.id])

  const save = useCallback(async () => {
    const state = useDatasetsStore.getState()
    const current = state.grid.data
    if (!current || current.readOnly || current.saving) return
    if (changeSummary(current.history.present).total === 0) {
      setMessage('Nothing to save: no cell, row or deletion differs from the version shown.')
      return
    }
    setSaveError(null)
    try {
      const saved = await state.save(note)
      setNote('')
      setMessage(`Saved version ${saved.version}: ${saved.caseCount} cases (${saved.note}).`)
    } catch (error) {
      if (error instanceof DraftProblems) setMessage(error.message)
      else setSaveError(toAppError(error))
    }
  }, [note])

  function showVersion(version: number): void {
    const target = session && version === session.latestVersion ? undefined : version
    guard.ask(`show version ${version}`, () => void openGrid(dataset.id, target))
  }

  return (
    <article
      className="stack dataset-editor"
      aria-labelledby="dataset-title"
      onKeyDown={(e) => {
        if (hasModifier(e) && e.key.toLowerCase() === 's') {
          e.preventDefault()
          void save()
        }
      }}
    >
      <div className="panel">
        <div className="panel-header">
          <h2 id="dataset-title">{dataset.name}</h2>
          <span className="badge num">v{dataset.latestVersion}</span>
          <div className="actions">
            <label className="row tight-label">
              <span className="faint">Version</span>
              <select className="select" aria-label="Version" value={session?.version ?? dataset.latestVersion} onChange={(e) => showVersion(Number(e.target.value))} disabled={!versions.data}>
                {(versions.data ?? []).map((v) => (
                  <option key={v.id} value={v.version}>
                    v{v.version}
                    {v.version === dataset.latestVersion ? ' (latest)' : ''} · {v.caseCount} cases{v.note ? ` · ${v.note.slice(0, 40)}` : ''}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className={`btn small${view === 'compare' ? ' primary' : ''}`} aria-pressed={view === 'compare'} onClick={() => setView(view === 'compare' ? 'grid' : 'compare')} disabled={(versions.data?.length ?? 0) < 2} title={(versions.data?.length ?? 0) < 2 ? 'There is only one version so far' : undefined}>
              Compare versions
            </button>
            <button type="button" className="btn small" onClick={() => setEditing(true)}>
              Edit details
            </button>
          </div>
        </div>
        <div className="panel-body stack tight">
          {dataset.description && <p className="muted">{dataset.description}</p>}
          <dl className="facts">
            <dt>Cases</dt>
            <dd className="num">{dataset.caseCount.toLocaleString('en')}</dd>
            <dt>Contract</dt>
            <dd>
              {dataset.contractId ? (
                <a href={hrefFor('contracts', dataset.contractId)}>{session?.contractName ?? 'open the contract'}</a>
              ) : (
                <span className="faint">none — link one with Edit details so the columns follow its variables</span>
              )}
            </dd>
            <dt>Updated</dt>
            <dd>{formatDateTime(dataset.updatedAt)}</dd>
          </dl>
        </div>
      </div>

      {view === 'compare' && versions.data ? (
        <VersionCompare datasetId={dataset.id} versions={versions.data} onClose={() => setView('grid')} />
      ) : (
        <>
          {grid.error && grid.data?.datasetId !== dataset.id && <ErrorNotice error={grid.error} title="Could not open the cases" onRetry={() => void openGrid(dataset.id)} />}
          {grid.error && session && <ErrorNotice error={grid.error} title="Could not load that version" />}
          {!session && !grid.error && <Loading label="Opening the cases…" />}
          {session?.readOnly && (
            <Notice title={`Version ${session.version} (read-only)`}>
              Older versions never change. <button type="button" className="btn small" onClick={() => void openGrid(dataset.id)}>Open the latest version (v{session.latestVersion})</button> to edit.
            </Notice>
          )}
          {newer && !untouched && (
            <Notice tone="warn" title={`Version ${dataset.latestVersion} was saved meanwhile`}>
              Your edits are based on version {session?.version}; saving them will be refused. Discard them to load version {dataset.latestVersion}.
            </Notice>
          )}
          {session && changes && (
            <SaveBar changes={changes} note={note} onNote={setNote} saving={session.saving} onSave={() => void save()} onDiscard={() => guard.ask('discard the edits', () => setMessage('Discarded the unsaved edits.'))} />
          )}
          {saveError && <ErrorNotice error={saveError} title="Nothing was saved" />}
          <p className="hint grid-status" role="status" data-testid="grid-status">
            {message}
          </p>
          {session && gridRowCount(session) === 0 && (
            <Notice title={session.readOnly ? 'This version has no cases' : 'No cases yet'}>
              {session.readOnly
                ? 'Pick another version above.'
                : 'Add a row and type, paste rows copied from a spreadsheet (the columns follow the order shown), or use Import file above. Each case holds values for the variables, the expected output, optional assertions, tags and notes; Save makes it a new version.'}
            </Notice>
          )}
          {session && <DatasetGrid key={session.datasetId} session={session} onMessage={setMessage} onSave={() => void save()} />}
        </>
      )}

      {editing && <DatasetMetaDialog dataset={dataset} onClose={() => setEditing(false)} />}
      <LeaveDialog pending={guard.pending} changes={changes?.total ?? 0} name={dataset.name} onConfirm={guard.confirm} onCancel={guard.cancel} />
    </article>
  )
}
