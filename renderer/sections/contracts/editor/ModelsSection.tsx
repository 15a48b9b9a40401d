import type { ReactElement } from 'react'
import type { ContractProblem } from '../../../../src/core/schemas/contract-editor'
import type { Model, ProviderWithStatus } from '../../../../src/core/schemas/provider'
import type { ContractForm } from '../../../lib/contract-form'
import { hrefFor } from '../../../lib/routes'
import { FieldProblems } from '../FieldProblems'
import { ModelListEditor } from './ModelListEditor'
import { NumberField } from './NumberField'

type Fields = Pick<ContractForm, 'candidates' | 'retries' | 'timeoutMs' | 'fallbacks'>

interface Props {
  value: Fields
  models: readonly Model[]
  providers: readonly ProviderWithStatus[]
  problems: readonly ContractProblem[]
  onChange: (change: Partial<Fields>) => void
}

/** The candidate models in order of preference, and what to do when a call fails. */
export function ModelsSection({ value, models, providers, problems, onChange }: Props): ReactElement {
  return (
    <div className="contract-grid">
      <section className="panel" aria-labelledby="ce-candidates" role="region">
        <div className="panel-header">
          <h3 id="ce-candidates">Candidate models</h3>
          <span className="hint">In order: the first is the one the status card measures.</span>
        </div>
        <div className="panel-body stack">
          <ModelListEditor
            noun="candidate"
            value={value.candidates}
            models={models}
            providers={providers}
            onChange={(candidates) => onChange({ candidates })}
            empty="No candidate yet: add the models worth comparing for this contract."
          />
          {models.length === 0 && (
            <p className="hint">
              No model is known yet. <a href={hrefFor('providers')}>Add a provider and refresh its models</a>.
            </p>
          )}
          <FieldProblems problems={problems} path="candidates" />
        </div>
      </section>
      <section className="panel" aria-labelledby="ce-fallback" role="region">
        <div className="panel-header">
          <h3 id="ce-fallback">Fallback policy</h3>
        </div>
        <div className="panel-body stack">
          <div className="params-grid">
            <NumberField label="Retries" path="fallback.retries" value={value.retries} problems={problems} step={1} min={0} max={10} onChange={(retries) => onChange({ retries })} />
            <NumberField label="Timeout (ms)" path="fallback.timeoutMs" value={value.timeoutMs} problems={problems} step={1000} min={1} onChange={(timeoutMs) => onChange({ timeoutMs })} />
          </div>
          <span className="field-label">Fallback models, in order</span>
          <ModelListEditor
            noun="fallback"
            value={value.fallbacks}
            models={models}
            providers={providers}
            onChange={(fallbacks) => onChange({ fallbacks })}
            empty="No fallback: a call that fails after its retries fails."
          />
          <FieldProblems problems={problems} path="fallback.fallbacks" />
        </div>
      </section>
    </div>
  )
}
