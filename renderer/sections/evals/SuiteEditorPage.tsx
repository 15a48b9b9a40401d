import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import type { AppError } from '../../../src/core/errors'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { toAppError } from '../../lib/errors'
import { evalsHref, goToEvals } from '../../lib/eval-routes'
import { buildSuiteRequest, emptySuiteForm, formFromSuite } from '../../lib/eval-suite-form'
import type { SuiteForm } from '../../lib/eval-suite-form'
import { hasModifier, MOD_KEY_LABEL } from '../../lib/keys'
import { useEvalsStore } from '../../stores/evals-store'
import { useProvidersStore } from '../../stores/providers-store'
import { AssertionsPanel } from './AssertionsPanel'
import { SuiteModelsPanel } from './SuiteModelsPanel'
import { SuiteRunSettingsPanel } from './SuiteRunSettingsPanel'
import { SuiteSourcesPanel } from './SuiteSourcesPanel'

/** The latest version id of a contract (versions oldest first) and of a dataset (versions newest first). */
async function latestContractVersion(contractId: string): Promise<string> {
  await useEvalsStore.getState().loadContractVersions(contractId)
  const list = useEvalsStore.getState().contractVersions[contractId]?.data ?? []
  return list[list.length - 1]?.id ?? ''
}

async function latestDatasetVersion(datasetId: string): Promise<string> {
  await useEvalsStore.getState().loadDatasetVersions(datasetId)
  return useEvalsStore.getState().datasetVersions[datasetId]?.data?.[0]?.id ?? ''
}

function SuiteEditor({ initial, suiteId }: { initial: SuiteForm; suiteId: string | null }): ReactElement {
  const [form, setForm] = useState(initial)
  const [submitted, setSubmitted] = useState(false)
  const [saving, setSaving] = useState(false)
  // Ctrl/Cmd+Enter can reach both Monaco's action and the window: one save at a time.
  const inFlight = useRef(false)
  const [error, setError] = useState<AppError | null>(null)
  const models = useEvalsStore((s) => s.models)
  const providers = useProvidersStore((s) => s.providers)
  const createSuite = useEvalsStore((s) => s.createSuite)
  const updateSuite = useEvalsStore((s) => s.updateSuite)
  const { request, problems } = useMemo(() => buildSuiteRequest(form), [form])
  // Assertions are checked as you type; the other fields once a save was tried.
  const shown = submitted ? problems : problems.filter((p) => p.field === 'assertions')
  const change = useCallback((next: Partial<SuiteForm>) => setForm((f) => ({ ...f, ...next })), [])

  const pickContract = useCallback((contractId: string) => {
    setForm((f) => ({ ...f, contractId, contractVersionId: '', modelsMode: 'candidates' }))
    if (!contractId) return
    void latestContractVersion(contractId).then((versionId) =>
      setForm((f) => (f.contractId === contractId && !f.contractVersionId ? { ...f, contractVersionId: versionId } : f))
    )
  }, [])

  const pickDataset = useCallback((datasetId: string) => {
    setForm((f) => ({ ...f, datasetId, datasetVersionId: '' }))
    if (!datasetId) return
    void latestDatasetVersion(datasetId).then((versionId) => setForm((f) => (f.datasetId === datasetId && !f.datasetVersionId ? { ...f, datasetVersionId: versionId } : f)))
  }, [])

  // A new suite starts on the first contract and the dataset linked to it, at their latest versions.
  useEffect(() => {
    if (suiteId !== null) return
    let live = true
    void (async () => {
      const { contracts, datasets } = useEvalsStore.getState()
      const contract = contracts.data?.[0]
      if (!contract || !live) return
      const dataset = datasets.data?.find((d) => d.contractId === contract.id) ?? datasets.data?.[0]
      const [contractVersionId, datasetVersionId] = await Promise.all([latestContractVersion(contract.id), dataset ? latestDatasetVersion(dataset.id) : Promise.resolve('')])
      if (!live) return
      setForm((f) =>
        f.contractId || f.datasetId ? f : { ...f, contractId: contract.id, contractVersionId, datasetId: dataset?.id ?? '', datasetVersionId }
      )
    })()
    return () => {
      live = false
    }
  }, [suiteId])

  const save = useCallback(async () => {
    setSubmitted(true)
    if (!request || inFlight.current) return
    inFlight.current = true
    setSaving(true)
    setError(null)
    try {
      const suite = suiteId ? await updateSuite(suiteId, request) : await createSuite(request)
      goToEvals({ view: 'suite', suiteId: suite.id })
    } catch (e) {
      setError(toAppError(e))
    } finally {
      inFlight.current = false
      setSaving(false)
    }
  }, [request, suiteId, updateSuite, createSuite])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return
      if (event.key === 'Enter' && hasModifier(event)) {
        event.preventDefault()
        void save()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [save])

  return (
    <form
      className="stack"
      aria-label={suiteId ? 'Edit suite' : 'New suite'}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <SuiteSourcesPanel form={form} problems={shown} onChange={change} onPickContract={pickContract} onPickDataset={pickDataset} />
      <SuiteModelsPanel form={form} problems={shown} models={models.data ?? []} providers={providers.data ?? []} onChange={change} />
      <AssertionsPanel value={form.assertionsText} problems={shown} onChange={(assertionsText) => change({ assertionsText })} onSubmit={() => void save()} />
      <SuiteRunSettingsPanel form={form} problems={shown} onChange={change} />
      {error && <ErrorNotice error={error} title={suiteId ? 'Could not save the suite' : 'Could not create the suite'} />}
      {submitted && problems.length > 0 && (
        <p className="bad-text" role="alert">
          {problems.length === 1 ? 'One problem stands' : `${problems.length} problems stand`} in the way: see the fields above.
        </p>
      )}
      <div className="row ev-save-bar">
        <button type="submit" className="btn primary" disabled={saving} aria-keyshortcuts="Control+Enter Meta+Enter">
          {saving ? 'Saving…' : suiteId ? 'Save suite' : 'Create suite'}
          <kbd aria-hidden="true">{MOD_KEY_LABEL}↵</kbd>
        </button>
        <a className="btn" href={suiteId ? evalsHref({ view: 'suite', suiteId }) : evalsHref({ view: 'home' })}>
          Cancel
        </a>
      </div>
    </form>
  )
}

