import { useId } from 'react'
import type { ReactElement } from 'react'
import type { ContractProblem } from '../../../../src/core/schemas/contract-editor'
import { LazyCodeEditor } from '../../../components/LazyCodeEditor'
import type { ContractForm } from '../../../lib/contract-form'
import { FieldProblems } from '../FieldProblems'

type OutputFields = Pick<ContractForm, 'outputKind' | 'schemaName' | 'schemaText'>

interface Props {
  value: OutputFields
  problems: readonly ContractProblem[]
  /** The engine is checking the schema (ajv) right now. */
  checking: boolean
  onChange: (change: Partial<OutputFields>) => void
}

/** What the model must return: plain text, or JSON matching a JSON Schema edited in Monaco and checked as you type. */
export function OutputSection({ value, problems, checking, onChange }: Props): ReactElement {
  const id = useId()
  const schemaProblems = problems.filter((p) => p.path.startsWith('output'))
  return (
    <section className="panel" aria-labelledby="ce-output" role="region">
      <div className="panel-header">
        <h3 id="ce-output">Output</h3>
      </div>
      <div className="panel-body stack">
        <div className="segmented" role="radiogroup" aria-label="Output kind">
          <label>
            <input type="radio" name={`${id}-kind`} checked={value.outputKind === 'text'} onChange={() => onChange({ outputKind: 'text' })} />
            Plain text
          </label>
          <label>
            <input type="radio" name={`${id}-kind`} checked={value.outputKind === 'json_schema'} onChange={() => onChange({ outputKind: 'json_schema' })} />
            JSON Schema
          </label>
        </div>
        {value.outputKind === 'text' ? (
          <p className="hint">The answer is free text. Choose JSON Schema when a program reads the answer.</p>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-name`}>Schema name</label>
              <input id={`${id}-name`} className="input short mono" value={value.schemaName} onChange={(e) => onChange({ schemaName: e.target.value })} />
            </div>
            <div className="field">
              <span className="field-label">
                JSON Schema {checking && <span className="faint">(checking…)</span>}
                {!checking && schemaProblems.length === 0 && <span className="json-check ok">✓ valid</span>}
              </span>
              <LazyCodeEditor value={value.schemaText} onChange={(schemaText) => onChange({ schemaText })} language="json" label="Output JSON Schema" minLines={8} maxLines={26} />
              <FieldProblems problems={problems} path="output" />
            </div>
          </>
        )}
      </div>
    </section>
  )
}
