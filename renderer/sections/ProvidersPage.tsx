import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import { EmptyState } from '../components/EmptyState'
import { ErrorNotice, Loading } from '../components/Feedback'
import { PageHeader } from '../components/PageHeader'
import { hrefFor } from '../lib/routes'
import type { ProviderFormValues } from '../lib/provider-form'
import { useProviderAdmin } from '../stores/provider-admin-store'
import { useProvidersStore } from '../stores/providers-store'
import { KeySummary } from './providers/KeyStatusView'
import { LocalServersBanner } from './providers/LocalServersBanner'
import { ProviderDetail } from './providers/ProviderDetail'
import { ProviderFormDialog } from './providers/ProviderFormDialog'

/** Providers: who Switchyard can call, their keys and models, and the probe — the first real thing to do. */
export function ProvidersPage({ providerId }: { providerId: string | null }): ReactElement {
  const providers = useProvidersStore((s) => s.providers)
  const load = useProvidersStore((s) => s.load)
  const localServers = useProviderAdmin((s) => s.localServers)
  const detectLocal = useProviderAdmin((s) => s.detectLocal)
  /** null: closed; an object: the Add provider form is open with these values. */
  const [adding, setAdding] = useState<Partial<ProviderFormValues> | null>(null)

  useEffect(() => {
    void load()
    void detectLocal()
  }, [load, detectLocal])

  const list = providers.data ?? []
  const selected = list.find((p) => p.id === providerId) ?? (providerId ? undefined : list[0])

  return (
    <div className="page">
      <PageHeader
        title="Providers"
        description="The model APIs Switchyard can call, their keys and models. Probe a provider to measure time to first token, latency and output tokens per model."
        actions={
          <button type="button" className="btn primary" onClick={() => setAdding({})}>
            Add provider
          </button>
        }
      />
      <LocalServersBanner servers={localServers} onAdd={(prefill) => setAdding(prefill)} />
      {adding && <ProviderFormDialog prefill={adding} onClose={() => setAdding(null)} />}
      {providers.error && <ErrorNotice error={providers.error} title="Could not list the providers" onRetry={() => void load()} />}
      {providers.status === 'loading' && !providers.data && <Loading label="Loading providers…" />}
      {providers.data && list.length === 0 && (
        <EmptyState icon="providers" title="No provider configured">
          <p>
            A fresh store always holds the built-in Local emulator; if it is missing, the store was changed by hand.
            Open a fresh store from Settings to get it back.
          </p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <div className="split">
          <ul className="master-list" aria-label="Provider list">
            {list.map((p) => (
              <li key={p.id}>
                <a href={hrefFor('providers', p.id)} aria-current={p.id === selected?.id ? 'true' : undefined}>
                  <span className="title">{p.name}</span>
                  <span className="meta">
                    <span className="mono">{p.kind}</span>
                    <KeySummary provider={p} />
                  </span>
                </a>
              </li>
            ))}
          </ul>
          {selected ? (
            <ProviderDetail key={selected.id} provider={selected} />
          ) : (
            <EmptyState icon="providers" title="Unknown provider">
              <p>
                No provider has the id <code>{providerId}</code>. Pick one from the list.
              </p>
            </EmptyState>
          )}
        </div>
      )}
    </div>
  )
}
