import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { FeedbackItem } from '../../../src/core/api/dataset-transfer-operations'
import type { AppError } from '../../../src/core/errors'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { toAppError } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { hrefFor } from '../../lib/routes'
import { useDatasetsStore } from '../../stores/datasets-store'
import { useFeedbackStore } from '../../stores/feedback-store'
import './feedback.css'

const NEW = '__new__'
const RATING_TEXT = { 1: 'Thumbs up', '-1': 'Thumbs down', 0: 'Neutral' } as const

function ratingText(item: FeedbackItem): string {
  return item.rating === null ? 'Note only' : RATING_TEXT[item.rating]
}

/**
 * Calls with feedback → test cases. Thumbs up: the answer becomes the expected output. Thumbs down or a note: the
 * answer is kept in the notes as a reference with the feedback note (the expected output is left for you to write).
 */
export function FeedbackCasesDialog({ defaultDatasetId, onClose }: { defaultDatasetId: string | undefined; onClose: () => void }): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const filter = useFeedbackStore((s) => s.filter)
  const list = useFeedbackStore((s) => s.list)
  const setFilter = useFeedbackStore((s) => s.setFilter)
  const loadList = useFeedbackStore((s) => s.loadList)
  const toCases = useFeedbackStore((s) => s.toCases)
  const datasets = useDatasetsStore((s) => s.datasets.data ?? [])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [target, setTarget] = useState<string>(defaultDatasetId ?? NEW)
  const [newName, setNewName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [done, setDone] = useState<{ datasetId: string; text: string } | null>(null)
  const items = list.data?.items ?? []
  const chosen = items.filter((i) => selected.has(i.callId))

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    void loadList()
  }, [loadList])

  function toggle(callId: string): void {
    const next = new Set(selected)
    if (next.has(callId)) next.delete(callId)
    else next.add(callId)
    setSelected(next)
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    if (chosen.length === 0 || (target === NEW && !newName.trim())) return
    setBusy(true)
    setError(null)
    try {
      const result = await toCases(
        chosen.map((i) => i.callId),
        target === NEW ? { newDatasetName: newName.trim() } : { datasetId: target }
      )
      const name = target === NEW ? newName.trim() : (datasets.find((d) => d.id === target)?.name ?? 'the dataset')
      const skipped = result.skipped > 0 ? ` (${result.skipped} already there)` : ''
      setDone({ datasetId: result.datasetId, text: `Added ${result.added} ${result.added === 1 ? 'case' : 'cases'} to ${name} v${result.version}${skipped}.` })
      setSelected(new Set())
    } catch (e) {
      setError(toAppError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog ref={dialog} className="dialog huge feedback-cases" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)}>
        <div className="panel-header">
          <h2 id={`${id}-title`}>Cases from feedback</h2>
          <span className="hint">{list.data ? `${list.data.total} ${list.data.total === 1 ? 'call' : 'calls'}` : ''}</span>
        </div>
        <div className="panel-body stack">
          <div className="filters">
            <label className="check">
              Show{' '}
              <select className="select" aria-label="Show feedback" value={filter.rating} onChange={(e) => setFilter({ rating: e.target.value as 'any' | 'down' | 'up' })}>
                <option value="any">All feedback</option>
                <option value="down">Thumbs down</option>
                <option value="up">Thumbs up</option>
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={filter.withNote} onChange={(e) => setFilter({ withNote: e.target.checked })} /> With a note
            </label>
            <label className="check">
              <input type="checkbox" checked={filter.notYetCase} onChange={(e) => setFilter({ notYetCase: e.target.checked })} /> Not yet a case
            </label>
          </div>
          {list.error && <ErrorNotice error={list.error} title="Could not list the feedback" onRetry={() => void loadList()} />}
          {list.status === 'loading' && !list.data && <Loading label="Loading feedback…" />}
          {list.data && items.length === 0 && (
            <p className="hint">
              No call matches. Give answers a thumbs up or down (and a note) in the Playground’s result columns or in a stored run’s calls; they show up
              here to become test cases.
            </p>
          )}
          {items.length > 0 && (
            <div className="list">
              <table aria-label="Calls with feedback">
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label="Select all"
                        checked={chosen.length === items.length}
                        onChange={(e) => setSelected(e.target.checked ? new Set(items.map((i) => i.callId)) : new Set())}
                      />
                    </th>
                    <th scope="col">Feedback</th>
                    <th scope="col">Call</th>
                    <th scope="col">Output</th>
                    <th scope="col">In datasets</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.callId}>
                      <td>
                        <input type="checkbox" aria-label={`Select ${item.modelId} call ${item.callId}`} checked={selected.has(item.callId)} onChange={() => toggle(item.callId)} />
                      </td>
                      <td>
                        <div>{ratingText(item)}</div>
                        {item.note && <div className="output">{item.note}</div>}
                      </td>
                      <td>
                        <div className="mono">{item.modelId}</div>
                        <div className="faint">{item.runTitle}</div>
                        <div className="faint num">{formatDateTime(item.startedAt)}</div>
                        <div className="faint">
                          {Object.keys(item.vars).length} {Object.keys(item.vars).length === 1 ? 'variable' : 'variables'}
                        </div>
                      </td>
                      <td className="output mono">
                        {item.output ?? <span className="faint">no output ({item.status})</span>}
                        {item.outputLength > (item.output?.length ?? 0) ? '…' : ''}
                      </td>
                      <td>{item.inDatasets.length > 0 ? item.inDatasets.join(', ') : <span className="faint">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="form-grid">
            <label htmlFor={`${id}-dataset`}>Add to</label>
            <select id={`${id}-dataset`} className="select" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value={NEW}>New dataset…</option>
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} (v{d.latestVersion}, {d.caseCount} cases)
                </option>
              ))}
            </select>
            {target === NEW && (
              <>
                <label htmlFor={`${id}-name`}>New dataset name</label>
                <input id={`${id}-name`} className="input" value={newName} maxLength={200} onChange={(e) => setNewName(e.target.value)} />
              </>
            )}
          </div>
          <p className="hint">
            Each case keeps the call’s variables. Thumbs up: its answer becomes the expected output. Thumbs down or a note: the answer goes into the notes as a
            reference, with your note. One new dataset version holds them all; calls already in that dataset are skipped.
          </p>
          {done && (
            <p className="notice info" role="status" data-testid="feedback-cases-result">
              {done.text}{' '}
              <a href={hrefFor('datasets', done.datasetId)} onClick={onClose}>
                Open it
              </a>
            </p>
          )}
          {error && <ErrorNotice error={error} title="No case was added" />}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="btn primary" disabled={busy || chosen.length === 0 || (target === NEW && !newName.trim())}>
            {busy ? 'Adding…' : `Add ${chosen.length} ${chosen.length === 1 ? 'case' : 'cases'}`}
          </button>
        </div>
      </form>
    </dialog>
  )
}
