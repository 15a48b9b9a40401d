import type { ReactElement } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { evalsHref } from '../../lib/eval-routes'

/** What a suite is, what works offline, and the CLI: shown while there is no suite yet. */
export function EvalsEmptyState({ onImport }: { onImport: () => void }): ReactElement {
  return (
    <EmptyState
      icon="evals"
      title="No eval suite yet"
      actions={
        <>
          <a className="btn primary" href={evalsHref({ view: 'new' })}>
            Create a suite
          </a>
          <button type="button" className="btn" onClick={onImport}>
            Import a promptfoo config
          </button>
        </>
      }
    >
      <p>
        A <strong>suite</strong> runs every case of a dataset version through a contract version — and, if you like, other
        versions of its prompt as competing <em>variants</em> — against each chosen model, then checks every answer with
        assertions (<code>contains</code>, <code>is-json</code>, <code>json-schema</code>, <code>similar</code>,{' '}
        <code>llm-rubric</code>, <code>javascript</code> and more). You get each model&apos;s pass rate with its 95% interval,
        latency, cost per successful answer, and a pass/fail verdict from the suite&apos;s gates.
      </p>
      <p>
        Everything works offline with the <strong>Local emulator</strong>: <code>emu-swift</code>, <code>emu-steady</code> and{' '}
        <code>emu-deep</code> answer like real models, and failure profiles such as <code>emu-flaky</code> (429s, 500s, cut
        streams) show how retries and errors count. Try the sample <em>Support ticket triage</em> contract with its{' '}
        <em>Triage golden set</em>.
      </p>
      <p>
        From a terminal or CI, <code>switchyard eval</code> runs a stored suite (or a workspace folder) with a progress line,
        writes <code>--junit FILE</code> or <code>--json FILE</code>, and exits non-zero when a gate fails.
      </p>
    </EmptyState>
  )
}
