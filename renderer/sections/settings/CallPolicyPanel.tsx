import { useId, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import { CallPolicy } from '../../../src/core/schemas/playground'
import { useSettingsStore } from '../../stores/settings-store'

type Field = 'retries' | 'connectTimeoutMs' | 'totalTimeoutMs' | 'maxRetryAfterMs'

const FIELDS: { key: Field; label: string; unit: 's' | ''; help: string }[] = [
  { key: 'retries', label: 'Retries', unit: '', help: 'Extra attempts after a rate limit, timeout or server error (0–10).' },
  { key: 'connectTimeoutMs', label: 'Connect timeout (s)', unit: 's', help: 'Give up when the provider has not answered the request in this time.' },
  { key: 'totalTimeoutMs', label: 'Total timeout (s)', unit: 's', help: 'Give up on a call that takes longer than this in all.' },
  { key: 'maxRetryAfterMs', label: 'Max Retry-After (s)', unit: 's', help: 'Wait at most this long when a provider asks to retry later; beyond it the call fails.' }
]

type Values = Record<Field, string>

function toValues(p: CallPolicy): Values {
  const s = (ms: number): string => String(ms / 1000)
  return { retries: String(p.retries), connectTimeoutMs: s(p.connectTimeoutMs), totalTimeoutMs: s(p.totalTimeoutMs), maxRetryAfterMs: s(p.maxRetryAfterMs) }
}

/** Form values → a policy, or the errors per field (validated by the contract's own schema). */
export function parsePolicy(values: Values): { policy: CallPolicy | null; errors: Partial<Record<Field, string>> } {
  const raw: Record<string, number> = {}
  const errors: Partial<Record<Field, string>> = {}
  for (const f of FIELDS) {
    const n = Number(values[f.key])
    if (values[f.key].trim() === '' || !Number.isFinite(n)) errors[f.key] = 'give a number'
    else raw[f.key] = f.unit === 's' ? Math.round(n * 1000) : n
  }
  const parsed = CallPolicy.safeParse(raw)
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path[0] as Field] ??= issue.message
  return Object.keys(errors).length > 0 ? { policy: null, errors } : { policy: parsed.success ? parsed.data : null, errors }
}

/** Retries and timeouts of provider calls (Settings → Provider calls). */
export function CallPolicyPanel(): ReactElement {
  const id = useId()
  const settings = useSettingsStore((s) => s.settings.data)
  const update = useSettingsStore((s) => s.update)
  const saving = useSettingsStore((s) => s.saving)
  const [values, setValues] = useState<Values | null>(null)
  const [saved, setSaved] = useState(false)
  const current = values ?? (settings ? toValues(settings.callPolicy) : null)
  const { policy, errors } = current ? parsePolicy(current) : { policy: null, errors: {} }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    if (!policy) return
    await update({ callPolicy: policy })
    setValues(null)
    setSaved(!useSettingsStore.getState().saveError)
  }

  return (
    <section className="panel" aria-labelledby="settings-calls">
      <div className="panel-header">
        <h2 id="settings-calls">Provider calls</h2>
      </div>
      <form className="panel-body stack" aria-labelledby="settings-calls" onSubmit={(e) => void onSubmit(e)} noValidate>
        {!current ? (
          <p className="hint">Loading…</p>
        ) : (
          <div className="params-grid">
            {FIELDS.map((f) => (
              <div key={f.key} className="field">
                <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
                <input
                  id={`${id}-${f.key}`}
                  className="input"
                  type="number"
                  min={0}
                  step={f.unit === 's' ? 0.5 : 1}
                  value={current[f.key]}
                  aria-invalid={errors[f.key] ? true : undefined}
                  aria-describedby={`${id}-${f.key}-help`}
                  onChange={(e) => {
                    setSaved(false)
                    setValues({ ...current, [f.key]: e.target.value })
                  }}
                />
                <span className="hint" id={`${id}-${f.key}-help`}>
                  {errors[f.key] ? <span className="bad-text">{errors[f.key]}</span> : f.help}
                </span>
              </div>
            ))}
          </div>
        )}
        <div className="row">
          <button type="submit" className="btn primary" disabled={!policy || saving || values === null}>
            Save call policy
          </button>
          <button type="button" className="btn" disabled={values === null} onClick={() => setValues(null)}>
            Reset
          </button>
          {saved && <span className="hint" aria-live="polite">Saved. New runs use it.</span>}
        </div>
      </form>
    </section>
  )
}
