import type { ReactElement } from 'react'
import { LazyCodeEditor } from '../../components/LazyCodeEditor'
import type { Role } from '../../lib/playground-draft'
import { usePlaygroundEditor } from '../../stores/playground-editor-store'

const ROLES: Role[] = ['system', 'user', 'assistant']

/** The prompt as chat messages: each a role and a template where {{name}} inserts a variable. */
export function MessagesEditor({ onSubmit }: { onSubmit: () => void }): ReactElement {
  const messages = usePlaygroundEditor((s) => s.draft.messages)
  const updateMessage = usePlaygroundEditor((s) => s.updateMessage)
  const removeMessage = usePlaygroundEditor((s) => s.removeMessage)
  const moveMessage = usePlaygroundEditor((s) => s.moveMessage)
  const addMessage = usePlaygroundEditor((s) => s.addMessage)

  return (
    <section className="panel" aria-labelledby="pg-messages-title" role="region">
      <div className="panel-header">
        <h2 id="pg-messages-title">Messages</h2>
        <span className="hint">
          Write <code>{'{{name}}'}</code> to insert a variable.
        </span>
      </div>
      <div className="panel-body stack">
        {messages.length === 0 && <p className="hint">No message yet: add one, usually a system message and a user message.</p>}
        {messages.map((m, i) => (
          <div key={m.id} className="message-row">
            <div className="row message-toolbar">
              <select className="select" aria-label={`Role of message ${i + 1}`} value={m.role} onChange={(e) => updateMessage(m.id, { role: e.target.value as Role })}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
              <span className="faint">Message {i + 1}</span>
              <div className="actions">
                <button type="button" className="btn small ghost" aria-label={`Move message ${i + 1} up`} disabled={i === 0} onClick={() => moveMessage(m.id, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="btn small ghost"
                  aria-label={`Move message ${i + 1} down`}
                  disabled={i === messages.length - 1}
                  onClick={() => moveMessage(m.id, 1)}
                >
                  ↓
                </button>
                <button type="button" className="btn small ghost danger" aria-label={`Remove message ${i + 1}`} onClick={() => removeMessage(m.id)}>
                  Remove
                </button>
              </div>
            </div>
            <LazyCodeEditor
              value={m.content}
              onChange={(content) => updateMessage(m.id, { content })}
              language="template"
              label={`Message ${i + 1} (${m.role})`}
              minLines={2}
              maxLines={14}
              onSubmit={onSubmit}
            />
          </div>
        ))}
        <div className="row">
          <button type="button" className="btn small" onClick={addMessage}>
            Add message
          </button>
        </div>
      </div>
    </section>
  )
}
