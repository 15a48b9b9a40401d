import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent, ReactElement } from 'react'

export type CommitMove = 'down' | 'right' | 'left' | null

interface Props {
  label: string
  initialText: string
  /** Why the last commit was refused (the editor stays open), or null. */
  error: string | null
  /** Open towards the left (for the last columns, so the editor stays inside the grid). */
  alignRight?: boolean
  onCommit: (text: string, move: CommitMove) => void
  onCancel: () => void
}

/**
 * The in-cell editor: Enter commits (and moves down), Tab / Shift+Tab commit and move, Esc cancels, Shift+Enter or
 * Alt+Enter inserts a line break. Leaving it (a click elsewhere) commits too. A value that does not parse (e.g.
 * assertions that are not a JSON array) stays in the editor with the reason shown.
 */
export function GridCellEditor({ label, initialText, error, alignRight = false, onCommit, onCancel }: Props): ReactElement {
  const [text, setText] = useState(initialText)
  const done = useRef(false)
  const area = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    const el = area.current
    if (!el) return
    el.focus({ preventScroll: true })
    el.setSelectionRange(el.value.length, el.value.length)
  }, [])

  useEffect(() => {
    // A refused commit re-arms the editor.
    if (error) done.current = false
  }, [error])

  function finish(move: CommitMove): void {
    if (done.current) return
    done.current = true
    onCommit(text, move)
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      done.current = true
      onCancel()
    } else if (event.key === 'Enter' && event.altKey) {
      event.preventDefault()
      const el = event.currentTarget
      const next = `${text.slice(0, el.selectionStart)}\n${text.slice(el.selectionEnd)}`
      const caret = el.selectionStart + 1
      setText(next)
      requestAnimationFrame(() => el.setSelectionRange(caret, caret))
    } else if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault()
      event.stopPropagation()
      finish('down')
    } else if (event.key === 'Tab') {
      event.preventDefault()
      event.stopPropagation()
      finish(event.shiftKey ? 'left' : 'right')
    } else {
      // Typing stays in the editor (arrows move the caret, not the grid); Ctrl/Cmd+S reaches the grid to save.
      if (!((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's')) event.stopPropagation()
    }
  }

  return (
    <div className={`grid-editor${alignRight ? ' align-right' : ''}`}>
      <textarea
        ref={area}
        className="textarea mono"
        aria-label={`Edit ${label}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'grid-editor-error' : undefined}
        value={text}
        rows={Math.min(8, Math.max(2, text.split('\n').length + 1))}
        onChange={(e) => {
          setText(e.target.value)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => finish(null)}
        onPaste={(e) => e.stopPropagation()}
        onCopy={(e) => e.stopPropagation()}
      />
      {error && (
        <div id="grid-editor-error" className="grid-editor-error" role="alert">
          {error}
        </div>
      )}
      <div className="grid-editor-hint">Enter saves the cell · Esc cancels · Shift+Enter new line</div>
    </div>
  )
}
