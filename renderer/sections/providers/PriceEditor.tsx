import { useState } from 'react'
import type { ReactElement } from 'react'
import type { Model } from '../../../src/core/schemas/provider'
import type { PricePatch } from '../../stores/provider-admin-store'

function text(v: number | null): string {
  return v === null ? '' : String(v)
}

function parse(t: string): number | null | 'bad' {
  if (t.trim() === '') return null
  const n = Number(t)
  return Number.isFinite(n) && n >= 0 ? n : 'bad'
}

/** Inline price override (USD per million tokens): input and output required, cached optional. */
export function PriceEditor({ model, busy, onSave, onCancel }: { model: Model; busy: boolean; onSave: (p: PricePatch) => Promise<void>; onCancel: () => void }): ReactElement {
  const [input, setInput] = useState(text(model.inputPricePerMTok))
  const [output, setOutput] = useState(text(model.outputPricePerMTok))
  const [cached, setCached] = useState(text(model.cachedInputPricePerMTok))
  const i = parse(input)
  const o = parse(output)
  const c = parse(cached)
  const valid = typeof i === 'number' && typeof o === 'number' && c !== 'bad'

  return (
    <form
      className="price-editor"
      aria-label={`Prices of ${model.modelId}`}
      onSubmit={(e) => {
        e.preventDefault()
        if (valid) void onSave({ inputPricePerMTok: i, outputPricePerMTok: o, cachedInputPricePerMTok: c })
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          onCancel()
        }
      }}
    >
      <input className="input narrow" inputMode="decimal" aria-label="Input $/M" value={input} aria-invalid={typeof i !== 'number'} onChange={(e) => setInput(e.target.value)} autoFocus />
      <input className="input narrow" inputMode="decimal" aria-label="Output $/M" value={output} aria-invalid={typeof o !== 'number'} onChange={(e) => setOutput(e.target.value)} />
      <input className="input narrow" inputMode="decimal" aria-label="Cached $/M" value={cached} placeholder="—" aria-invalid={c === 'bad'} onChange={(e) => setCached(e.target.value)} />
      <button type="submit" className="btn small primary" disabled={!valid || busy}>
        Save prices
      </button>
      <button type="button" className="btn small ghost" onClick={onCancel}>
        Cancel
      </button>
    </form>
  )
}
