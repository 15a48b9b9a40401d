import { useId } from 'react'
import type { ReactElement } from 'react'
import { problemsFor } from '../../lib/eval-suite-form'
import type { SuiteForm, SuiteProblem } from '../../lib/eval-suite-form'
import { TextField } from './SuiteFields'

interface Props {
  form: SuiteForm
  problems: readonly SuiteProblem[]
  onChange: (change: Partial<SuiteForm>) => void
}

/** How the suite runs (repeats, concurrency per provider, cache) and the gates that decide its verdict. */
export function SuiteRunSettingsPanel({ form, problems, onChange }: Props): ReactElement {
  const id = useId()
  return (
    <section className="panel" aria-labelledby={`${id}-title`} role="region">
      <div className="panel-header">
        <h2 id={`${id}-title`}>Run settings and gates</h2>
      </div>
      <div className="panel-body stack">
        <div className="ev-form-grid">
          <TextField
            label="Repeats"
            type="number"
            min={1}
            max={100}
            step={1}
            value={form.repeats}
            onChange={(repeats) => onChange({ repeats })}
            problems={problemsFor(problems, 'repeats')}
            hint="Runs of each case per model; with more than one, pass@k and pass^k (consistency) are reported."
          />
          <TextField
            label="Concurrency per provider"
            type="number"
            min={1}
            max={256}
            step={1}
            value={form.concurrency}
            onChange={(concurrency) => onChange({ concurrency })}
            problems={problemsFor(problems, 'concurrency')}
            hint="Calls in flight per provider; a 429 slows that whole provider."
          />
        </div>
        <label className="switch-row">
          <input type="checkbox" checked={form.cache} onChange={(e) => onChange({ cache: e.target.checked })} />
          <span>
            Response cache
            <span className="hint"> — reuse answers to identical earlier requests (same model, parameters and messages); errors are never cached.</span>
          </span>
        </label>
        <h3 className="subheading">Gates</h3>
        <p className="hint">Each model column must meet every gate for the run to pass; leave a gate empty to skip it. The verdict feeds the contract&apos;s status.</p>
        <div className="ev-form-grid ev-form-grid-3">
          <TextField
            label="Minimum pass rate (%)"
            type="number"
            min={0}
            max={100}
            step="any"
            value={form.minPassRatePct}
            onChange={(minPassRatePct) => onChange({ minPassRatePct })}
            problems={problemsFor(problems, 'minPassRate')}
            placeholder="e.g. 90"
          />
          <TextField
            label="Maximum p95 latency (ms)"
            type="number"
            min={1}
            step="any"
            value={form.maxP95LatencyMs}
            onChange={(maxP95LatencyMs) => onChange({ maxP95LatencyMs })}
            problems={problemsFor(problems, 'maxP95LatencyMs')}
            placeholder="e.g. 2000"
          />
          <TextField
            label="Maximum cost per success ($)"
            type="number"
            min={0}
            step="any"
            value={form.maxCostPerSuccessUsd}
            onChange={(maxCostPerSuccessUsd) => onChange({ maxCostPerSuccessUsd })}
            problems={problemsFor(problems, 'maxCostPerSuccessUsd')}
            placeholder="e.g. 0.01"
          />
        </div>
      </div>
    </section>
  )
}
