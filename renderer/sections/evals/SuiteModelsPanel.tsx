import { useEffect, useId } from 'react'
import type { ReactElement } from 'react'
import type { Model, ProviderWithStatus } from '../../../src/core/schemas/provider'
import type { ModelRef } from '../../../src/core/schemas/workspace'
import { problemsFor } from '../../lib/eval-suite-form'
import type { SuiteForm, SuiteProblem } from '../../lib/eval-suite-form'
import { hrefFor } from '../../lib/routes'
import { useEvalsStore } from '../../stores/evals-store'
import { ModelListEditor, modelLabel } from '../contracts/editor/ModelListEditor'
import { ModelSelect, Problems } from './SuiteFields'

/** The emulator's embeddings models: offered for `similar` even though models.list lists chat models only. */
const EMULATOR_EMBEDDINGS: ModelRef[] = [
  { providerId: 'local-emulator', modelId: 'emu-embed' },
  { providerId: 'local-emulator', modelId: 'emu-embed-large' }
]

interface Props {
  form: SuiteForm
  problems: readonly SuiteProblem[]
  models: readonly Model[]
  providers: readonly ProviderWithStatus[]
  onChange: (change: Partial<SuiteForm>) => void
}

/** Which models answer (the contract's candidates or a chosen list), and the judge and embeddings models. */
export function SuiteModelsPanel({ form, problems, models, providers, onChange }: Props): ReactElement {
  const id = useId()
  const versions = useEvalsStore((s) => (form.contractId ? s.contractVersions[form.contractId]?.data : undefined))
  const version = versions?.find((v) => v.id === form.contractVersionId)?.version
  const body = useEvalsStore((s) => (version ? s.versionBodies[`${form.contractId}@${version}`] : undefined))
  const loadVersionBody = useEvalsStore((s) => s.loadVersionBody)
  const candidates = body?.data?.candidates ?? []
  const hasEmulator = providers.some((p) => p.id === 'local-emulator')

  useEffect(() => {
    if (form.contractId && version) void loadVersionBody(form.contractId, version)
  }, [form.contractId, version, loadVersionBody])

  function chooseMode(mode: SuiteForm['modelsMode']): void {
    // Switching to a chosen list starts from the candidates, so adding one model is one step.
    onChange(mode === 'custom' && form.models.length === 0 ? { modelsMode: mode, models: candidates } : { modelsMode: mode })
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`} role="region">
      <div className="panel-header">
        <h2 id={`${id}-title`}>Models</h2>
        <span className="hint">Every case runs on each model (× each prompt variant × each repeat).</span>
      </div>
      <div className="panel-body stack">
        <div className="segmented" role="radiogroup" aria-label="Which models run">
          <label>
            <input type="radio" name={`${id}-mode`} checked={form.modelsMode === 'candidates'} onChange={() => chooseMode('candidates')} />
            The contract&apos;s candidates
          </label>
          <label>
            <input type="radio" name={`${id}-mode`} checked={form.modelsMode === 'custom'} onChange={() => chooseMode('custom')} />
            Choose models
          </label>
        </div>
        {form.modelsMode === 'candidates' ? (
          candidates.length > 0 ? (
            <ul className="chips" aria-label="Candidate models">
              {candidates.map((c) => (
                <li key={`${c.providerId}/${c.modelId}`} className="chip">
                  {modelLabel(c, providers)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{body?.data ? 'This contract version names no candidate model: choose models instead.' : 'Pick a contract version to see its candidates.'}</p>
          )
        ) : (
          <ModelListEditor
            noun="eval"
            value={form.models}
            models={models}
            providers={providers}
            onChange={(next) => onChange({ models: next })}
            empty="No model yet: add the models to score."
          />
        )}
        {models.length === 0 && (
          <p className="hint">
            No model is known yet. <a href={hrefFor('providers')}>Add a provider and refresh its models</a>.
          </p>
        )}
        <Problems messages={problemsFor(problems, 'models')} />
        <p className="hint">
          {hasEmulator ? (
            <>
              The Local emulator works offline. Failure profiles test how errors count: <code>emu-flaky</code> (about 10% 429s, 5%
              500s, cut streams), <code>emu-ratelimited</code>, <code>emu-broken</code>, <code>emu-cut</code>.
            </>
          ) : (
            'Models come from the providers configured in Providers.'
          )}
        </p>
        <div className="ev-form-grid">
          <ModelSelect
            label="Judge model"
            value={form.judge}
            onChange={(judge) => onChange({ judge })}
            models={models}
            providers={providers}
            noneLabel="None (no llm-rubric or factuality)"
            hint="Grades llm-rubric and factuality assertions. A failing judge marks the score as an error, not a fail."
          />
          <ModelSelect
            label="Embeddings model"
            value={form.embeddings}
            onChange={(embeddings) => onChange({ embeddings })}
            models={models}
            providers={providers}
            noneLabel="None (no similar)"
            extra={hasEmulator ? EMULATOR_EMBEDDINGS : []}
            hint="For similar assertions (cosine similarity). The Local emulator offers emu-embed."
          />
        </div>
      </div>
    </section>
  )
}
