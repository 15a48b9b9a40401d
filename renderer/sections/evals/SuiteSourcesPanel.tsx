import { useEffect, useId } from 'react'
import type { ReactElement } from 'react'
import type { ContractSummary, DatasetSummary } from '../../../src/core/schemas/workspace'
import { problemsFor } from '../../lib/eval-suite-form'
import type { SuiteForm, SuiteProblem } from '../../lib/eval-suite-form'
import { hrefFor } from '../../lib/routes'
import { useEvalsStore } from '../../stores/evals-store'
import { Problems, TextField } from './SuiteFields'

const NONE: ContractSummary[] = []
const NONE_DATASETS: DatasetSummary[] = []

interface Props {
  form: SuiteForm
  problems: readonly SuiteProblem[]
  onChange: (change: Partial<SuiteForm>) => void
  /** A new contract or dataset: the editor also picks its latest version. */
  onPickContract: (contractId: string) => void
  onPickDataset: (datasetId: string) => void
}

/** One variant row: a contract (by name) and one of its versions, or its latest. */
function VariantRow({ index, value, onChange, onRemove }: { index: number; value: SuiteForm['variants'][number]; onChange: (v: SuiteForm['variants'][number]) => void; onRemove: () => void }): ReactElement {
  const contracts = useEvalsStore((s) => s.contracts.data) ?? NONE
  const contract = contracts.find((c) => c.name.toLowerCase() === value.name.toLowerCase())
  const versions = useEvalsStore((s) => (contract ? s.contractVersions[contract.id]?.data : undefined))
  const loadVersions = useEvalsStore((s) => s.loadContractVersions)
  useEffect(() => {
    if (contract) void loadVersions(contract.id)
  }, [contract, loadVersions])
  const n = index + 1
  return (
    <li className="row">
      <select className="select" aria-label={`Variant ${n} contract`} value={contract?.name ?? value.name} onChange={(e) => onChange({ name: e.target.value, version: null })}>
        {!contract && <option value={value.name}>{value.name || 'Choose a contract…'}</option>}
        {contracts.map((c) => (
          <option key={c.id} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label={`Variant ${n} version`}
        value={value.version === null ? '' : String(value.version)}
        onChange={(e) => onChange({ ...value, version: e.target.value === '' ? null : Number(e.target.value) })}
      >
        <option value="">latest</option>
        {(versions ?? []).map((v) => (
          <option key={v.id} value={v.version}>
            v{v.version} — {v.summary}
          </option>
        ))}
      </select>
      <button type="button" className="btn small ghost danger" onClick={onRemove} aria-label={`Remove variant ${n}`}>
        Remove
      </button>
    </li>
  )
}

/** What the suite tests: its name, the contract version and dataset version it is pinned to, and prompt variants. */
export function SuiteSourcesPanel({ form, problems, onChange, onPickContract, onPickDataset }: Props): ReactElement {
  const id = useId()
  const contracts = useEvalsStore((s) => s.contracts.data) ?? NONE
  const datasets = useEvalsStore((s) => s.datasets.data) ?? NONE_DATASETS
  const contractVersions = useEvalsStore((s) => (form.contractId ? s.contractVersions[form.contractId]?.data : undefined))
  const datasetVersions = useEvalsStore((s) => (form.datasetId ? s.datasetVersions[form.datasetId]?.data : undefined))
  const loadContractVersions = useEvalsStore((s) => s.loadContractVersions)
  const loadDatasetVersions = useEvalsStore((s) => s.loadDatasetVersions)
  const contract = contracts.find((c) => c.id === form.contractId)
  const primaryVersion = contractVersions?.find((v) => v.id === form.contractVersionId)?.version

  useEffect(() => {
    if (form.contractId) void loadContractVersions(form.contractId)
  }, [form.contractId, loadContractVersions])
  useEffect(() => {
    if (form.datasetId) void loadDatasetVersions(form.datasetId)
  }, [form.datasetId, loadDatasetVersions])

  function addVariant(): void {
    const other = contractVersions?.find((v) => v.id !== form.contractVersionId && !form.variants.some((x) => x.name === contract?.name && x.version === v.version))
    onChange({ variants: [...form.variants, { name: contract?.name ?? contracts[0]?.name ?? '', version: other?.version ?? null }] })
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`} role="region">
      <div className="panel-header">
        <h2 id={`${id}-title`}>What the suite tests</h2>
      </div>
      <div className="panel-body stack">
        <TextField label="Suite name" value={form.name} onChange={(name) => onChange({ name })} problems={problemsFor(problems, 'name')} placeholder="e.g. Triage nightly" />
        <div className="ev-form-grid">
          <div className="field">
            <label htmlFor={`${id}-contract`}>Contract</label>
            <select
              id={`${id}-contract`}
              className="select"
              value={form.contractId}
              onChange={(e) => onPickContract(e.target.value)}
            >
              <option value="">Choose a contract…</option>
              {contracts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {contracts.length === 0 && (
              <span className="hint">
                No contract yet: <a href={hrefFor('contracts', 'new')}>create one in Contracts</a>.
              </span>
            )}
            <Problems messages={problemsFor(problems, 'contract')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-cversion`}>Contract version</label>
            <select id={`${id}-cversion`} className="select" value={form.contractVersionId} onChange={(e) => onChange({ contractVersionId: e.target.value })} disabled={!contractVersions}>
              <option value="">{contractVersions ? 'Choose a version…' : 'Pick a contract first'}</option>
              {[...(contractVersions ?? [])].reverse().map((v) => (
                <option key={v.id} value={v.id}>
                  v{v.version} — {v.summary}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-dataset`}>Dataset</label>
            <select id={`${id}-dataset`} className="select" value={form.datasetId} onChange={(e) => onPickDataset(e.target.value)}>
              <option value="">Choose a dataset…</option>
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            {datasets.length === 0 && (
              <span className="hint">
                No dataset yet: <a href={hrefFor('datasets')}>import or create one in Datasets</a>.
              </span>
            )}
            <Problems messages={problemsFor(problems, 'dataset')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-dversion`}>Dataset version</label>
            <select id={`${id}-dversion`} className="select" value={form.datasetVersionId} onChange={(e) => onChange({ datasetVersionId: e.target.value })} disabled={!datasetVersions}>
              <option value="">{datasetVersions ? 'Choose a version…' : 'Pick a dataset first'}</option>
              {(datasetVersions ?? []).map((v) => (
                <option key={v.id} value={v.id}>
                  v{v.version} — {v.caseCount} cases{v.note ? ` · ${v.note}` : ''}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="stack tight">
          <span className="field-label">Prompt variants</span>
          <span className="hint">
            Other contract versions whose prompts compete with {contract ? `${contract.name}${primaryVersion ? ` v${primaryVersion}` : ''}` : 'the chosen version'}: each variant × model is one column of the results.
          </span>
          {form.variants.length > 0 && (
            <ol className="ev-variants" aria-label="Prompt variants">
              {form.variants.map((v, i) => (
                <VariantRow
                  key={i}
                  index={i}
                  value={v}
                  onChange={(next) => onChange({ variants: form.variants.map((x, j) => (j === i ? next : x)) })}
                  onRemove={() => onChange({ variants: form.variants.filter((_, j) => j !== i) })}
                />
              ))}
            </ol>
          )}
          <div className="row">
            <button type="button" className="btn small" onClick={addVariant} disabled={contracts.length === 0}>
              Add a prompt variant
            </button>
          </div>
          <Problems messages={problemsFor(problems, 'variants')} />
        </div>
      </div>
    </section>
  )
}
