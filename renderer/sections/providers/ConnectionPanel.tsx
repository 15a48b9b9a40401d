import { useState } from 'react'
import type { ReactElement } from 'react'
import type { ProviderWithStatus } from '../../../src/core/schemas/provider'
import type { AppError } from '../../../src/core/errors'
import { ErrorNotice } from '../../components/Feedback'
import { toAppError } from '../../lib/errors'
import { formatMs } from '../../lib/format'
import { navigate } from '../../lib/navigation'
import { useProviderAdmin } from '../../stores/provider-admin-store'
import { ProviderFormDialog } from './ProviderFormDialog'

/** Edit, remove, enable and test one provider. */
export function ConnectionPanel({ provider }: { provider: ProviderWithStatus }): ReactElement {
  const test = useProviderAdmin((s) => s.tests[provider.id])
  const runTest = useProviderAdmin((s) => s.test)
  const remove = useProviderAdmin((s) => s.remove)
  const update = useProviderAdmin((s) => s.update)
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const result = test?.result

  async function onRemove(): Promise<void> {
    if (!window.confirm(`Remove the provider “${provider.name}” and its stored key? Its past calls stay in your runs.`)) return
    try {
      await remove(provider.id)
      navigate('providers')
    } catch (e) {
      setError(toAppError(e))
    }
  }

  async function onToggle(enabled: boolean): Promise<void> {
    setError(null)
    try {
      await update({ id: provider.id, enabled })
    } catch (e) {
      setError(toAppError(e))
    }
  }

  return (
    <div className="stack">
      <div className="row">
        <button type="button" className="btn" onClick={() => void runTest(provider.id)} disabled={test?.busy}>
          {test?.busy && <span className="spinner" aria-hidden="true" />}
          Test connection
        </button>
        {!provider.builtIn && (
          <>
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              Edit provider
            </button>
            <button type="button" className="btn" onClick={() => void onToggle(!provider.enabled)}>
              {provider.enabled ? 'Disable provider' : 'Enable provider'}
            </button>
            <button type="button" className="btn danger" onClick={() => void onRemove()}>
              Remove provider
            </button>
          </>
        )}
      </div>
      <div aria-live="polite" data-testid="connection-test">
        {result &&
          (result.ok ? (
            <p className="hint">
              <span className="badge ok">Connected</span> {result.method === 'models' ? `${result.modelCount ?? 0} models listed` : 'a one-token request answered'} in{' '}
              {formatMs(result.latencyMs)}.
            </p>
          ) : (
            <p className="hint">
              <span className="badge bad mono">{result.errorClass ?? 'failed'}</span> {result.message} <span className="faint">({formatMs(result.latencyMs)})</span>
            </p>
          ))}
      </div>
      {test?.error && <ErrorNotice error={test.error} title="The connection test could not run" />}
      {error && <ErrorNotice error={error} title="The provider was not changed" />}
      {editing && <ProviderFormDialog provider={provider} onClose={() => setEditing(false)} />}
    </div>
  )
}
