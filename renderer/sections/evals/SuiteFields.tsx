import { useId } from 'react'
import type { ReactElement, ReactNode } from 'react'
import type { Model, ProviderWithStatus } from '../../../src/core/schemas/provider'
import type { ModelRef } from '../../../src/core/schemas/workspace'
import { modelKey, parseModelKey } from '../../lib/eval-suite-form'
import { modelLabel } from '../contracts/editor/ModelListEditor'

/** The problems of one field of the suite form, under it. */
export function Problems({ messages, id }: { messages: readonly string[]; id?: string }): ReactElement | null {
  if (messages.length === 0) return null
  return (
    <ul className="field-problems" id={id}>
      {messages.map((m) => (
        <li key={m} className="bad-text">
          <span className="visually-hidden">Error: </span>
          {m}
        </li>
      ))}
    </ul>
  )
}

interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  problems?: readonly string[]
  hint?: ReactNode
  type?: 'text' | 'number'
  placeholder?: string
  step?: number | 'any'
  min?: number
  max?: number
}

/** A labelled input (numbers typed as text: empty = not set) with its hint and problems. */
export function TextField({ label, value, onChange, problems = [], hint, type = 'text', placeholder, step, min, max }: TextFieldProps): ReactElement {
  const id = useId()
  const invalid = problems.length > 0
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type={type}
        inputMode={type === 'number' ? 'decimal' : undefined}
        value={value}
        placeholder={placeholder}
        step={step}
        min={min}
        max={max}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-problems` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && <span className="hint">{hint}</span>}
      <Problems messages={problems} id={`${id}-problems`} />
    </div>
  )
}

interface ModelSelectProps {
  label: string
  value: ModelRef | null
  onChange: (value: ModelRef | null) => void
  models: readonly Model[]
  providers: readonly ProviderWithStatus[]
  noneLabel: string
  /** Offered even when models.list does not list them (e.g. the emulator's embeddings models). */
  extra?: readonly ModelRef[]
  hint?: ReactNode
}

/** One optional model (a judge, an embeddings model) from the known models. */
export function ModelSelect({ label, value, onChange, models, providers, noneLabel, extra = [], hint }: ModelSelectProps): ReactElement {
  const id = useId()
  const refs: ModelRef[] = models.filter((m) => m.enabled).map((m) => ({ providerId: m.providerId, modelId: m.modelId }))
  for (const ref of [...extra, ...(value ? [value] : [])]) if (!refs.some((r) => modelKey(r) === modelKey(ref))) refs.push(ref)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value ? modelKey(value) : ''} onChange={(e) => onChange(parseModelKey(e.target.value))}>
        <option value="">{noneLabel}</option>
        {refs.map((r) => (
          <option key={modelKey(r)} value={modelKey(r)}>
            {modelLabel(r, providers)}
          </option>
        ))}
      </select>
      {hint && <span className="hint">{hint}</span>}
    </div>
  )
}
