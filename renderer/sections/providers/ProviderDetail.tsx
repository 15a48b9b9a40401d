import { useEffect } from 'react'
import type { ReactElement } from 'react'
import type { ProviderWithStatus } from '../../../src/core/schemas/provider'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { useAppStore } from '../../stores/app-store'
import { useProvidersStore } from '../../stores/providers-store'
import { ConnectionPanel } from './ConnectionPanel'
import { KeyStatusView, needsKey } from './KeyStatusView'
import { ProbePanel } from './ProbePanel'
import { ProviderKeyForm } from './ProviderKeyForm'
import { ProviderModelsTable } from './ProviderModelsTable'

/** One provider: identity, key, probe panel and models. */
export function ProviderDetail({ provider }: { provider: ProviderWithStatus }): ReactElement {
  const models = useProvidersStore((s) => s.models[provider.id])
  const loadModels = useProvidersStore((s) => s.loadModels)
  const emulator = useAppStore((s) => s.info.data?.emulator)
  const baseUrl = provider.kind === 'emulator' ? (emulator?.running && emulator.url ? `${emulator.url}/v1` : null) : provider.baseUrl

  useEffect(() => {
    void loadModels(provider.id)
  }, [loadModels, provider.id])

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="provider-title">
        <div className="panel-header">
          <h2 id="provider-title">{provider.name}</h2>
          <span className="badge accent mono">{provider.kind}</span>
          {provider.builtIn && <span className="badge">built-in</span>}
          {!provider.enabled && <span className="badge warn">disabled</span>}
        </div>
        <div className="panel-body provider-facts">
          <div className="stack">
          <dl className="facts">
            <dt>Id</dt>
            <dd className="mono">{provider.id}</dd>
            <dt>Base URL</dt>
            <dd>
              {baseUrl ? <span className="mono">{baseUrl}</span> : <span className="faint">{provider.kind === 'emulator' ? 'emulator not running' : 'not set'}</span>}
              {provider.kind === 'emulator' && baseUrl && <div className="hint">started by the engine on a free local port</div>}
            </dd>
          </dl>
          <ConnectionPanel provider={provider} />
          </div>
          <div className="stack">
            <KeyStatusView provider={provider} />
            {needsKey(provider) && <ProviderKeyForm provider={provider} />}
          </div>
        </div>
      </section>

      {models?.error && <ErrorNotice error={models.error} title="Could not list the models" onRetry={() => void loadModels(provider.id)} />}
      {(!models || (models.status === 'loading' && !models.data)) && <Loading label="Loading models…" />}
      {models?.data && (
        <>
          <ProbePanel provider={provider} models={models.data} />
          <ProviderModelsTable provider={provider} models={models.data} />
        </>
      )}
    </div>
  )
}
