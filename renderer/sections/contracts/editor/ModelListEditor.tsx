import { useId, useState } from 'react'
import type { ReactElement } from 'react'
import type { Model, ProviderWithStatus } from '../../../../src/core/schemas/provider'
import type { ModelRef } from '../../../../src/core/schemas/workspace'

interface Props {
  /** "candidate" or "fallback": names the controls ("Add candidate", "Remove fallback …"). */
  noun: string
  value: ModelRef[]
  models: readonly Model[]
  providers: readonly ProviderWithStatus[]
  onChange: (value: ModelRef[]) => void
  empty: string
}

export const refKey = (m: ModelRef): string => `${m.providerId}/${m.modelId}`

export function modelLabel(ref: ModelRef, providers: readonly ProviderWithStatus[]): string {
  return `${providers.find((p) => p.id === ref.providerId)?.name ?? ref.providerId} / ${ref.modelId}`
}

/** An ordered list of models picked from models.list: add, move up or down, remove. */
export function ModelListEditor({ noun, value, models, providers, onChange, empty }: Props): ReactElement {
  const id = useId()
  const [pick, setPick] = useState('')
  const chosen = new Set(value.map(refKey))
  const options = models.filter((m) => m.enabled && !chosen.has(refKey(m)))
  const move = (index: number, by: -1 | 1): void => {
    const next = [...value]
    const [moved] = next.splice(index, 1)
    next.splice(index + by, 0, moved!)
    onChange(next)
  }
  const add = (): void => {
    const model = options.find((m) => refKey(m) === pick) ?? options[0]
    if (!model) return
    onChange([...value, { providerId: model.providerId, modelId: model.modelId }])
    setPick('')
  }

  return (
    <div className="stack tight">
      {value.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ol className="model-order" aria-label={`${noun[0]!.toUpperCase()}${noun.slice(1)} models in order`}>
          {value.map((ref, i) => {
            const label = modelLabel(ref, providers)
            const known = models.some((m) => refKey(m) === refKey(ref))
            return (
              <li key={refKey(ref)}>
                <span className="mono">{label}</span>
                {!known && <span className="badge warn" title="No such model in Providers: add it there or remove it here">unknown model</span>}
                <span className="actions">
                  <button type="button" className="btn small ghost" aria-label={`Move ${noun} ${label} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" className="btn small ghost" aria-label={`Move ${noun} ${label} down`} disabled={i === value.length - 1} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" className="btn small ghost danger" aria-label={`Remove ${noun} ${label}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </span>
              </li>
            )
          })}
        </ol>
      )}
      <div className="row">
        <label htmlFor={`${id}-pick`} className="visually-hidden">
          {`Add ${noun} model`}
        </label>
        <select id={`${id}-pick`} className="select" value={pick} onChange={(e) => setPick(e.target.value)} disabled={options.length === 0}>
          <option value="">{options.length === 0 ? 'No other enabled model' : `Choose a model…`}</option>
          {options.map((m) => (
            <option key={m.id} value={refKey(m)}>
              {modelLabel(m, providers)}
            </option>
          ))}
        </select>
        <button type="button" className="btn small" onClick={add} disabled={pick === ''}>
          Add {noun}
        </button>
      </div>
    </div>
  )
}
