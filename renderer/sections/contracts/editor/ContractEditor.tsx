import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import type { ReactElement } from 'react'
import { validateContractBody } from '../../../../src/core/contract-validation'
import type { AppError } from '../../../../src/core/errors'
import type { ContractProblem } from '../../../../src/core/schemas/contract-editor'
import { getClient } from '../../../api/client'
import { buildBody } from '../../../lib/contract-form'
import type { ContractForm } from '../../../lib/contract-form'
import { hasModifier, MOD_KEY_LABEL } from '../../../lib/keys'
import { navigate } from '../../../lib/navigation'
import { isDirty, NEW_DRAFT, useContractsStore } from '../../../stores/contracts-store'
import type { ContractDraft } from '../../../stores/contracts-store'
import { useProvidersStore } from '../../../stores/providers-store'
import { FieldProblems } from '../FieldProblems'
import { MessagesSection } from './MessagesSection'
import { ModelsSection } from './ModelsSection'
import { OutputSection } from './OutputSection'
import { ParamsBudgetsSection } from './ParamsBudgetsSection'
import { VariablesSection } from './VariablesSection'

const CHECK_DELAY_MS = 400

/** A refused save's issues as problems by field (`body.messages.1.content` → `messages.1.content`; a taken name → `name`). */
function problemsOfError(error: AppError | null): ContractProblem[] {
  if (!error) return []
  if (error.code === 'CONFLICT') return [{ path: 'name', severity: 'error', message: error.message }]
  return (error.issues ?? []).map((i) => ({ path: i.path.replace(/^body\./, ''), severity: 'error', message: i.message }))
}

