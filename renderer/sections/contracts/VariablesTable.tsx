import type { ReactElement } from 'react'
import type { VariableSpec } from '../../../src/core/schemas/workspace'
import { DataTable } from '../../components/DataTable'
import type { Column } from '../../components/DataTable'

const COLUMNS: Column<VariableSpec>[] = [
  { key: 'name', header: 'Name', cell: (v) => <code>{`{{${v.name}}}`}</code>, csv: (v) => v.name },
  { key: 'type', header: 'Type', cell: (v) => <span className="mono">{v.type}</span>, csv: (v) => v.type },
  { key: 'required', header: 'Required', cell: (v) => (v.required ? 'yes' : 'no'), csv: (v) => v.required },
  { key: 'description', header: 'Description', className: 'wrap', cell: (v) => v.description || <span className="faint">—</span>, csv: (v) => v.description },
  { key: 'example', header: 'Example', className: 'clip', cell: (v) => (v.example ? <span className="mono">{v.example}</span> : <span className="faint">—</span>), csv: (v) => v.example ?? '' }
]

export function VariablesTable({ variables }: { variables: VariableSpec[] }): ReactElement {
  return (
    <DataTable
      title="Variables"
      headingLevel={3}
      rows={variables}
      columns={COLUMNS}
      rowKey={(v) => v.name}
      exportName="contract variables"
      count={variables.length}
      empty="The template uses no variables."
    />
  )
}
