import { useEffect, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { Model, ProviderWithStatus } from '../../../src/core/schemas/provider'
import { DataTable } from '../../components/DataTable'
import type { Column } from '../../components/DataTable'
import { ErrorNotice } from '../../components/Feedback'
import { formatPricePerM, formatTokens } from '../../lib/format'
import { kindInfo } from '../../lib/provider-form'
import { useProviderAdmin } from '../../stores/provider-admin-store'
import { PriceEditor } from './PriceEditor'

const SOURCE_TONE: Record<Model['priceSource'], string> = { catalog: 'accent', user: 'ok', emulator: '', unknown: 'warn' }

function matches(m: Model, q: string): boolean {
  const needle = q.trim().toLowerCase()
  return needle === '' || m.modelId.toLowerCase().includes(needle) || m.displayName.toLowerCase().includes(needle)
}

/** The provider's models: search, refresh from the provider, add by id, price overrides and enable toggles. */
export function ProviderModelsTable({ provider, models }: { provider: ProviderWithStatus; models: Model[] }): ReactElement {
  const [query, setQuery] = useState('')
  const [editing, setEditing] = useState<string | null>(null)
  const refresh = useProviderAdmin((s) => s.refreshModels)
  const addModel = useProviderAdmin((s) => s.addModel)
  const updateModel = useProviderAdmin((s) => s.updateModel)
  const refreshState = useProviderAdmin((s) => s.actions[`${provider.id}:refresh`])
  const addState = useProviderAdmin((s) => s.actions[`${provider.id}:add`])
  const actions = useProviderAdmin((s) => s.actions)
  const catalogDate = useProviderAdmin((s) => s.catalogDate)
  const loadCatalogDate = useProviderAdmin((s) => s.loadCatalogDate)
  const info = kindInfo(provider.kind)
  const rows = models.filter((m) => matches(m, query))
  const modelErrors = models.map((m) => actions[`${provider.id}:model:${m.modelId}`]?.error).filter((e) => e)

  useEffect(() => {
    if (catalogDate === null) void loadCatalogDate()
  }, [catalogDate, loadCatalogDate])

  async function onAdd(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    const field = event.currentTarget.elements.namedItem('modelId')
    if (!(field instanceof HTMLInputElement) || !field.value.trim()) return
    if (await addModel(provider.id, field.value.trim())) field.value = ''
  }

  const columns: Column<Model>[] = [
    {
      key: 'model',
      header: 'Model',
      cell: (m) => (
        <>
          <div>{m.displayName}</div>
          <div className="mono faint">{m.modelId}</div>
        </>
      ),
      csv: (m) => m.modelId
    },
    { key: 'name', header: 'Name', csv: (m) => m.displayName },
    { key: 'context', header: 'Context', align: 'right', cell: (m) => <span className="num">{formatTokens(m.contextWindow)}</span>, csv: (m) => m.contextWindow },
    {
      key: 'prices',
      header: 'Input / output / cached $/M',
      align: 'right',
      cell: (m) =>
        editing === m.id ? (
          <PriceEditor
            model={m}
            busy={actions[`${provider.id}:model:${m.modelId}`]?.busy ?? false}
            onCancel={() => setEditing(null)}
            onSave={async (prices) => {
              if (await updateModel(provider.id, m.modelId, { prices })) setEditing(null)
            }}
          />
        ) : (
          <span className="num">
            {formatPricePerM(m.inputPricePerMTok)} / {formatPricePerM(m.outputPricePerMTok)} / {formatPricePerM(m.cachedInputPricePerMTok)}
          </span>
        )
    },
    { key: 'input', header: 'Input $/M', csv: (m) => m.inputPricePerMTok },
    { key: 'output', header: 'Output $/M', csv: (m) => m.outputPricePerMTok },
    { key: 'cached', header: 'Cached $/M', csv: (m) => m.cachedInputPricePerMTok },
    { key: 'source', header: 'Price source', cell: (m) => <span className={`badge ${SOURCE_TONE[m.priceSource]}`}>{m.priceSource}</span>, csv: (m) => m.priceSource },
    {
      key: 'enabled',
      header: 'Enabled',
      cell: (m) => (
        <input
          type="checkbox"
          role="switch"
          aria-label={`Enable ${m.modelId}`}
          checked={m.enabled}
          disabled={actions[`${provider.id}:model:${m.modelId}`]?.busy}
          onChange={(e) => void updateModel(provider.id, m.modelId, { enabled: e.target.checked })}
        />
      ),
      csv: (m) => m.enabled
    },
    {
      key: 'actions',
      header: '',
      cell: (m) =>
        editing === m.id ? null : (
          <div className="row nowrap">
            <button type="button" className="btn small" aria-label={`Edit prices of ${m.modelId}`} onClick={() => setEditing(m.id)}>
              Edit prices
            </button>
            {m.priceSource === 'user' && (
              <button type="button" className="btn small ghost" aria-label={`Clear price override of ${m.modelId}`} onClick={() => void updateModel(provider.id, m.modelId, { prices: null })}>
                Clear override
              </button>
            )}
          </div>
        )
    }
  ]

  return (
    <div className="stack">
      <DataTable
        title="Models"
        headingLevel={3}
        rows={rows}
        exportRows={models}
        columns={columns}
        rowKey={(m) => m.id}
        exportName={`${provider.name} models`}
        count={query ? `${rows.length} of ${models.length}` : `${models.length}`}
        actions={
          <>
            <input className="input" type="search" aria-label="Search models" placeholder="Filter models…" value={query} onChange={(e) => setQuery(e.target.value)} />
            <button type="button" className="btn small" onClick={() => void refresh(provider.id)} disabled={refreshState?.busy}>
              {refreshState?.busy && <span className="spinner" aria-hidden="true" />}
              Refresh models
            </button>
          </>
        }
        footer={
          <div className="stack-tight">
            <form className="row" onSubmit={(e) => void onAdd(e)}>
              <input className="input mono" name="modelId" aria-label="Model id" placeholder={provider.kind === 'azure-openai' ? 'deployment name' : 'model id'} maxLength={200} />
              <button type="submit" className="btn small" disabled={addState?.busy}>
                Add model
              </button>
              <span className="hint">{info.listsModels ? 'Add a model the provider does not list.' : 'Add each deployment by its name.'}</span>
            </form>
            <p className="hint" data-testid="catalog-date">
              Prices from the genai-prices catalog{catalogDate ? `, ${catalogDate}` : ''}; override a price to use your own (shown as “user”).
            </p>
          </div>
        }
        empty={
          models.length === 0
            ? info.listsModels
              ? 'No model yet. Press Refresh models to fetch this provider’s models (with catalog prices), or add one by id.'
              : 'No model yet. Add each deployment by its name below; catalog prices apply when the catalog knows the model.'
            : 'No model matches the filter.'
        }
      />
      {refreshState?.notice && (
        <p className="hint" aria-live="polite" data-testid="refresh-result">
          Refreshed: {refreshState.notice}
        </p>
      )}
      {addState?.notice && <p className="hint" aria-live="polite">{addState.notice}</p>}
      {refreshState?.error && <ErrorNotice error={refreshState.error} title="The models could not be refreshed" />}
      {addState?.error && <ErrorNotice error={addState.error} title="The model was not added" />}
      {modelErrors[0] && <ErrorNotice error={modelErrors[0]} title="The model was not changed" />}
    </div>
  )
}
