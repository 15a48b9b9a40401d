import { useId } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { ProviderWithStatus } from '../../../src/core/schemas/provider'
import { ErrorNotice } from '../../components/Feedback'
import { useProvidersStore } from '../../stores/providers-store'

/**
 * Write-only key form. The input is uncontrolled: the key goes from the field straight to the engine and the
 * field is cleared; no store, state or storage ever holds it.
 */
export function ProviderKeyForm({ provider }: { provider: ProviderWithStatus }): ReactElement {
  const inputId = useId()
  const action = useProvidersStore((s) => s.keyActions[provider.id])
  const setKey = useProvidersStore((s) => s.setKey)
  const clearKey = useProvidersStore((s) => s.clearKey)
  const busy = action?.busy ?? false
  const canClear = provider.key.source === 'stored' || provider.key.source === 'session'

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    const form = event.currentTarget
    const field = form.elements.namedItem('key')
    if (!(field instanceof HTMLInputElement)) return
    const key = field.value
    field.value = ''
    if (key.trim() === '') return
    await setKey(provider.id, key)
  }

  return (
    <form className="stack" onSubmit={(e) => void onSubmit(e)} autoComplete="off">
      <div className="field">
        <label htmlFor={inputId}>API key for {provider.name}</label>
        <div className="row">
          <input
            id={inputId}
            className="input"
            style={{ flex: '1 1 260px' }}
            type="password"
            name="key"
            autoComplete="off"
            spellCheck={false}
            placeholder={provider.key.configured ? 'Paste a new key to replace it' : 'Paste a key'}
            disabled={busy}
          />
          <button type="submit" className="btn primary" disabled={busy}>
            Save key
          </button>
          <button type="button" className="btn danger" disabled={busy || !canClear} onClick={() => void clearKey(provider.id)}>
            Clear key
          </button>
        </div>
        {provider.key.source === 'environment' && (
          <p className="hint">
            This key comes from <code>{provider.key.envVar}</code>; unset the variable to remove it.
          </p>
        )}
      </div>
      {action?.notice && (
        <p className="hint" aria-live="polite">
          {action.notice}
        </p>
      )}
      {action?.error && <ErrorNotice error={action.error} title="The key could not be changed" />}
    </form>
  )
}
