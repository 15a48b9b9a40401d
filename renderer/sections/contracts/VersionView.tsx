import type { ReactElement } from 'react'
import type { ContractVersion, MessageTemplate } from '../../../src/core/schemas/workspace'
import { LazyCodeView } from '../../components/LazyCodeView'
import { ContractFacts } from './ContractFacts'
import { VariablesTable } from './VariablesTable'

/** The messages as one template document: a `### role` line before each message. */
export function templateText(messages: MessageTemplate[]): string {
  return messages.map((m) => `### ${m.role}\n${m.content}`).join('\n\n')
}

/** One contract version, read-only: template, variables, output, budgets, candidates, parameters, fallback. */
export function VersionView({ version }: { version: ContractVersion }): ReactElement {
  return (
    <>
      <section className="stack tight" aria-labelledby={`contract-messages-${version.id}`}>
        <h3 id={`contract-messages-${version.id}`} className="subheading">
          Messages template
        </h3>
        <LazyCodeView value={templateText(version.messages)} language="template" label={`Messages template of v${version.version} (read-only)`} />
      </section>
      <VariablesTable variables={version.variables} />
      <section className="stack tight" aria-labelledby={`contract-output-${version.id}`}>
        <h3 id={`contract-output-${version.id}`} className="subheading">
          Output
        </h3>
        {version.output.kind === 'json_schema' ? (
          <>
            <p className="hint">
              JSON matching the schema <code>{version.output.name}</code>:
            </p>
            <LazyCodeView value={JSON.stringify(version.output.schema, null, 2)} language="json" label={`Output schema of v${version.version} (read-only)`} />
          </>
        ) : (
          <p className="muted">Plain text: no output schema.</p>
        )}
      </section>
      <ContractFacts version={version} />
    </>
  )
}
