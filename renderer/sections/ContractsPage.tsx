import { useEffect } from 'react'
import type { ReactElement } from 'react'
import { EmptyState } from '../components/EmptyState'
import { ErrorNotice, Loading } from '../components/Feedback'
import { PageHeader } from '../components/PageHeader'
import { emptyForm } from '../lib/contract-form'
import { navigate } from '../lib/navigation'
import { hrefFor } from '../lib/routes'
import { isDirty, NEW_DRAFT, useContractsStore } from '../stores/contracts-store'
import { ContractDetailView } from './contracts/ContractDetailView'
import { LEVEL_LABEL, StatusDot } from './contracts/ContractStatusCard'
import { ContractEditor } from './contracts/editor/ContractEditor'
import './contracts/contracts.css'

/** A new contract: the editor on a starter form (kept while you look elsewhere, until created or discarded). */
function NewContract(): ReactElement {
  const draft = useContractsStore((s) => s.drafts[NEW_DRAFT])
  const startDraft = useContractsStore((s) => s.startDraft)
  const discardDraft = useContractsStore((s) => s.discardDraft)
  useEffect(() => {
    if (!useContractsStore.getState().drafts[NEW_DRAFT]) startDraft(NEW_DRAFT, emptyForm())
    // Leaving: a created or untouched new contract goes; one with unsaved edits waits for the user's return.
    return () => {
      if (!isDirty(useContractsStore.getState().drafts[NEW_DRAFT])) discardDraft(NEW_DRAFT)
    }
  }, [startDraft, discardDraft])
  return (
    <article className="stack" aria-labelledby="new-contract-title">
      <div className="panel">
        <div className="panel-header">
          <h2 id="new-contract-title">New contract</h2>
          <span className="hint">Fill in the template and its variables, the output, budgets and candidate models; saving creates version 1.</span>
        </div>
      </div>
      {draft ? <ContractEditor draftKey={NEW_DRAFT} onClose={() => navigate('contracts')} /> : <Loading label="Preparing the editor…" />}
    </article>
  )
}

/** Contracts: what a feature asks of a model (messages, variables, output, budgets, candidates), versioned. */
export function ContractsPage({ contractId }: { contractId: string | null }): ReactElement {
  const contracts = useContractsStore((s) => s.contracts)
  const statuses = useContractsStore((s) => s.statuses)
  const drafts = useContractsStore((s) => s.drafts)
  const showArchived = useContractsStore((s) => s.showArchived)
  const setShowArchived = useContractsStore((s) => s.setShowArchived)
  const load = useContractsStore((s) => s.load)
  const loadStatuses = useContractsStore((s) => s.loadStatuses)

  useEffect(() => {
    void load()
    void loadStatuses()
  }, [load, loadStatuses])

  const list = contracts.data ?? []
  const creating = contractId === NEW_DRAFT
  const selectedId = creating ? null : (contractId ?? list[0]?.id ?? null)

  return (
    <div className="page">
      <PageHeader
        title="Contracts"
        description="A contract pins down what one product feature asks of a model: the messages template and its variables, the output shape, the latency and cost budgets, and the candidate models to compare. Every save is a new, immutable version."
        actions={
          <>
            <label className="check">
              <input type="checkbox" checked={showArchived} onChange={(e) => void setShowArchived(e.target.checked)} />
              Show archived
            </label>
            <a
              className="btn primary"
              href={hrefFor('contracts', NEW_DRAFT)}
              aria-current={creating ? 'page' : undefined}
              title={isDirty(drafts[NEW_DRAFT]) ? 'A new contract you started is not created yet: open it to finish or discard it' : undefined}
            >
              New contract{isDirty(drafts[NEW_DRAFT]) ? ' (unsaved)' : ''}
            </a>
          </>
        }
      />
      {contracts.error && <ErrorNotice error={contracts.error} title="Could not list the model contracts" onRetry={() => void load()} />}
      {statuses.error && <ErrorNotice error={statuses.error} title="Could not work out the contracts' status" onRetry={() => void loadStatuses()} />}
      {contracts.status === 'loading' && !contracts.data && <Loading label="Loading model contracts…" />}
      {contracts.data && list.length === 0 && !creating && (
        <EmptyState
          icon="contracts"
          title={showArchived ? 'No model contract at all' : 'No model contract yet'}
          actions={
            <a className="btn primary" href={hrefFor('contracts', NEW_DRAFT)}>
              Create a contract
            </a>
          }
        >
          <p>
            A contract describes one feature&apos;s model call: its messages template with <code>{'{{variables}}'}</code>, the
            output it must return (text or a JSON schema), budgets for p95 latency, time to first token, cost and pass rate,
            and the candidate models worth comparing. Evals, benchmarks and routing exports are all measured against it.
          </p>
          <p>{showArchived ? 'Nothing is archived either.' : 'Archived contracts are hidden: tick “Show archived” to see them.'}</p>
        </EmptyState>
      )}
      {(list.length > 0 || creating) && (
        <div className="split">
          <ul className="master-list" aria-label="Contract list">
            {list.map((c) => (
              <li key={c.id}>
                <a href={hrefFor('contracts', c.id)} aria-current={c.id === selectedId ? 'true' : undefined}>
                  <span className="title">
                    <StatusDot status={statuses.data?.[c.id]} /> {c.name}
                    {statuses.data?.[c.id] && <span className="visually-hidden">, status: {LEVEL_LABEL[statuses.data[c.id]!.level]}</span>}
                  </span>
                  <span className="meta">
                    {c.feature && <span>{c.feature}</span>}
                    <span className="num">v{c.latestVersion}</span>
                    {c.archived && <span className="badge">archived</span>}
                    {isDirty(drafts[c.id]) && <span className="badge warn">unsaved</span>}
                  </span>
                  {statuses.data?.[c.id] && statuses.data[c.id]!.level !== 'green' && <span className="status-line faint">{statuses.data[c.id]!.summary}</span>}
                </a>
              </li>
            ))}
          </ul>
          {creating ? <NewContract /> : selectedId && <ContractDetailView key={selectedId} contractId={selectedId} />}
        </div>
      )}
    </div>
  )
}
