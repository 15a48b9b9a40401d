import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import type { AppError } from '../../../src/core/errors'
import type { ContractVersion } from '../../../src/core/schemas/workspace'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { formFromContract } from '../../lib/contract-form'
import { toAppError } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { navigate } from '../../lib/navigation'
import { isDirty, useContractsStore } from '../../stores/contracts-store'
import { ContractStatusCard } from './ContractStatusCard'
import { ContractEditor } from './editor/ContractEditor'
import { OpenInPlaygroundDialog } from './OpenInPlaygroundDialog'
import { VersionsPanel } from './VersionsPanel'
import { VersionView } from './VersionView'

type Tab = 'overview' | 'edit' | 'versions'
const TABS: { id: Tab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'edit', label: 'Edit' },
  { id: 'versions', label: 'Versions' }
]

/** One contract: status, then its latest version, the editor, or its versions with a diff. */
export function ContractDetailView({ contractId }: { contractId: string }): ReactElement {
  const detail = useContractsStore((s) => s.details[contractId])
  const status = useContractsStore((s) => s.statuses.data?.[contractId])
  const draft = useContractsStore((s) => s.drafts[contractId])
  const loadDetail = useContractsStore((s) => s.loadDetail)
  const startDraft = useContractsStore((s) => s.startDraft)
  const duplicate = useContractsStore((s) => s.duplicate)
  const archive = useContractsStore((s) => s.archive)
  const [tab, setTab] = useState<Tab>(draft ? 'edit' : 'overview')
  const [playgroundVersion, setPlaygroundVersion] = useState<ContractVersion | null>(null)
  const [actionError, setActionError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void loadDetail(contractId)
  }, [loadDetail, contractId])

  if (detail?.error && !detail.data) return <ErrorNotice error={detail.error} title="Could not open this contract" onRetry={() => void loadDetail(contractId)} />
  const contract = detail?.data
  if (!contract) return <Loading label="Loading the contract…" />

  function openTab(next: Tab): void {
    if (next === 'edit' && !useContractsStore.getState().drafts[contractId] && contract) startDraft(contractId, formFromContract(contract))
    setTab(next)
  }

  async function act(action: () => Promise<unknown>): Promise<void> {
    setBusy(true)
    setActionError(null)
    try {
      await action()
    } catch (error) {
      setActionError(toAppError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <article className="stack" aria-labelledby="contract-title">
      <div className="panel">
        <div className="panel-header">
          <h2 id="contract-title">{contract.name}</h2>
          {contract.feature && <span className="badge accent">{contract.feature}</span>}
          <span className="badge num">v{contract.latestVersion}</span>
          {contract.archived && <span className="badge warn">archived</span>}
          {isDirty(draft) && <span className="badge warn">unsaved changes</span>}
          <span className="faint">updated {formatDateTime(contract.updatedAt)}</span>
          <div className="actions">
            <button type="button" className="btn small primary" disabled={!contract.latest} onClick={() => contract.latest && setPlaygroundVersion(contract.latest)}>
              Open in playground
            </button>
            <button
              type="button"
              className="btn small"
              disabled={busy}
              onClick={() => void act(async () => navigate('contracts', (await duplicate(contractId)).id))}
            >
              Duplicate
            </button>
            <button type="button" className="btn small" disabled={busy} onClick={() => void act(() => archive(contractId, !contract.archived))}>
              {contract.archived ? 'Unarchive' : 'Archive'}
            </button>
          </div>
        </div>
        {contract.description && <div className="panel-body muted">{contract.description}</div>}
      </div>
      {actionError && <ErrorNotice error={actionError} title="That did not work" />}
      <ContractStatusCard status={status} />
      <div className="tabs" role="tablist" aria-label="Contract views">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`contract-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`contract-panel-${t.id}`}
            className={`tab${tab === t.id ? ' active' : ''}`}
            onClick={() => openTab(t.id)}
          >
            {t.label}
            {t.id === 'edit' && isDirty(draft) ? ' •' : ''}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`contract-panel-${tab}`} aria-labelledby={`contract-tab-${tab}`} className="stack">
        {tab === 'overview' && (contract.latest ? <VersionView version={contract.latest} /> : <p className="muted">This contract has no version yet.</p>)}
        {tab === 'edit' && <ContractEditor draftKey={contractId} onClose={() => setTab('overview')} />}
        {tab === 'versions' && <VersionsPanel contractId={contractId} onPlayground={setPlaygroundVersion} />}
      </div>
      {playgroundVersion && <OpenInPlaygroundDialog contractId={contractId} version={playgroundVersion} onClose={() => setPlaygroundVersion(null)} />}
    </article>
  )
}