function unique(problems: ContractProblem[]): ContractProblem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The engine's ajv check of the output schema, a moment after the schema stops changing. */
function useSchemaCheck(form: ContractForm): { problems: ContractProblem[]; checking: boolean } {
  const built = useMemo(() => buildBody(form), [form])
  const body = built.body
  const schemaKey = body && body.output.kind === 'json_schema' ? JSON.stringify(body.output.schema) : null
  const [result, setResult] = useState<{ key: string; problems: ContractProblem[] } | null>(null)
  useEffect(() => {
    if (schemaKey === null || !body) return
    let live = true
    const timer = setTimeout(() => {
      void getClient()
        .call('contracts.validate', { body: body as unknown as Record<string, unknown> })
        .then((answer) => {
          if (live) setResult({ key: schemaKey, problems: answer.problems.filter((p) => p.path.startsWith('output')) })
        })
        // The engine checks again on save; a failed live check must not leave the field "checking" for ever.
        .catch(() => live && setResult({ key: schemaKey, problems: [] }))
    }, CHECK_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
    // The body is rebuilt on every keystroke; only a change of the schema calls for a new check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [schemaKey])
  if (schemaKey === null) return { problems: [], checking: false }
  return result?.key === schemaKey ? { problems: result.problems, checking: false } : { problems: [], checking: true }
}

/** The form as the core checks see it (indexes kept, so paths match the rows even before the body is valid). */
function coreProblems(form: ContractForm): ContractProblem[] {
  return validateContractBody({
    messages: form.messages.map((m) => ({ role: m.role, content: m.content })),
    variables: form.variables.map((v) => ({ name: v.name, type: v.type, description: v.description, required: v.required, ...(v.example !== '' ? { example: v.example } : {}) })),
    candidates: form.candidates,
    fallback: { retries: 0, timeoutMs: 1, fallbacks: form.fallbacks }
  })
}

/** Create or edit a contract: meta, template, variables, output, parameters, budgets, models. Saves a new version. */
export function ContractEditor({ draftKey, onClose }: { draftKey: string; onClose: () => void }): ReactElement | null {
  const draft = useContractsStore((s) => s.drafts[draftKey])
  return draft ? <EditorForm draftKey={draftKey} draft={draft} onClose={onClose} /> : null
}

function EditorForm({ draftKey, draft, onClose }: { draftKey: string; draft: ContractDraft; onClose: () => void }): ReactElement {
  const id = useId()
  const editDraft = useContractsStore((s) => s.editDraft)
  const discardDraft = useContractsStore((s) => s.discardDraft)
  const saveDraft = useContractsStore((s) => s.saveDraft)
  const models = useContractsStore((s) => s.models)
  const loadModels = useContractsStore((s) => s.loadModels)
  const providers = useProvidersStore((s) => s.providers)
  const loadProviders = useProvidersStore((s) => s.load)
  const [attempted, setAttempted] = useState(false)
  const [confirmDiscard, setConfirmDiscard] = useState(false)
  const form = draft.form
  const schemaCheck = useSchemaCheck(form)

  useEffect(() => {
    void loadModels()
    void loadProviders()
  }, [loadModels, loadProviders])

  const problems = useMemo(() => {
    const local: ContractProblem[] = form.name.trim() === '' ? [{ path: 'name', severity: 'error', message: 'Give the contract a name.' }] : []
    return unique([...local, ...buildBody(form).problems, ...coreProblems(form), ...schemaCheck.problems, ...problemsOfError(draft.error)])
  }, [form, schemaCheck.problems, draft.error])
  const errorCount = problems.filter((p) => p.severity === 'error').length

  const save = useCallback(async () => {
    setAttempted(true)
    const state = useContractsStore.getState().drafts[draftKey]
    if (!state || state.saving || errorCount > 0) return
    const result = await saveDraft(draftKey)
    if (result.ok && draftKey === NEW_DRAFT) navigate('contracts', result.contractId)
  }, [draftKey, errorCount, saveDraft])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key.toLowerCase() === 's' && hasModifier(event) && !event.altKey && !event.shiftKey) {
        event.preventDefault()
        void save()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [save])

  const dirty = isDirty(draft)
  const change = (patch: Partial<ContractForm>): void => editDraft(draftKey, (f) => ({ ...f, ...patch }))
  const close = (): void => {
    if (dirty && !confirmDiscard) {
      setConfirmDiscard(true)
      return
    }
    setConfirmDiscard(false)
    discardDraft(draftKey)
    onClose()
  }
  const isNew = draftKey === NEW_DRAFT

  return (
    <form className="stack contract-editor" aria-label={isNew ? 'New contract' : 'Edit contract'} noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
      <div className="panel editor-bar">
        <div className="panel-body row">
          <button type="submit" className="btn primary" disabled={draft.saving} aria-keyshortcuts="Control+S Meta+S">
            {isNew ? 'Create contract' : 'Save version'}
            <kbd aria-hidden="true">{MOD_KEY_LABEL}S</kbd>
          </button>
          <button type="button" className="btn" onClick={close}>
            {dirty ? 'Discard changes' : 'Close editor'}
          </button>
          {draft.saving && <span className="spinner" aria-hidden="true" />}
          <span className="editor-state" role="status" data-testid="editor-state">
            {draft.notice ?? (dirty ? 'Unsaved changes' : isNew ? '' : 'No changes since the latest version')}
          </span>
        </div>
        {confirmDiscard && (
          <div className="panel-body row notice warn" role="alertdialog" aria-label="Discard unsaved changes?">
            <span>Discard your unsaved changes to this contract?</span>
            <button type="button" className="btn small danger" onClick={close}>
              Discard
            </button>
            <button type="button" className="btn small" onClick={() => setConfirmDiscard(false)}>
              Keep editing
            </button>
          </div>
        )}
        {(draft.error || (attempted && errorCount > 0)) && (
          <div className="panel-body bad-text" role="alert">
            {draft.error ? `Not saved: ${draft.error.message}` : `Not saved: fix the ${errorCount === 1 ? 'problem' : `${errorCount} problems`} marked below first.`}
          </div>
        )}
      </div>

      <section className="panel" aria-labelledby={`${id}-about`} role="region">
        <div className="panel-header">
          <h3 id={`${id}-about`}>About</h3>
          <span className="hint">Saved on the contract itself (no new version).</span>
        </div>
        <div className="panel-body form-grid">
          <label htmlFor={`${id}-name`}>Name</label>
          <div className="field">
            <input id={`${id}-name`} className="input" value={form.name} onChange={(e) => change({ name: e.target.value })} aria-invalid={problems.some((p) => p.path === 'name') || undefined} />
            <FieldProblems problems={problems} path="name" />
          </div>
          <label htmlFor={`${id}-feature`}>Feature tag</label>
          <input id={`${id}-feature`} className="input short mono" placeholder="e.g. support-triage" value={form.feature} onChange={(e) => change({ feature: e.target.value })} />
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea id={`${id}-description`} className="textarea" rows={2} value={form.description} onChange={(e) => change({ description: e.target.value })} />
        </div>
      </section>

      <MessagesSection messages={form.messages} problems={problems} onChange={(messages) => change({ messages })} />
      <VariablesSection variables={form.variables} messages={form.messages} problems={problems} onChange={(variables) => change({ variables })} />
      <OutputSection value={form} problems={problems} checking={schemaCheck.checking} onChange={change} />
      <ParamsBudgetsSection value={form} problems={problems} onChange={change} />
      <ModelsSection value={form} models={models.data ?? []} providers={providers.data ?? []} problems={problems} onChange={change} />
    </form>
  )
}