/** `#/evals/new` and `#/evals/suite/<id>/edit`: the suite form, on a new suite or a stored one. */
export function SuiteEditorPage({ suiteId }: { suiteId: string | null }): ReactElement {
  const suites = useEvalsStore((s) => s.suites)
  const pickers = useEvalsStore((s) => s.contracts.status === 'ready' && s.datasets.status !== 'loading' && s.models.status !== 'loading')
  const pickerError = useEvalsStore((s) => s.contracts.error ?? s.datasets.error ?? s.models.error)
  const loadPickers = useEvalsStore((s) => s.loadPickers)
  const loadProviders = useProvidersStore((s) => s.load)
  const suite = suiteId ? suites.data?.find((s) => s.id === suiteId) : undefined

  useEffect(() => {
    void loadPickers()
    void loadProviders()
  }, [loadPickers, loadProviders])

  if (pickerError) return <ErrorNotice error={pickerError} title="Could not load contracts, datasets or models" onRetry={() => void loadPickers()} />
  if (!pickers) return <Loading label="Loading contracts, datasets and models…" />
  if (suiteId && !suite) {
    if (suites.status === 'loading' || suites.status === 'idle') return <Loading label="Loading the suite…" />
    return (
      <p className="hint" role="alert">
        No suite with id <code>{suiteId}</code>: it may have been deleted. <a href={evalsHref({ view: 'home' })}>Back to the suites</a>.
      </p>
    )
  }
  return (
    <article className="stack" aria-labelledby="suite-editor-title">
      <h2 id="suite-editor-title" className="ev-page-title">
        {suite ? `Edit suite “${suite.name}”` : 'New suite'}
      </h2>
      <SuiteEditor initial={suite ? formFromSuite(suite) : emptySuiteForm()} suiteId={suiteId} />
    </article>
  )
}
