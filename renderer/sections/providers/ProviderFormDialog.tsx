import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { ProviderWithStatus } from '../../../src/core/schemas/provider'
import type { AppError } from '../../../src/core/errors'
import { ErrorNotice } from '../../components/Feedback'
import { toAppError } from '../../lib/errors'
import { navigate } from '../../lib/navigation'
import { ADDABLE_KINDS, formBaseUrl, formOptions, kindInfo, optionText } from '../../lib/provider-form'
import type { AddableKind, ProviderFormValues } from '../../lib/provider-form'
import { useProviderAdmin } from '../../stores/provider-admin-store'
import { useProvidersStore } from '../../stores/providers-store'

interface Props {
  /** Edit this provider; absent: add a new one (optionally pre-filled). */
  provider?: ProviderWithStatus
  prefill?: Partial<ProviderFormValues> | null
  onClose: () => void
}

function initialValues(provider: ProviderWithStatus | undefined, prefill: Partial<ProviderFormValues> | null | undefined): ProviderFormValues {
  if (provider && provider.kind !== 'emulator') {
    const options: Record<string, string> = {}
    for (const [k, v] of Object.entries(provider.options)) options[k] = optionText(v)
    return { kind: provider.kind, name: provider.name, baseUrl: provider.baseUrl ?? '', options }
  }
  const kind = prefill?.kind ?? 'openai'
  return { kind, name: prefill?.name ?? kindInfo(kind).label, baseUrl: prefill?.baseUrl ?? '', options: prefill?.options ?? {} }
}

/** Add or edit a provider: kind, name, base URL, kind-specific options and (write-only) its key. */
export function ProviderFormDialog({ provider, prefill, onClose }: Props): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const editing = Boolean(provider)
  const title = editing ? `Edit ${provider?.name ?? 'provider'}` : 'Add provider'
  const [values, setValues] = useState<ProviderFormValues>(() => initialValues(provider, prefill))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const create = useProviderAdmin((s) => s.create)
  const update = useProviderAdmin((s) => s.update)
  const setKey = useProvidersStore((s) => s.setKey)
  const info = kindInfo(values.kind)

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
  }, [])

  function change(patch: Partial<ProviderFormValues>): void {
    setValues((v) => ({ ...v, ...patch }))
  }

  function changeKind(kind: AddableKind): void {
    const prevLabel = kindInfo(values.kind).label
    setValues((v) => ({ ...v, kind, options: {}, name: v.name === '' || v.name === prevLabel ? kindInfo(kind).label : v.name }))
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    const keyField = event.currentTarget.elements.namedItem('key')
    const key = keyField instanceof HTMLInputElement ? keyField.value : ''
    if (keyField instanceof HTMLInputElement) keyField.value = ''
    const { options, problems: found } = formOptions(values)
    setProblems(found)
    if (found.length > 0) return
    setBusy(true)
    setError(null)
    try {
      const saved = provider
        ? await update({ id: provider.id, name: values.name.trim(), baseUrl: formBaseUrl(values), options })
        : await create({ kind: values.kind, name: values.name.trim(), baseUrl: formBaseUrl(values), options })
      if (key.trim()) await setKey(saved.id, key)
      setBusy(false)
      onClose()
      navigate('providers', saved.id)
    } catch (e) {
      setBusy(false)
      setError(toAppError(e))
    }
  }

  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form aria-labelledby={`${id}-title`} onSubmit={(e) => void onSubmit(e)} autoComplete="off" noValidate>
        <div className="panel-header">
          <h2 id={`${id}-title`}>{title}</h2>
        </div>
        <div className="panel-body stack">
          <div className="form-grid">
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select id={`${id}-kind`} className="select" value={values.kind} disabled={editing} onChange={(e) => changeKind(e.target.value as AddableKind)}>
              {ADDABLE_KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} className="input" value={values.name} maxLength={80} onChange={(e) => change({ name: e.target.value })} />
            <label htmlFor={`${id}-url`}>Base URL</label>
            <input
              id={`${id}-url`}
              className="input mono"
              value={values.baseUrl}
              placeholder={info.defaultBaseUrl ?? 'https://host/v1'}
              onChange={(e) => change({ baseUrl: e.target.value })}
            />
            {info.optionFields.map((field) => (
              <OptionField key={field.key} id={`${id}-${field.key}`} field={field} value={values.options[field.key] ?? ''} onChange={(v) => change({ options: { ...values.options, [field.key]: v } })} />
            ))}
            {(info.needsKey || info.envVar) && (
              <>
                <label htmlFor={`${id}-key`}>API key</label>
                <input
                  id={`${id}-key`}
                  className="input"
                  type="password"
                  name="key"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={editing && provider?.key.configured ? `Configured (…${provider.key.last4 ?? ''}); paste to replace` : info.needsKey ? 'Paste a key (optional now)' : 'Optional'}
                />
              </>
            )}
          </div>
          <p className="hint">
            {info.hint} {info.defaultBaseUrl && !info.baseUrlRequired ? `Leave the base URL empty to use ${info.defaultBaseUrl}.` : ''}{' '}
            {info.envVar ? `The key can also come from the environment variable ${info.envVar}.` : ''}
          </p>
          {problems.length > 0 && (
            <ul className="problems" role="alert">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {error && <ErrorNotice error={error} title={editing ? 'The provider was not saved' : 'The provider was not added'} />}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={busy}>
            Save provider
          </button>
        </div>
      </form>
    </dialog>
  )
}

function OptionField(props: { id: string; field: { label: string; kind: 'text' | 'headers'; placeholder?: string; help?: string; required: boolean }; value: string; onChange: (v: string) => void }): ReactElement {
  const { id, field, value, onChange } = props
  return (
    <>
      <label htmlFor={id}>
        {field.label}
        {field.required ? '' : <span className="faint"> (optional)</span>}
      </label>
      <div className="field">
        {field.kind === 'headers' ? (
          <textarea id={id} className="textarea" rows={3} value={value} placeholder="X-Team: ai-platform" onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-help`} />
        ) : (
          <input id={id} className="input mono" value={value} placeholder={field.placeholder} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-help`} />
        )}
        {field.help && (
          <span className="hint" id={`${id}-help`}>
            {field.help}
          </span>
        )}
      </div>
    </>
  )
}
