import { useCallback, useEffect, useMemo } from 'react'
import type { ReactElement } from 'react'
import { hasModifier, MOD_KEY_LABEL } from '../../lib/keys'
import { buildRequest } from '../../lib/playground-draft'
import { isRunActive } from '../../lib/playground-run'
import { usePlaygroundEditor } from '../../stores/playground-editor-store'
import { usePlaygroundRun } from '../../stores/playground-run-store'
import { useProvidersStore } from '../../stores/providers-store'
import { EstimateView } from './EstimateView'
import { MessagesEditor } from './MessagesEditor'
import { ModelPicker } from './ModelPicker'
import { ParamsPanel } from './ParamsPanel'
import { RunResults } from './RunResults'
import { VariablesPanel } from './VariablesPanel'

const ESTIMATE_DELAY_MS = 400

/** The side-by-side playground: messages, variables, parameters, models, estimate, run, answers. */
export function PlaygroundEditor(): ReactElement {
  const draft = usePlaygroundEditor((s) => s.draft)
  const runEstimate = usePlaygroundEditor((s) => s.runEstimate)
  const loadModels = usePlaygroundEditor((s) => s.loadModels)
  const providers = useProvidersStore((s) => s.providers)
  const loadProviders = useProvidersStore((s) => s.load)
  const phase = usePlaygroundRun((s) => s.run.phase)
  const start = usePlaygroundRun((s) => s.start)
  const cancelAll = usePlaygroundRun((s) => s.cancelAll)
  const { request, problems } = useMemo(() => buildRequest(draft), [draft])
  const active = isRunActive({ phase })

  useEffect(() => {
    void loadProviders()
    void loadModels()
  }, [loadProviders, loadModels])

  useEffect(() => {
    const timer = setTimeout(() => void runEstimate(request), ESTIMATE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [request, runEstimate])

  const run = useCallback(() => {
    const current = buildRequest(usePlaygroundEditor.getState().draft).request
    if (current && !isRunActive(usePlaygroundRun.getState().run)) void start(current)
  }, [start])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (document.querySelector('dialog[open]')) return
      if (event.key === 'Enter' && hasModifier(event) && !event.defaultPrevented) {
        event.preventDefault()
        run()
      } else if (event.key === 'Escape' && isRunActive(usePlaygroundRun.getState().run)) {
        event.preventDefault()
        void cancelAll()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [run, cancelAll])

  return (
    <div className="stack">
      <div className="playground-grid">
        <div className="stack">
          <MessagesEditor onSubmit={run} />
          <VariablesPanel />
        </div>
        <div className="stack">
          <ModelPicker providers={providers.data ?? []} />
          <ParamsPanel problems={problems} onSubmit={run} />
          <div className="panel run-bar">
            <div className="panel-body stack">
              <EstimateView problems={problems} repeat={request?.repeat ?? 1} />
              <div className="row">
                <button type="button" className="btn primary" disabled={!request || active} onClick={run} aria-keyshortcuts="Control+Enter Meta+Enter">
                  Run
                  <kbd aria-hidden="true">{MOD_KEY_LABEL}↵</kbd>
                </button>
                {active && <span className="spinner" aria-hidden="true" />}
              </div>
            </div>
          </div>
        </div>
      </div>
      <RunResults />
    </div>
  )
}
