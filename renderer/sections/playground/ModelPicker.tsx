import { useState } from 'react'
import type { ReactElement } from 'react'
import type { Model, ProviderWithStatus } from '../../../src/core/schemas/provider'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { formatPricePerM, formatTokens } from '../../lib/format'
import { MAX_MODELS, sameModel } from '../../lib/playground-draft'
import { hrefFor } from '../../lib/routes'
import { usePlaygroundEditor } from '../../stores/playground-editor-store'
import { missingKey } from '../providers/KeyStatusView'

function matches(m: Model, provider: ProviderWithStatus, q: string): boolean {
  const needle = q.trim().toLowerCase()
  if (!needle) return true
  return [m.modelId, m.displayName, provider.name].some((t) => t.toLowerCase().includes(needle))
}

/** Choose up to 8 models, grouped by provider, with price, context window and key warnings. */
export function ModelPicker({ providers }: { providers: ProviderWithStatus[] }): ReactElement {
  const allModels = usePlaygroundEditor((s) => s.allModels)
  const loadModels = usePlaygroundEditor((s) => s.loadModels)
  const picked = usePlaygroundEditor((s) => s.draft.models)
  const toggle = usePlaygroundEditor((s) => s.toggleModel)
  const [open, setOpen] = useState(picked.length === 0)
  const [query, setQuery] = useState('')
  const models = (allModels.data ?? []).filter((m) => m.enabled)
  const byId = new Map(providers.map((p) => [p.id, p]))
  const full = picked.length >= MAX_MODELS

  const chosen = picked.map((ref) => ({ ref, provider: byId.get(ref.providerId) }))
  const noKey = chosen.filter((c) => c.provider && missingKey(c.provider))

  return (
    <section className="panel" aria-labelledby="pg-models-title" role="region">
      <div className="panel-header">
        <h2 id="pg-models-title">Models</h2>
        <span className="hint">
          {picked.length} of {MAX_MODELS} chosen{picked.length < 2 ? ' · choose 2 or more to compare' : ''}
        </span>
        <div className="actions">
          <button type="button" className="btn small" aria-expanded={open} onClick={() => setOpen(!open)}>
            Choose models
          </button>
        </div>
      </div>
      <div className="panel-body stack">
        {chosen.length > 0 && (
          <ul className="chips" aria-label="Chosen models">
            {chosen.map(({ ref, provider }) => (
              <li key={`${ref.providerId}/${ref.modelId}`} className="chip">
                {provider?.name ?? ref.providerId} / {ref.modelId}
                <button type="button" className="chip-remove" aria-label={`Remove ${ref.modelId}`} onClick={() => toggle(ref, false)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {noKey.map(({ ref, provider }) => (
          <p key={`${ref.providerId}/${ref.modelId}`} className="hint warn-text" role="note">
            {provider?.name} has no key: <span className="mono">{ref.modelId}</span> will fail with missing_key.{' '}
            <a href={hrefFor('providers', ref.providerId)}>Set the key in Providers</a>
            {provider?.key.envVar ? ` or set ${provider.key.envVar}` : ''}.
          </p>
        ))}
        {open && (
          <div className="stack">
            <input className="input" type="search" aria-label="Search models" placeholder="Search models or providers…" value={query} onChange={(e) => setQuery(e.target.value)} />
            {allModels.error && <ErrorNotice error={allModels.error} title="Could not list the models" onRetry={() => void loadModels()} />}
            {!allModels.data && allModels.status === 'loading' && <Loading label="Loading models…" />}
            {allModels.data && models.length === 0 && (
              <p className="hint">
                No enabled model yet. <a href={hrefFor('providers')}>Add a provider and refresh its models</a>, or use the built-in Local emulator.
              </p>
            )}
            <div className="picker-list">
              {providers
                .filter((p) => p.enabled)
                .map((p) => {
                  const list = models.filter((m) => m.providerId === p.id && matches(m, p, query))
                  if (list.length === 0) return null
                  return (
                    <fieldset key={p.id} className="picker-group">
                      <legend>
                        {p.name} {missingKey(p) && <span className="badge warn">no key</span>}
                      </legend>
                      {list.map((m) => {
                        const ref = { providerId: p.id, modelId: m.modelId }
                        const checked = picked.some((x) => sameModel(x, ref))
                        return (
                          <label key={m.id} className={`check picker-item${!checked && full ? ' disabled' : ''}`}>
                            <input
                              type="checkbox"
                              aria-label={`${p.name} / ${m.modelId}`}
                              checked={checked}
                              disabled={!checked && full}
                              onChange={(e) => toggle(ref, e.target.checked)}
                            />
                            <span className="mono">{m.modelId}</span>
                            <span className="faint num">
                              {formatPricePerM(m.inputPricePerMTok)} / {formatPricePerM(m.outputPricePerMTok)} per M · {formatTokens(m.contextWindow)} ctx
                            </span>
                          </label>
                        )
                      })}
                    </fieldset>
                  )
                })}
            </div>
          </div>
        )}
      </div>
    </section>
  )
}
