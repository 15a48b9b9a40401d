import { useId } from 'react'
import type { ReactElement } from 'react'
import { LazyCodeEditor } from '../../components/LazyCodeEditor'
import type { DraftProblem, OutputKind, PlaygroundDraft } from '../../lib/playground-draft'
import { usePlaygroundEditor } from '../../stores/playground-editor-store'

type NumberField = 'temperature' | 'topP' | 'maxTokens' | 'seed' | 'repeat'

const NUMBER_FIELDS: { key: NumberField; label: string; problem: string; min?: number; max?: number; step?: number; placeholder: string }[] = [
  { key: 'temperature', label: 'Temperature', problem: 'Temperature', min: 0, max: 2, step: 0.1, placeholder: 'default' },
  { key: 'topP', label: 'Top P', problem: 'Top P', min: 0, max: 1, step: 0.05, placeholder: 'default' },
  { key: 'maxTokens', label: 'Max tokens', problem: 'Max tokens', min: 1, max: 200_000, step: 1, placeholder: 'default' },
  { key: 'seed', label: 'Seed', problem: 'Seed', step: 1, placeholder: 'none' },
  { key: 'repeat', label: 'Repeat', problem: 'Repeat', min: 1, max: 20, step: 1, placeholder: '1' }
]

const OUTPUTS: { value: OutputKind; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'json_object', label: 'JSON object' },
  { value: 'json_schema', label: 'JSON schema' }
]

/** Sampling parameters, output mode (with the JSON schema) and how many times to repeat each model. */
export function ParamsPanel({ problems, onSubmit }: { problems: DraftProblem[]; onSubmit: () => void }): ReactElement {
  const id = useId()
  const draft = usePlaygroundEditor((s) => s.draft)
  const setField = usePlaygroundEditor((s) => s.setField)
  const invalid = (field: string): boolean => problems.some((p) => p.field === field)

  return (
    <section className="panel" aria-labelledby="pg-params-title" role="region">
      <div className="panel-header">
        <h2 id="pg-params-title">Parameters</h2>
      </div>
      <div className="panel-body stack">
        <div className="params-grid">
          {NUMBER_FIELDS.map((f) => (
            <div key={f.key} className="field">
              <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
              <input
                id={`${id}-${f.key}`}
                className="input"
                type="number"
                min={f.min}
                max={f.max}
                step={f.step}
                placeholder={f.placeholder}
                value={draft[f.key]}
                aria-invalid={invalid(f.problem) || undefined}
                onChange={(e) => setField(f.key, e.target.value as PlaygroundDraft[NumberField])}
              />
            </div>
          ))}
          <div className="field">
            <label htmlFor={`${id}-output`}>Output</label>
            <select id={`${id}-output`} className="select" value={draft.output} onChange={(e) => setField('output', e.target.value as OutputKind)}>
              {OUTPUTS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-stop`}>Stop sequences</label>
          <textarea
            id={`${id}-stop`}
            className="textarea"
            rows={2}
            placeholder="One per line (up to 4)"
            value={draft.stop}
            aria-invalid={invalid('Stop sequences') || undefined}
            onChange={(e) => setField('stop', e.target.value)}
          />
        </div>
        {draft.output === 'json_schema' && (
          <div className="field">
            <span className="field-label">JSON schema</span>
            <LazyCodeEditor value={draft.schemaText} onChange={(v) => setField('schemaText', v)} language="json" label="JSON schema" minLines={6} maxLines={20} onSubmit={onSubmit} />
            {invalid('JSON schema') && <span className="hint bad-text">The schema is not a valid JSON object.</span>}
          </div>
        )}
        {draft.output !== 'text' && <p className="hint">Answers are pretty-printed and checked: ✓ when valid, else the errors.</p>}
      </div>
    </section>
  )
}
