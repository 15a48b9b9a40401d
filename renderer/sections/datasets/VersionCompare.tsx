import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import type { CompareEntry, CompareResult, ComparedCase, DatasetVersionInfo } from '../../../src/core/schemas/dataset-edit'
import type { AppError } from '../../../src/core/errors'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { toAppError } from '../../lib/errors'
import { useDatasetsStore } from '../../stores/datasets-store'

const PAGE = 50
type Kind = CompareEntry['kind']
const KINDS: Kind[] = ['changed', 'added', 'removed']

interface Props {
  datasetId: string
  /** Newest first. */
  versions: DatasetVersionInfo[]
  onClose: () => void
}

function show(value: unknown): string {
  if (value === undefined) return '—'
  if (value === null) return 'none'
  return typeof value === 'string' ? value || '""' : JSON.stringify(value)
}

function fieldValue(c: ComparedCase, field: string): unknown {
  if (field.startsWith('vars.')) return c.vars[field.slice(5)]
  return c[field as 'expected' | 'assertions' | 'tags' | 'notes']
}

/** The fields worth showing of an added or removed case: its variables and non-empty fields. */
function filledFields(c: ComparedCase): string[] {
  const fields = Object.keys(c.vars).map((k) => `vars.${k}`)
  if (c.expected !== null) fields.push('expected')
  if (c.assertions.length) fields.push('assertions')
  if (c.tags.length) fields.push('tags')
  if (c.notes) fields.push('notes')
  return fields
}

const label = (field: string): string => (field.startsWith('vars.') ? field.slice(5) : field)

function EntryView({ entry }: { entry: CompareEntry }): ReactElement {
  const where =
    entry.kind === 'added' ? `new row ${entry.after!.position + 1}` : entry.kind === 'removed' ? `was row ${entry.before!.position + 1}` : `row ${entry.before!.position + 1} → ${entry.after!.position + 1}`
  const fields = entry.kind === 'changed' ? entry.fields : filledFields((entry.after ?? entry.before)!)
  return (
    <li className={`compare-entry ${entry.kind}`}>
      <div className="compare-entry-head">
        <span className={`badge ${entry.kind === 'added' ? 'ok' : entry.kind === 'removed' ? 'bad' : 'warn'}`}>{entry.kind}</span>
        <span className="faint num">{where}</span>
      </div>
      <table className="compare-fields">
        <thead>
          <tr>
            <th scope="col">Field</th>
            {entry.kind !== 'added' && <th scope="col">Before</th>}
            {entry.kind !== 'removed' && <th scope="col">After</th>}
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}>
              <th scope="row" className={f.startsWith('vars.') ? 'mono' : undefined}>
                {label(f)}
              </th>
              {entry.before && <td className="before">{show(fieldValue(entry.before, f))}</td>}
              {entry.after && <td className="after">{show(fieldValue(entry.after, f))}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  )
}

/**
 * Compare two versions: counts of added / removed / changed cases, then each difference with its fields before
 * and after, 50 at a time. Cases are matched by content (see src/datasets/edit/compare-versions.ts).
 */
export function VersionCompare({ datasetId, versions, onClose }: Props): ReactElement {
  const compare = useDatasetsStore((s) => s.compare)
  const [from, setFrom] = useState(versions[1]?.version ?? 1)
  const [to, setTo] = useState(versions[0]?.version ?? 1)
  const [kinds, setKinds] = useState<Kind[]>(KINDS)
  const [offset, setOffset] = useState(0)
  const [loaded, setLoaded] = useState<{ key: string; result: CompareResult | null; error: AppError | null } | null>(null)
  const key = JSON.stringify([datasetId, from, to, offset, kinds])
  const busy = loaded?.key !== key
  const result = loaded?.result ?? null
  const error = loaded?.error ?? null

  useEffect(() => {
    let live = true
    compare({ datasetId, from, to, offset, limit: PAGE, kinds })
      .then((r) => live && setLoaded({ key, result: r, error: null }))
      .catch((e: unknown) => live && setLoaded((prev) => ({ key, result: prev?.result ?? null, error: toAppError(e) })))
    return () => {
      live = false
    }
  }, [compare, key, datasetId, from, to, offset, kinds])

  const pick = (set: (v: number) => void) => (value: string) => {
    set(Number(value))
    setOffset(0)
  }
  const s = result?.summary
  return (
    <section className="panel compare" aria-label="Compare versions">
      <div className="panel-header">
        <h3>Compare versions</h3>
        <label className="row tight-label">
          <span className="faint">From</span>
          <select className="select" aria-label="From version" value={from} onChange={(e) => pick(setFrom)(e.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.version}>
                v{v.version} · {v.caseCount} cases
              </option>
            ))}
          </select>
        </label>
        <label className="row tight-label">
          <span className="faint">To</span>
          <select className="select" aria-label="To version" value={to} onChange={(e) => pick(setTo)(e.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.version}>
                v{v.version} · {v.caseCount} cases
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          {busy && <span className="spinner" aria-hidden="true" />}
          <button type="button" className="btn small" onClick={onClose}>
            Back to the cases
          </button>
        </div>
      </div>
      <div className="panel-body stack">
        {error && <ErrorNotice error={error} title="Could not compare the versions" />}
        {!result && !error && <Loading label="Comparing…" />}
        {s && (
          <div className="row compare-summary" data-testid="compare-summary" role="status">
            <span className="badge warn num">{s.changed} changed</span>
            <span className="badge ok num">{s.added} added</span>
            <span className="badge bad num">{s.removed} removed</span>
            <span className="faint num">{s.unchanged} unchanged</span>
            <span className="grid-toolbar-sep" aria-hidden="true" />
            {KINDS.map((k) => (
              <label key={k} className="check">
                <input
                  type="checkbox"
                  checked={kinds.includes(k)}
                  onChange={(e) => {
                    setKinds(e.target.checked ? KINDS.filter((x) => x === k || kinds.includes(x)) : kinds.filter((x) => x !== k))
                    setOffset(0)
                  }}
                />
                Show {k}
              </label>
            ))}
          </div>
        )}
        {result && result.total === 0 && <p className="muted">{from === to ? 'Pick two different versions.' : 'No difference of the kinds shown.'}</p>}
        {result && result.entries.length > 0 && (
          <ol className="compare-list" aria-label="Differences">
            {result.entries.map((e, i) => (
              <EntryView key={`${result.offset + i}`} entry={e} />
            ))}
          </ol>
        )}
        {result && result.total > PAGE && (
          <div className="row">
            <span className="num faint">
              {result.offset + 1}–{result.offset + result.entries.length} of {result.total.toLocaleString('en')}
            </span>
            <button type="button" className="btn small" disabled={offset === 0 || busy} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <button type="button" className="btn small" disabled={offset + PAGE >= result.total || busy} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </div>
        )}
        <details className="hint">
          <summary>How cases are matched</summary>
          Case ids are new in every version, so cases are matched by what they hold: a case with the same variables, expected output, assertions, tags
          and notes is unchanged (even if it moved); one with the same variables but other fields edited is changed; a case whose variables were
          edited in place (between the same unchanged neighbours) is changed too. Everything else is added or removed.
        </details>
      </div>
    </section>
  )
}
