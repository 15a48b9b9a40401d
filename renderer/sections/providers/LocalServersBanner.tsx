import type { ReactElement } from 'react'
import { hrefFor } from '../../lib/routes'
import { kindInfo } from '../../lib/provider-form'
import type { ProviderFormValues } from '../../lib/provider-form'
import type { LocalServer } from '../../stores/provider-admin-store'

/** Ollama / LM Studio found on this machine: one click pre-fills the Add provider form. */
export function LocalServersBanner({ servers, onAdd }: { servers: LocalServer[]; onAdd: (prefill: Partial<ProviderFormValues>) => void }): ReactElement | null {
  if (servers.length === 0) return null
  return (
    <section className="notice info" aria-label="Detected local servers">
      <div className="notice-body stack-tight">
        <div className="notice-title">Local model servers found on this machine</div>
        {servers.map((s) => {
          const label = kindInfo(s.kind).label
          return (
            <div key={`${s.kind}-${s.baseUrl}`} className="row">
              <span>
                <strong>{label}</strong> at <span className="mono">{s.baseUrl}</span> · {s.models.length} model{s.models.length === 1 ? '' : 's'}
                {s.models.length > 0 && <span className="faint"> ({s.models.slice(0, 3).join(', ')}{s.models.length > 3 ? ', …' : ''})</span>}
              </span>
              {s.providerId ? (
                <a href={hrefFor('providers', s.providerId)}>already added</a>
              ) : (
                <button type="button" className="btn small primary" aria-label={`Add ${label}`} onClick={() => onAdd({ kind: s.kind, name: label, baseUrl: s.baseUrl })}>
                  Add
                </button>
              )}
            </div>
          )
        })}
      </div>
    </section>
  )
}
