import { useId } from 'react'
import type { ReactElement } from 'react'
import { draftVariables } from '../../lib/playground-draft'
import { usePlaygroundEditor } from '../../stores/playground-editor-store'

/** One input per {{name}} the messages use, found as you type. */
export function VariablesPanel(): ReactElement {
  const id = useId()
  const messages = usePlaygroundEditor((s) => s.draft.messages)
  const values = usePlaygroundEditor((s) => s.draft.values)
  const setValue = usePlaygroundEditor((s) => s.setValue)
  const names = draftVariables(messages)

  return (
    <section className="panel" aria-labelledby="pg-variables-title" role="region">
      <div className="panel-header">
        <h2 id="pg-variables-title">Variables</h2>
        <span className="count num faint">{names.length}</span>
      </div>
      <div className="panel-body stack">
        {names.length === 0 ? (
          <p className="hint">
            The messages use no variable. Write <code>{'{{text}}'}</code> in a message and a field for <code>text</code> appears here.
          </p>
        ) : (
          names.map((name) => (
            <div key={name} className="field">
              <label htmlFor={`${id}-${name}`} className="mono">
                {name}
              </label>
              <textarea
                id={`${id}-${name}`}
                className="textarea"
                rows={Math.min(Math.max((values[name] ?? '').split('\n').length, 2), 10)}
                value={values[name] ?? ''}
                placeholder={`Value of {{${name}}}`}
                onChange={(e) => setValue(name, e.target.value)}
              />
            </div>
          ))
        )}
      </div>
    </section>
  )
}
