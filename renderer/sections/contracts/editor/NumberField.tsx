import { useId } from 'react'
import type { ReactElement } from 'react'
import type { ContractProblem } from '../../../../src/core/schemas/contract-editor'
import { FieldProblems } from '../FieldProblems'

interface Props {
  label: string
  value: string
  path: string
  problems: readonly ContractProblem[]
  onChange: (value: string) => void
  placeholder?: string
  step?: number
  min?: number
  max?: number
  hint?: string
}

/** A number typed as text (empty = not set), with its problems under it. */
export function NumberField({ label, value, path, problems, onChange, placeholder, step, min, max, hint }: Props): ReactElement {
  const id = useId()
  const invalid = problems.some((p) => p.path === path && p.severity === 'error')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="number"
        inputMode="decimal"
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
      <FieldProblems problems={problems} path={path} exact id={`${id}-problems`} />
    </div>
  )
}
