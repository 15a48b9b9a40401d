import type { ReactElement } from 'react'
import { variablesFromTemplate } from '../../../../src/core/contract-validation'
import type { ContractProblem } from '../../../../src/core/schemas/contract-editor'
import { formKey } from '../../../lib/contract-form'
import type { FormMessage, FormVariable, VariableType } from '../../../lib/contract-form'
import { FieldProblems } from '../FieldProblems'

const TYPES: VariableType[] = ['string', 'number', 'boolean', 'json']

interface Props {
  variables: FormVariable[]
  messages: FormMessage[]
  problems: readonly ContractProblem[]
  onChange: (variables: FormVariable[]) => void
}

/** The variables the template may use: name, type, description, required, example; add, remove, reorder. */
export function VariablesSection({ variables, messages, problems, onChange }: Props): ReactElement {
  const update = (key: string, change: Partial<FormVariable>): void => onChange(variables.map((v) => (v.key === key ? { ...v, ...change } : v)))
  const move = (index: number, by: -1 | 1): void => {
    const next = [...variables]
    const [moved] = next.splice(index, 1)
    next.splice(index + by, 0, moved!)
    onChange(next)
  }
  const found = variablesFromTemplate(
    messages.map((m) => ({ role: m.role, content: m.content })),
    variables.map((v) => ({ name: v.name, type: v.type, description: v.description, required: v.required }))
  )
  const addFound = (): void => onChange([...variables, ...found.map((f) => ({ key: formKey('v'), name: f.name, type: f.type, description: '', required: f.required, example: '' }))])
  const add = (): void => onChange([...variables, { key: formKey('v'), name: '', type: 'string', description: '', required: true, example: '' }])

  return (
    <section className="panel" aria-labelledby="ce-variables" role="region">
      <div className="panel-header">
        <h3 id="ce-variables">Variables</h3>
        <span className="faint num">{variables.length}</span>
        <div className="actions">
          <button
            type="button"
            className="btn small"
            disabled={found.length === 0}
            onClick={addFound}
            title={found.length ? `Adds ${found.map((f) => f.name).join(', ')}` : 'Every variable the template uses is declared'}
          >
            Add from template{found.length > 0 ? ` (${found.length})` : ''}
          </button>
          <button type="button" className="btn small" onClick={add}>
            Add variable
          </button>
        </div>
      </div>
      <div className="panel-body stack">
        {variables.length === 0 ? (
          <p className="hint">No variable yet. Write {'{{name}}'} in a message and press “Add from template”, or add one by hand.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table variables-editor" aria-label="Variables">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Type</th>
                  <th>Required</th>
                  <th>Description</th>
                  <th>Example</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {variables.map((v, i) => {
                  const n = i + 1
                  return (
                    <tr key={v.key}>
                      <td>
                        <input
                          className="input mono"
                          aria-label={`Name of variable ${n}`}
                          value={v.name}
                          aria-invalid={problems.some((p) => p.path === `variables.${i}.name` && p.severity === 'error') || undefined}
                          onChange={(e) => update(v.key, { name: e.target.value })}
                        />
                      </td>
                      <td>
                        <select className="select" aria-label={`Type of variable ${n}`} value={v.type} onChange={(e) => update(v.key, { type: e.target.value as VariableType })}>
                          {TYPES.map((t) => (
                            <option key={t} value={t}>
                              {t}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="center">
                        <input type="checkbox" aria-label={`Variable ${n} required`} checked={v.required} onChange={(e) => update(v.key, { required: e.target.checked })} />
                      </td>
                      <td>
                        <input className="input" aria-label={`Description of variable ${n}`} value={v.description} onChange={(e) => update(v.key, { description: e.target.value })} />
                      </td>
                      <td>
                        <input className="input mono" aria-label={`Example of variable ${n}`} value={v.example} onChange={(e) => update(v.key, { example: e.target.value })} />
                      </td>
                      <td className="nowrap">
                        <button type="button" className="btn small ghost" aria-label={`Move variable ${n} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                          ↑
                        </button>
                        <button type="button" className="btn small ghost" aria-label={`Move variable ${n} down`} disabled={i === variables.length - 1} onClick={() => move(i, 1)}>
                          ↓
                        </button>
                        <button type="button" className="btn small ghost danger" aria-label={`Remove variable ${n}`} onClick={() => onChange(variables.filter((x) => x.key !== v.key))}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
        <FieldProblems problems={problems} path="variables" />
      </div>
    </section>
  )
}
