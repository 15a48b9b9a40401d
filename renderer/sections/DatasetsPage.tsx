import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import { EmptyState } from '../components/EmptyState'
import { ErrorNotice, Loading } from '../components/Feedback'
import { PageHeader } from '../components/PageHeader'
import { navigate } from '../lib/navigation'
import { hrefFor } from '../lib/routes'
import { useDatasetsStore } from '../stores/datasets-store'
import { DatasetEditor } from './datasets/DatasetEditor'
import { DatasetMetaDialog } from './datasets/DatasetMetaDialog'
import { DatasetTransferActions } from './datasets/transfer/DatasetTransferActions'

/** Datasets: the cases (variables, expected output, tags) that evals will run a contract against, edited in a grid. */
export function DatasetsPage({ datasetId }: { datasetId: string | null }): ReactElement {
  const datasets = useDatasetsStore((s) => s.datasets)
  const load = useDatasetsStore((s) => s.load)
  const [creating, setCreating] = useState(false)

  useEffect(() => {
    void load()
  }, [load])

  const list = datasets.data ?? []
  const selected = list.find((d) => d.id === (datasetId ?? list[0]?.id))

  return (
    <div className="page">
      <PageHeader
        title="Datasets"
        description="Test cases for a contract: the values of its template variables, the expected answer, assertions and tags. Edit them like a spreadsheet; every save is a new version. Evals run every case against every candidate model."
        actions={
          <>
            <button type="button" className="btn" onClick={() => setCreating(true)}>
              New dataset
            </button>
            <DatasetTransferActions selected={selected} />
          </>
        }
      />
      {creating && <DatasetMetaDialog onClose={() => setCreating(false)} />}
      {datasets.error && <ErrorNotice error={datasets.error} title="Could not list the data sets" onRetry={() => void load()} />}
      {datasets.status === 'loading' && !datasets.data && <Loading label="Loading data sets…" />}
      {datasets.data && list.length === 0 && (
        <EmptyState
          icon="datasets"
          title="No data set yet"
          actions={
            <>
              <button type="button" className="btn primary" onClick={() => setCreating(true)}>
                New dataset
              </button>
              <button type="button" className="btn" onClick={() => navigate('contracts')}>
                See the contracts
              </button>
            </>
          }
        >
          <p>
            A data set is a list of cases for one contract: values for its template variables, the answer you expect,
            and tags to slice results by. Evals will run every case against every candidate model and score the answers.
          </p>
          <p>
            <strong>New dataset</strong> starts an empty one linked to a contract: its columns follow the contract’s variables, and you
            type or paste cases straight from a spreadsheet. Or import a CSV (promptfoo’s <code>__expected</code> columns understood),
            JSONL or JSON file with <strong>Import file</strong> above, or save answers from the Playground as test cases.
          </p>
        </EmptyState>
      )}
      {list.length > 0 && (
        <div className="split">
          <ul className="master-list" aria-label="Data set list">
            {list.map((d) => (
              <li key={d.id}>
                <a href={hrefFor('datasets', d.id)} aria-current={d.id === selected?.id ? 'true' : undefined}>
                  <span className="title">{d.name}</span>
                  <span className="meta">
                    <span className="num">{d.caseCount.toLocaleString('en')} cases</span>
                    <span className="num">v{d.latestVersion}</span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
          {selected ? (
            <DatasetEditor key={selected.id} dataset={selected} />
          ) : (
            <EmptyState icon="datasets" title="Unknown data set">
              <p>
                No data set has the id <code>{datasetId}</code>. Pick one from the list.
              </p>
            </EmptyState>
          )}
        </div>
      )}
    </div>
  )
}
