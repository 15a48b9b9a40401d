import { useId } from 'react'
import type { ReactElement } from 'react'
import { LazyCodeEditor } from '../../components/LazyCodeEditor'
import { problemsFor } from '../../lib/eval-suite-form'
import type { SuiteProblem } from '../../lib/eval-suite-form'

/** A short cheat-sheet of the assertion types: what each checks, and one example. */
const CHEAT_SHEET: Array<[string, string]> = [
  ['equals, contains, icontains, starts-with', '{ "type": "icontains", "value": "billing" } — leave value out to use the case\'s expected output'],
  ['contains-any, contains-all (+ i-)', '{ "type": "icontains-any", "value": ["refund", "charge"] }'],
  ['regex', '{ "type": "regex", "value": "^\\\\{", "config": { "flags": "s" } }'],
  ['is-json, json-schema', '{ "type": "json-schema", "value": { "type": "object", "required": ["category"] } }'],
  ['json-path', '{ "type": "json-path", "value": { "path": "$.category", "equals": "billing" } }'],
  ['levenshtein', '{ "type": "levenshtein", "threshold": 5 } — edit distance to the expected output'],
  ['similar', '{ "type": "similar", "threshold": 0.8 } — needs an embeddings model'],
  ['latency, ttft, cost', '{ "type": "latency", "threshold": 2000 } — milliseconds; cost in US dollars'],
  ['llm-rubric, factuality', '{ "type": "llm-rubric", "value": "Names the product area" } — needs a judge model'],
  ['javascript', '{ "type": "javascript", "value": "output.length < 300" } — sandboxed, with time and memory limits'],
  ['not-…, weight, assert-set', '{ "type": "not-contains", "value": "sorry", "weight": 2 }; groups: { "type": "assert-set", "assert": [ … ] }']
]

interface Props {
  value: string
  problems: readonly SuiteProblem[]
  onChange: (value: string) => void
  onSubmit?: () => void
}

/** The suite's assertions as a JSON array in Monaco, checked against the assertion schema as you type. */
export function AssertionsPanel({ value, problems, onChange, onSubmit }: Props): ReactElement {
  const id = useId()
  const mine = problemsFor(problems, 'assertions')
  return (
    <section className="panel" aria-labelledby={`${id}-title`} role="region">
      <div className="panel-header">
        <h2 id={`${id}-title`}>Assertions</h2>
        <span className="hint">Applied to every case, on top of each case&apos;s own assertions. promptfoo&apos;s format.</span>
      </div>
      <div className="panel-body stack">
        <LazyCodeEditor value={value} onChange={onChange} language="json" label="Suite assertions (JSON)" minLines={4} maxLines={16} onSubmit={onSubmit} />
        <div aria-live="polite" data-testid="assertion-check">
          {mine.length === 0 ? (
            <p className="hint ok-text">Assertions are valid.</p>
          ) : (
            <ul className="field-problems">
              {mine.map((m) => (
                <li key={m} className="bad-text">
                  {m}
                </li>
              ))}
            </ul>
          )}
        </div>
        <details className="ev-cheatsheet">
          <summary>Assertion types</summary>
          <dl className="facts">
            {CHEAT_SHEET.map(([types, example]) => (
              <div key={types} className="ev-cheat-row">
                <dt className="mono">{types}</dt>
                <dd className="mono">{example}</dd>
              </div>
            ))}
          </dl>
        </details>
      </div>
    </section>
  )
}
