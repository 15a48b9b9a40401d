import { useCallback, useState } from 'react'
import type { ReactElement } from 'react'
import type { ColumnRef } from '../../../src/core/schemas/playground'
import { ErrorNotice } from '../../components/Feedback'
import { columnLabel, isRunActive } from '../../lib/playground-run'
import { navigate } from '../../lib/navigation'
import { usePlaygroundEditor } from '../../stores/playground-editor-store'
import { usePlaygroundRun } from '../../stores/playground-run-store'
import { DiffDialog } from './DiffDialog'
import { RepeatSummary } from './RepeatSummary'
import { RunColumnView } from './RunColumnView'
import { SaveCaseDialog } from './SaveCaseDialog'

function groups(refs: ColumnRef[]): ColumnRef[][] {
  const map = new Map<string, ColumnRef[]>()
  for (const r of refs) {
    const key = `${r.providerId}/${r.modelId}`
    map.set(key, [...(map.get(key) ?? []), r])
  }
  return [...map.values()]
}

/** The live run: columns side by side (repeats grouped per model), cancel, compare, save, summary. */
export function RunResults(): ReactElement | null {
  const phase = usePlaygroundRun((s) => s.run.phase)
  const order = usePlaygroundRun((s) => s.run.order)
  const runId = usePlaygroundRun((s) => s.run.runId)
  const request = usePlaygroundRun((s) => s.run.request)
  const progress = usePlaygroundRun((s) => s.run.progress)
  const error = usePlaygroundRun((s) => s.run.error)
  const cancelError = usePlaygroundRun((s) => s.cancelError)
  const cancelColumn = usePlaygroundRun((s) => s.cancelColumn)
  const cancelAll = usePlaygroundRun((s) => s.cancelAll)
  const estimates = usePlaygroundEditor((s) => s.estimate.data?.estimates)
  const [comparing, setComparing] = useState(false)
  const [saving, setSaving] = useState<string | null>(null)
  const onCancel = useCallback((columnId: string) => void cancelColumn(columnId), [cancelColumn])
  const onSave = useCallback((columnId: string) => setSaving(columnId), [])

  if (phase === 'idle') return null
  const active = isRunActive({ phase })
  const repeated = (request?.repeat ?? 1) > 1
  const json = request?.params.output.kind !== 'text' && request !== null
  const savingRef = order.find((r) => r.columnId === saving)
  const savingColumn = saving ? usePlaygroundRun.getState().run.columns[saving] : undefined

  return (
    <section className="stack" aria-labelledby="pg-results-title">
      <div className="row run-toolbar">
        <h2 id="pg-results-title">Answers</h2>
        <span className="hint" aria-live="polite" data-testid="run-status" data-phase={phase}>
          {phase === 'starting' ? 'Starting…' : active ? `Running${progress ? `: ${progress.done} of ${progress.total} finished` : '…'}` : `Run ${phase}.`}
        </span>
        <div className="actions">
          <button type="button" className="btn small" disabled={!active} onClick={() => void cancelAll()} aria-keyshortcuts="Escape">
            Cancel all <kbd aria-hidden="true">Esc</kbd>
          </button>
          <button type="button" className="btn small" disabled={order.length < 2} onClick={() => setComparing(true)}>
            Compare
          </button>
          {runId && !active && (
            <button type="button" className="btn small ghost" onClick={() => navigate('playground', runId)}>
              View stored run
            </button>
          )}
        </div>
      </div>
      {error && <ErrorNotice error={error} title="The run failed" />}
      {cancelError && <ErrorNotice error={cancelError} title="Could not cancel" />}
      {order.length === 0 && active && <p className="hint">Waiting for the engine to set up the columns…</p>}
      <div className="run-columns">
        {groups(order).map((group) => (
          <div key={`${group[0]!.providerId}/${group[0]!.modelId}`} className={repeated ? 'run-group' : 'run-group flat'} role={repeated ? 'group' : undefined} aria-label={repeated ? group[0]!.modelId : undefined}>
            {group.map((ref) => (
              <RunColumnView
                key={ref.columnId}
                columnId={ref.columnId}
                repeated={repeated}
                json={json}
                estimate={estimates?.find((e) => e.providerId === ref.providerId && e.modelId === ref.modelId)}
                onCancel={onCancel}
                onSave={onSave}
              />
            ))}
          </div>
        ))}
      </div>
      {repeated && order.length > 0 && <RepeatSummary />}
      {comparing && <DiffDialog refs={order} repeated={repeated} json={json} onClose={() => setComparing(false)} />}
      {savingRef && savingColumn && (
        <SaveCaseDialog
          output={savingColumn.text}
          vars={request?.variables ?? {}}
          sourceCallId={savingColumn.metrics?.callId}
          label={columnLabel(savingRef, repeated)}
          onClose={() => setSaving(null)}
        />
      )}
    </section>
  )
}
