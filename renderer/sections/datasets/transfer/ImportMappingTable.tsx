import type { ReactElement } from 'react'
import type { ColumnRole, PreviewColumn } from '../../../../src/core/api/dataset-transfer-operations'
import { ColumnRole as Roles } from '../../../../src/core/api/dataset-transfer-operations'
import { nameOf, useDatasetTransfer } from '../../../stores/dataset-transfer-store'
import { mappingProblems, nameHint, ROLE_LABELS } from './import-mapping'

/** One row per column of the file: samples, the role it takes (suggested first), and the variable name or metadata key. */
export function ImportMappingTable({ columns }: { columns: PreviewColumn[] }): ReactElement {
  const mapping = useDatasetTransfer((s) => s.mapping)
  const setRole = useDatasetTransfer((s) => s.setRole)
  const setName = useDatasetTransfer((s) => s.setName)
  const problems = mappingProblems(mapping)

  return (
    <table className="mapping-table" aria-label="Column mapping">
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Sample values</th>
          <th scope="col">Becomes</th>
          <th scope="col">Name</th>
        </tr>
      </thead>
      <tbody>
        {mapping.map((m) => {
          const column = columns.find((c) => c.name === m.column)
          const named = m.role === 'var' || m.role === 'metadata'
          const problem = problems[m.column]
          const hint = nameHint(m) ?? (column?.suggested.role === m.role ? column.note : null)
          return (
            <tr key={m.column} className={m.role === 'ignore' ? 'ignored' : undefined}>
              <th scope="row" className="mono">
                {m.column}
                <div className="faint">{column ? `${column.filled} filled` : ''}</div>
              </th>
              <td className="samples">
                {(column?.samples ?? []).map((s, k) => (
                  <div key={k} className="sample mono" title={s}>
                    {s}
                  </div>
                ))}
              </td>
              <td>
                <select className="select" aria-label={`Role of ${m.column}`} value={m.role} onChange={(e) => setRole(m.column, e.target.value as ColumnRole)}>
                  {Roles.options.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {named && (
                  <input
                    className="input mono"
                    aria-label={m.role === 'var' ? `Variable name for ${m.column}` : `Metadata key for ${m.column}`}
                    aria-invalid={problem ? true : undefined}
                    value={nameOf(m)}
                    maxLength={200}
                    onChange={(e) => setName(m.column, e.target.value)}
                  />
                )}
                {problem && <div className="transfer-field-error">{problem}</div>}
                {!problem && hint && <div className="hint">{hint}</div>}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
