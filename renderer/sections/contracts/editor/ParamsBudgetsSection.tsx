import { useId } from 'react'
import type { ReactElement } from 'react'
import type { ContractProblem } from '../../../../src/core/schemas/contract-editor'
import type { ContractForm } from '../../../lib/contract-form'
import { FieldProblems } from '../FieldProblems'
import { NumberField } from './NumberField'

type Fields = Pick<
  ContractForm,
  'temperature' | 'topP' | 'maxTokens' | 'seed' | 'stop' | 'p95LatencyMs' | 'p95TtftMs' | 'maxCostPerRequestUsd' | 'minPassRatePercent'
>

interface Props {
  value: Fields
  problems: readonly ContractProblem[]
  onChange: (change: Partial<Fields>) => void
}

/** Default parameters of every call, and the budgets the contract's status is judged against. */
export function ParamsBudgetsSection({ value, problems, onChange }: Props): ReactElement {
  const id = useId()
  const field = (key: keyof Fields) => ({ value: value[key], problems, onChange: (v: string) => onChange({ [key]: v }) })
  return (
    <div className="contract-grid">
      <section className="panel" aria-labelledby="ce-params" role="region">
        <div className="panel-header">
          <h3 id="ce-params">Default parameters</h3>
          <span className="hint">Empty = the provider&apos;s default.</span>
        </div>
        <div className="panel-body stack">
          <div className="params-grid">
            <NumberField label="Temperature" path="params.temperature" placeholder="default" step={0.1} min={0} max={2} {...field('temperature')} />
            <NumberField label="Top P" path="params.topP" placeholder="default" step={0.05} min={0} max={1} {...field('topP')} />
            <NumberField label="Max tokens" path="params.maxTokens" placeholder="default" step={1} min={1} {...field('maxTokens')} />
            <NumberField label="Seed" path="params.seed" placeholder="none" step={1} {...field('seed')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-stop`}>Stop sequences</label>
            <textarea id={`${id}-stop`} className="textarea" rows={2} placeholder="One per line" value={value.stop} onChange={(e) => onChange({ stop: e.target.value })} />
            <FieldProblems problems={problems} path="params.stop" />
          </div>
        </div>
      </section>
      <section className="panel" aria-labelledby="ce-budgets" role="region">
        <div className="panel-header">
          <h3 id="ce-budgets">Budgets</h3>
          <span className="hint">The status card compares measured runs with these.</span>
        </div>
        <div className="panel-body params-grid">
          <NumberField label="p95 latency budget (ms)" path="budgets.p95LatencyMs" placeholder="none" step={50} min={1} {...field('p95LatencyMs')} />
          <NumberField label="p95 time to first token budget (ms)" path="budgets.p95TtftMs" placeholder="none" step={50} min={1} {...field('p95TtftMs')} />
          <NumberField label="Max cost per request (USD)" path="budgets.maxCostPerRequestUsd" placeholder="none" step={0.0001} min={0} {...field('maxCostPerRequestUsd')} />
          <NumberField label="Minimum pass rate (%)" path="budgets.minPassRate" placeholder="none" step={1} min={0} max={100} {...field('minPassRatePercent')} />
        </div>
      </section>
    </div>
  )
}
