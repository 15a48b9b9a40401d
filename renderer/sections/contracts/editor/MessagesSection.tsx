import type { ReactElement } from 'react'
import type { ContractProblem } from '../../../../src/core/schemas/contract-editor'
import { LazyCodeEditor } from '../../../components/LazyCodeEditor'
import { formKey } from '../../../lib/contract-form'
import type { FormMessage, Role } from '../../../lib/contract-form'
import { FieldProblems } from '../FieldProblems'

const ROLES: Role[] = ['system', 'user', 'assistant']

interface Props {
  messages: FormMessage[]
  problems: readonly ContractProblem[]
  onChange: (messages: FormMessage[]) => void
}

/** The messages template: several messages, each a role and a Monaco template where {{name}} is a variable. */
export function MessagesSection({ messages, problems, onChange }: Props): ReactElement {
  const update = (key: string, change: Partial<FormMessage>): void => onChange(messages.map((m) => (m.key === key ? { ...m, ...change } : m)))
  const move = (index: number, by: -1 | 1): void => {
    const next = [...messages]
    const [moved] = next.splice(index, 1)
    next.splice(index + by, 0, moved!)
    onChange(next)
  }
  const add = (): void => {
    const last = messages[messages.length - 1]
    onChange([...messages, { key: formKey('m'), role: last?.role === 'user' ? 'assistant' : 'user', content: '' }])
  }

  return (
    <section className="panel" aria-labelledby="ce-messages" role="region">
      <div className="panel-header">
        <h3 id="ce-messages">Messages template</h3>
        <span className="hint">
          <code>{'{{name}}'}</code> inserts a variable, <code>{'{{#name}}…{{/name}}'}</code> keeps a part only when it has a value.
        </span>
      </div>
      <div className="panel-body stack">
        <FieldProblems problems={problems} path="messages" exact />
        {messages.map((m, i) => (
          <div key={m.key} className="message-row">
            <div className="row message-toolbar">
              <select className="select" aria-label={`Role of message ${i + 1}`} value={m.role} onChange={(e) => update(m.key, { role: e.target.value as Role })}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
              <span className="faint">Message {i + 1}</span>
              <div className="actions">
                <button type="button" className="btn small ghost" aria-label={`Move message ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" className="btn small ghost" aria-label={`Move message ${i + 1} down`} disabled={i === messages.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </button>
                <button type="button" className="btn small ghost danger" aria-label={`Remove message ${i + 1}`} onClick={() => onChange(messages.filter((x) => x.key !== m.key))}>
                  Remove
                </button>
              </div>
            </div>
            <LazyCodeEditor
              value={m.content}
              onChange={(content) => update(m.key, { content })}
              language="template"
              label={`Message ${i + 1} (${m.role})`}
              minLines={2}
              maxLines={16}
            />
            <FieldProblems problems={problems} path={`messages.${i}`} />
          </div>
        ))}
        <div className="row">
          <button type="button" className="btn small" onClick={add}>
            Add message
          </button>
        </div>
      </div>
    </section>
  )
}
