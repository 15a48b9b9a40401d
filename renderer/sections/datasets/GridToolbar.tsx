import type { ReactElement } from 'react'
import { MOD_KEY_LABEL } from '../../lib/keys'

interface Props {
  readOnly: boolean
  selected: number
  canUndo: boolean
  canRedo: boolean
  empty: boolean
  addRow: () => void
  duplicate: () => void
  remove: () => void
  undo: () => void
  redo: () => void
}

/** Row actions of the grid, each with its keyboard shortcut in its title. */
export function GridToolbar(props: Props): ReactElement | null {
  if (props.readOnly) return null
  const rows = props.selected === 1 ? 'row' : `${props.selected} rows`
  return (
    <div className="row grid-toolbar" role="toolbar" aria-label="Row actions">
      <button type="button" className="btn small" onClick={props.addRow} title={`Add a row below the current one (Insert or ${MOD_KEY_LABEL}+Enter)`}>
        Add row
      </button>
      <button type="button" className="btn small" onClick={props.duplicate} disabled={props.empty} title={`Duplicate the selected rows (${MOD_KEY_LABEL}+D)`}>
        Duplicate {rows}
      </button>
      <button type="button" className="btn small" onClick={props.remove} disabled={props.empty} title={`Delete the selected rows (${MOD_KEY_LABEL}+Delete)`}>
        Delete {rows}
      </button>
      <span className="grid-toolbar-sep" aria-hidden="true" />
      <button type="button" className="btn small" onClick={props.undo} disabled={!props.canUndo} title={`Undo (${MOD_KEY_LABEL}+Z)`}>
        Undo
      </button>
      <button type="button" className="btn small" onClick={props.redo} disabled={!props.canRedo} title={`Redo (${MOD_KEY_LABEL}+Shift+Z or ${MOD_KEY_LABEL}+Y)`}>
        Redo
      </button>
      <span className="hint grid-toolbar-hint">
        Enter or typing edits · Shift+click or Shift+↑↓ selects rows · paste cells from a spreadsheet
      </span>
    </div>
  )
}
