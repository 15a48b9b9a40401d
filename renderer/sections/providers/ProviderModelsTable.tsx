import type { ReactElement } from 'react'
import type { Model } from '../../../src/core/schemas/provider'
import { DataTable } from '../../components/DataTable'
import type { Column } from '../../components/DataTable'
import { formatPricePerM, formatTokens } from '../../lib/format'

const COLUMNS: Column<Model>[] = [
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
  { key: 'input', header: 'Input $/M', align: 'right', cell: (m) => <span className="num">{formatPricePerM(m.inputPricePerMTok)}</span>, csv: (m) => m.inputPricePerMTok },
  { key: 'output', header: 'Output $/M', align: 'right', cell: (m) => <span className="num">{formatPricePerM(m.outputPricePerMTok)}</span>, csv: (m) => m.outputPricePerMTok },
  {
    key: 'cached',
    header: 'Cached $/M',
    align: 'right',
    cell: (m) => <span className="num">{formatPricePerM(m.cachedInputPricePerMTok)}</span>,
    csv: (m) => m.cachedInputPricePerMTok
  },
  { key: 'source', header: 'Price source', cell: (m) => <span className="badge">{m.priceSource}</span>, csv: (m) => m.priceSource },
  { key: 'enabled', header: 'Enabled', cell: (m) => (m.enabled ? 'yes' : 'no'), csv: (m) => m.enabled }
]

/** The provider's models with prices per million tokens and context window. */
export function ProviderModelsTable({ providerName, models }: { providerName: string; models: Model[] }): ReactElement {
  return (
    <DataTable
      title="Models"
      headingLevel={3}
      rows={models}
      columns={COLUMNS}
      rowKey={(m) => m.id}
      exportName={`${providerName} models`}
      count={`${models.length}`}
      empty="This provider lists no models yet."
    />
  )
}
