import { useEffect, useMemo } from 'react'
import type { ReactElement } from 'react'
import type { DatasetCase, DatasetSummary } from '../../../src/core/schemas/workspace'
import { DataTable } from '../../components/DataTable'
import type { Column } from '../../components/DataTable'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { formatDateTime } from '../../lib/format'
import { hrefFor } from '../../lib/routes'
import { useDatasetsStore } from '../../stores/datasets-store'

function display(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Expected answers that are JSON objects read better as `key: value` lines; anything else shows as is. */
function ExpectedCell({ expected }: { expected: string | null }): ReactElement {
  if (expected === null) return <span className="faint">—</span>
  let parsed: unknown
  try {
    parsed = JSON.parse(expected)
  } catch {
    return <>{expected}</>
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return <>{expected}</>
  return (
    <>
      {Object.entries(parsed).map(([key, value]) => (
        <div key={key}>
          <span className="faint">{key}:</span> {typeof value === 'string' ? value : JSON.stringify(value)}
        </div>
      ))}
    </>
  )
}

function columnsFor(cases: DatasetCase[]): Column<DatasetCase>[] {
  const varNames = [...new Set(cases.flatMap((c) => Object.keys(c.vars)))]
  return [
    { key: '#', header: '#', align: 'right', cell: (c) => <span className="num faint">{c.position + 1}</span>, csv: (c) => c.position + 1 },
    ...varNames.map<Column<DatasetCase>>((name) => ({
      key: `var:${name}`,
      header: name,
      codeHeader: true,
      // Long text (a ticket, a document) gets room to wrap; short values (a tier, an id) stay on one line.
      className: cases.some((c) => display(c.vars[name]).length > 40) ? 'wrap wide' : 'nowrap',
      cell: (c) => display(c.vars[name]),
      csv: (c) => display(c.vars[name])
    })),
    {
      key: 'expected',
      header: 'Expected',
      className: 'mono',
      cell: (c) => <ExpectedCell expected={c.expected} />,
      csv: (c) => c.expected ?? ''
    },
    {
      key: 'tags',
      header: 'Tags',
      className: 'medium',
      cell: (c) => (
        <span className="chips">
          {c.tags.map((t) => (
            <span key={t} className="badge">
              {t}
            </span>
          ))}
        </span>
      ),
      csv: (c) => c.tags.join(' ')
    },
    { key: 'notes', header: 'Notes', className: 'wrap medium', cell: (c) => c.notes, csv: (c) => c.notes }
  ]
}

/** One data set: its facts and a paged table of its cases (`datasets.cases` with offset/limit). */
export function DatasetCasesView({ dataset }: { dataset: DatasetSummary }): ReactElement {
  const cases = useDatasetsStore((s) => (s.casesFor === dataset.id ? s.cases : null))
  const loadCases = useDatasetsStore((s) => s.loadCases)

  useEffect(() => {
    void loadCases(dataset.id, 0)
  }, [loadCases, dataset.id])

  const page = cases?.data
  const columns = useMemo(() => columnsFor(page?.cases ?? []), [page])
  const first = page && page.total > 0 ? page.offset + 1 : 0
  const last = page ? page.offset + page.cases.length : 0
  const busy = cases?.status === 'loading'

  return (
    <article className="stack" aria-labelledby="dataset-title">
      <div className="panel">
        <div className="panel-header">
          <h2 id="dataset-title">{dataset.name}</h2>
          <span className="badge num">v{dataset.latestVersion}</span>
          <span className="actions faint">updated {formatDateTime(dataset.updatedAt)}</span>
        </div>
        <div className="panel-body stack">
          {dataset.description && <p className="muted">{dataset.description}</p>}
          <dl className="facts">
            <dt>Cases</dt>
            <dd className="num">{dataset.caseCount}</dd>
            <dt>Contract</dt>
            <dd>{dataset.contractId ? <a href={hrefFor('contracts', dataset.contractId)}>open the contract</a> : <span className="faint">none</span>}</dd>
          </dl>
        </div>
      </div>
      {cases?.error && <ErrorNotice error={cases.error} title="Could not load the cases" onRetry={() => void loadCases(dataset.id, page?.offset ?? 0)} />}
      {!page && !cases?.error && <Loading label="Loading cases…" />}
      {page && (
        <DataTable
          title="Cases"
          rows={page.cases}
          columns={columns}
          rowKey={(c) => c.id}
          exportName={`${dataset.name} cases ${first}-${last}`}
          count={`${first}–${last} of ${page.total}`}
          empty="This version has no cases."
          footer={
            <>
              <span className="num">
                Showing {first}–{last} of {page.total} (version {page.version})
              </span>
              <div className="actions">
                {busy && <span className="spinner" aria-hidden="true" />}
                <button type="button" className="btn small" disabled={busy || page.offset === 0} onClick={() => void loadCases(dataset.id, Math.max(0, page.offset - page.limit))}>
                  Previous page
                </button>
                <button type="button" className="btn small" disabled={busy || last >= page.total} onClick={() => void loadCases(dataset.id, page.offset + page.limit)}>
                  Next page
                </button>
              </div>
            </>
          }
        />
      )}
    </article>
  )
}
