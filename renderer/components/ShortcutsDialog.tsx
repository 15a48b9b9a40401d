import { useEffect, useRef } from 'react'
import type { ReactElement } from 'react'
import { SECTIONS } from '../lib/routes'
import { MOD_KEY_LABEL } from '../lib/keys'

interface Props {
  open: boolean
  onClose: () => void
}

/** `?` opens it; Esc (native <dialog> cancel) or the Close button closes it. Focus is trapped while open. */
export function ShortcutsDialog({ open, onClose }: Props): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) el.showModal()
    if (!open && el.open) el.close()
  }, [open])

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <div className="panel-header">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <div className="actions">
          <button type="button" className="btn small" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
      <div className="panel-body">
        <table>
          <tbody>
            {SECTIONS.map((section, index) => (
              <tr key={section.id}>
                <td>Go to {section.label}</td>
                <td>
                  <kbd>{MOD_KEY_LABEL}</kbd> <kbd>{index + 1}</kbd>
                </td>
              </tr>
            ))}
            <tr>
              <td>Move within the section list</td>
              <td>
                <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Home</kbd> <kbd>End</kbd>
              </td>
            </tr>
            <tr>
              <td>Run the probe (Providers) or the playground</td>
              <td>
                <kbd>{MOD_KEY_LABEL}</kbd> <kbd>Enter</kbd>
              </td>
            </tr>
            <tr>
              <td>Stop a running probe or playground run</td>
              <td>
                <kbd>Esc</kbd>
              </td>
            </tr>
            <tr>
              <td>Show this list</td>
              <td>
                <kbd>?</kbd>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </dialog>
  )
}
