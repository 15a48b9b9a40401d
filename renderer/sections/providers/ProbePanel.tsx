import { useEffect, useId, useState } from 'react'
import type { KeyboardEvent, ReactElement } from 'react'
import type { Model, ProviderWithStatus } from '../../../src/core/schemas/provider'
import { ErrorNotice } from '../../components/Feedback'
import { hasModifier, MOD_KEY_LABEL } from '../../lib/keys'
import { navigate } from '../../lib/navigation'
import { isProbeActive } from '../../lib/probe-state'
import type { ProbeState } from '../../lib/probe-state'
import { useProvidersStore } from '../../stores/providers-store'
import { ProbeColumns } from './ProbeColumns'

const MAX_MODELS = 8
const DEFAULT_PROMPT = 'Say hello in five words.'

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function statusLine(probe: ProbeState): string {
  const ok = probe.columns.filter((c) => c.phase === 'ok').length
  const failedCalls = probe.columns.filter((c) => c.phase === 'error').length
  const progress = probe.progress ? `${probe.progress.done} of ${plural(probe.progress.total, 'call')} finished` : 'waiting for the first event'
  switch (probe.phase) {
    case 'idle':
      return ''
    case 'starting':
      return 'Starting the probe…'
    case 'running':
      return `Running: ${progress}.`
    case 'completed':
      return `Completed: ${ok} ok, ${failedCalls} failed.`
    case 'cancelled':
      return `Cancelled: ${plural(ok, 'call')} finished before the stop; finished calls are kept in the run.`
    case 'failed':
      return 'Failed.'
  }
}

/** Streams a short prompt to up to 8 models side by side: live text, TTFT, latency, output tokens, error class. */
export function ProbePanel({ provider, models }: { provider: ProviderWithStatus; models: Model[] }): ReactElement {
  const promptId = useId()
  const tokensId = useId()
  const probe = useProvidersStore((s) => s.probe)
  const runProbe = useProvidersStore((s) => s.runProbe)
  const cancelProbe = useProvidersStore((s) => s.cancelProbe)
  const [selected, setSelected] = useState<string[]>([])
  const [prompt, setPrompt] = useState(DEFAULT_PROMPT)
  const [maxTokens, setMaxTokens] = useState('64')

  const active = isProbeActive(probe)
  const mine = probe.providerId === provider.id
  const tokens = Number(maxTokens)
  const tokensValid = Number.isInteger(tokens) && tokens >= 1 && tokens <= 4096
  const canRun = !active && prompt.trim() !== '' && tokensValid && models.length > 0

  function toggle(modelId: string, checked: boolean): void {
    setSelected((current) => (checked ? [...current, modelId].slice(0, MAX_MODELS) : current.filter((id) => id !== modelId)))
  }

  function run(): void {
    if (!canRun) return
    const order = models.map((m) => m.modelId).filter((id) => selected.includes(id))
    void runProbe({ providerId: provider.id, modelIds: order, prompt, maxTokens: tokens })
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key === 'Enter' && hasModifier(event)) {
      event.preventDefault()
      run()
    }
  }

  useEffect(() => {
    if (!active) return
    function onEscape(event: globalThis.KeyboardEvent): void {
      if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return
      event.preventDefault()
      void cancelProbe()
    }
    window.addEventListener('keydown', onEscape)
    return () => window.removeEventListener('keydown', onEscape)
  }, [active, cancelProbe])

  const status = mine ? statusLine(probe) : ''
  const percent = probe.progress && probe.progress.total > 0 ? Math.round((probe.progress.done / probe.progress.total) * 100) : 0

  return (
    <section className="panel probe-panel" aria-labelledby="probe-title" onKeyDown={onKeyDown}>
      <div className="panel-header">
        <h3 id="probe-title">Probe</h3>
        <span className="hint">Stream one short prompt to several models at once and compare how they answer.</span>
      </div>
      <div className="panel-body stack">
        <fieldset className="probe-models">
          <legend className="field-label">
            Models <span className="faint">({selected.length} of {MAX_MODELS} max chosen)</span>
          </legend>
          <div className="probe-model-grid">
            {models.map((m) => {
              const checked = selected.includes(m.modelId)
              const disabled = active || (!checked && selected.length >= MAX_MODELS)
              return (
                <label key={m.id} className={`check${disabled && !checked ? ' disabled' : ''}`}>
                  <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => toggle(m.modelId, e.target.checked)} />
                  <span className="mono">{m.modelId}</span>
                </label>
              )
            })}
          </div>
          {selected.length === 0 && <p className="hint">No model chosen: the engine probes a default set of this provider&apos;s models.</p>}
        </fieldset>
        <div className="probe-inputs">
          <div className="field" style={{ flex: 1 }}>
            <label htmlFor={promptId}>Prompt</label>
            <textarea id={promptId} className="textarea" rows={2} value={prompt} maxLength={20_000} onChange={(e) => setPrompt(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={tokensId}>Max tokens</label>
            <input
              id={tokensId}
              className="input narrow"
              type="number"
              min={1}
              max={4096}
              value={maxTokens}
              aria-invalid={!tokensValid}
              onChange={(e) => setMaxTokens(e.target.value)}
            />
          </div>
        </div>
        <div className="row">
          <button type="button" className="btn primary" onClick={run} disabled={!canRun} aria-keyshortcuts="Control+Enter Meta+Enter">
            Run probe
            <kbd aria-hidden="true">{MOD_KEY_LABEL}↵</kbd>
          </button>
          <button type="button" className="btn" onClick={() => void cancelProbe()} disabled={!active || !mine} aria-keyshortcuts="Escape">
            Cancel
            <kbd aria-hidden="true">Esc</kbd>
          </button>
          <span className="probe-status" aria-live="polite" data-testid="probe-status" data-phase={mine ? probe.phase : 'idle'}>
            {status}
          </span>
          {mine && probe.runId && !active && (
            <button type="button" className="btn small ghost" onClick={() => navigate('playground', probe.runId)}>
              View stored run
            </button>
          )}
        </div>
        {mine && (active || probe.progress) && (
          <div
            className="progress"
            role="progressbar"
            aria-label="Probe progress"
            aria-valuemin={0}
            aria-valuemax={probe.progress?.total ?? 0}
            aria-valuenow={probe.progress?.done ?? 0}
          >
            <span style={{ width: `${percent}%` }} />
          </div>
        )}
        {active && !mine && <p className="hint">Another provider&apos;s probe is running; wait for it or cancel it there.</p>}
        {mine && probe.phase === 'failed' && probe.error && <ErrorNotice error={probe.error} title="The probe failed" />}
        {mine && probe.columns.length > 0 && <ProbeColumns columns={probe.columns} />}
      </div>
    </section>
  )
}
