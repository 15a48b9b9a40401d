import { useEffect } from 'react'
import type { ReactElement } from 'react'
import { EmptyState } from '../components/EmptyState'
import { ErrorNotice, Loading } from '../components/Feedback'
import { PageHeader } from '../components/PageHeader'
import { navigate } from '../lib/navigation'
import { hrefFor } from '../lib/routes'
import { useContractsStore } from '../stores/contracts-store'
import { ContractDetailView } from './contracts/ContractDetailView'

/** Contracts: what a feature asks of a model (messages, variables, output, budgets, candidates). */
export function ContractsPage({ contractId }: { contractId: string | null }): ReactElement {
  const contracts = useContractsStore((s) => s.contracts)
  const load = useContractsStore((s) => s.load)

  useEffect(() => {
    void load()
  }, [load])

  const list = contracts.data ?? []
  const selectedId = contractId ?? list[0]?.id ?? null

  return (
    <div className="page">
      <PageHeader
        title="Contracts"
        description="A contract pins down what one product feature asks of a model: the messages template and its variables, the output shape, the latency and cost budgets, and the candidate models to compare."
      />
      {contracts.error && <ErrorNotice error={contracts.error} title="Could not list the model contracts" onRetry={() => void load()} />}
      {contracts.status === 'loading' && !contracts.data && <Loading label="Loading model contracts…" />}
      {contracts.data && list.length === 0 && (
        <EmptyState
          icon="contracts"
          title="No model contract yet"
          actions={
            <button type="button" className="btn primary" onClick={() => navigate('providers')}>
              Probe the emulator now
            </button>
          }
        >
          <p>
            A contract describes one feature&apos;s model call: its messages template with <code>{'{{variables}}'}</code>, the
            output it must return (text or a JSON schema), budgets for p95 latency, time to first token and cost, and the
            candidate models worth comparing. Evals, benchmarks and routing exports are all measured against it.
          </p>
          <p>
            Creating and editing contracts arrives with the contract editor. A fresh store includes the sample
            “Support ticket triage”; until then you can measure models directly with a probe in Providers.
          </p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <div className="split">
          <ul className="master-list" aria-label="Contract list">
            {list.map((c) => (
              <li key={c.id}>
                <a href={hrefFor('contracts', c.id)} aria-current={c.id === selectedId ? 'true' : undefined}>
                  <span className="title">{c.name}</span>
                  <span className="meta">
                    {c.feature && <span>{c.feature}</span>}
                    <span className="num">v{c.latestVersion}</span>
                    {c.archived && <span className="badge">archived</span>}
                  </span>
                </a>
              </li>
            ))}
          </ul>
          {selectedId && <ContractDetailView key={selectedId} contractId={selectedId} />}
        </div>
      )}
    </div>
  )
}
