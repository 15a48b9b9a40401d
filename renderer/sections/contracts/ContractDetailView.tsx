import { useEffect } from 'react'
import type { ReactElement } from 'react'
import type { ContractVersion, MessageTemplate } from '../../../src/core/schemas/workspace'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { LazyCodeView } from '../../components/LazyCodeView'
import { formatDateTime } from '../../lib/format'
import { useContractsStore } from '../../stores/contracts-store'
import { ContractFacts } from './ContractFacts'
import { VariablesTable } from './VariablesTable'

/** The messages as one template document: a `### role` line before each message. */
export function templateText(messages: MessageTemplate[]): string {
  return messages.map((m) => `### ${m.role}\n${m.content}`).join('\n\n')
}

function VersionBody({ version }: { version: ContractVersion }): ReactElement {
  return (
    <>
      <section className="stack tight" aria-labelledby="contract-messages">
        <h3 id="contract-messages" className="subheading">
          Messages template
        </h3>
        <LazyCodeView value={templateText(version.messages)} language="template" label="Messages template (read-only)" />
      </section>
      <VariablesTable variables={version.variables} />
      <section className="stack tight" aria-labelledby="contract-output">
        <h3 id="contract-output" className="subheading">
          Output
        </h3>
        {version.output.kind === 'json_schema' ? (
          <>
            <p className="hint">
              JSON matching the schema <code>{version.output.name}</code>:
            </p>
            <LazyCodeView value={JSON.stringify(version.output.schema, null, 2)} language="json" label="Output schema (read-only)" />
          </>
        ) : (
          <p className="muted">Plain text: no output schema.</p>
        )}
      </section>
      <ContractFacts version={version} />
    </>
  )
}

export function ContractDetailView({ contractId }: { contractId: string }): ReactElement {
  const detail = useContractsStore((s) => s.details[contractId])
  const loadDetail = useContractsStore((s) => s.loadDetail)

  useEffect(() => {
    void loadDetail(contractId)
  }, [loadDetail, contractId])

  if (detail?.error) return <ErrorNotice error={detail.error} title="Could not open this contract" onRetry={() => void loadDetail(contractId)} />
  const contract = detail?.data
  if (!contract) return <Loading label="Loading the contract…" />

  return (
    <article className="stack" aria-labelledby="contract-title">
      <div className="panel">
        <div className="panel-header">
          <h2 id="contract-title">{contract.name}</h2>
          {contract.feature && <span className="badge accent">{contract.feature}</span>}
          <span className="badge num">v{contract.latestVersion}</span>
          {contract.archived && <span className="badge warn">archived</span>}
          <span className="actions faint">updated {formatDateTime(contract.updatedAt)}</span>
        </div>
        {contract.description && <div className="panel-body muted">{contract.description}</div>}
      </div>
      {contract.latest ? <VersionBody version={contract.latest} /> : <p className="muted">This contract has no version yet.</p>}
    </article>
  )
}
