import type { CaseAssertion, EditStep } from '../../src/core/schemas/dataset-edit'
import { parseCell, type GridColumn } from './dataset-grid-columns'
import type { Draft, RowPatch } from './dataset-grid-draft'

/**
 * The save: a draft as an edit script against its base version — unchanged runs as `keep` ranges, changed base
 * rows as `edit` steps carrying only the changed fields, new rows as `add` — so a save sends the edits, never the
 * whole dataset.
 */

export interface ScriptProblem {
  /** 1-based row number in the grid. */
  row: number
  column: string
  message: string
}

type CaseFields = { vars: Record<string, unknown>; unsetVars: string[]; expected?: string | null; assertions?: CaseAssertion[]; tags?: string[]; notes?: string }

function fieldsOf(patch: RowPatch | undefined, columns: ReadonlyMap<string, GridColumn>, row: number, problems: ScriptProblem[]): CaseFields {
  const fields: CaseFields = { vars: {}, unsetVars: [] }
  for (const [columnId, text] of Object.entries(patch?.cells ?? {})) {
    const column = columns.get(columnId)
    if (!column) continue
    const parsed = parseCell(column, text)
    if (!parsed.ok) {
      problems.push({ row, column: column.label, message: parsed.message })
      continue
    }
    if (column.kind === 'var') {
      if (parsed.value === undefined) fields.unsetVars.push(column.varName!)
      else fields.vars[column.varName!] = parsed.value
    } else if (column.kind === 'expected') fields.expected = parsed.value as string | null
    else if (column.kind === 'assertions') fields.assertions = parsed.value as CaseAssertion[]
    else if (column.kind === 'tags') fields.tags = parsed.value as string[]
    else fields.notes = parsed.value as string
  }
  return fields
}

function patchedPositions(draft: Draft, copy: number, start: number, count: number): number[] {
  const positions: number[] = []
  if (count < draft.patches.size) {
    for (let p = start; p < start + count; p++) if (draft.patches.has(`${copy}:${p}`)) positions.push(p)
    return positions
  }
  for (const key of draft.patches.keys()) {
    const [c, p] = key.split(':').map(Number)
    if (c === copy && p! >= start && p! < start + count) positions.push(p!)
  }
  return positions.sort((a, b) => a - b)
}

export function buildEditScript(draft: Draft, gridColumns: readonly GridColumn[]): { steps: EditStep[]; problems: ScriptProblem[] } {
  const columns = new Map(gridColumns.map((c) => [c.id, c]))
  const steps: EditStep[] = []
  const problems: ScriptProblem[] = []
  const keep = (start: number, count: number): void => {
    const last = steps[steps.length - 1]
    if (last?.op === 'keep' && last.start + last.count === start) last.count += count
    else steps.push({ op: 'keep', start, count })
  }
  let index = 0
  for (const seg of draft.segments) {
    if (seg.kind === 'rows') {
      for (const key of seg.keys) {
        const { unsetVars: _unset, ...fields } = fieldsOf(draft.patches.get(key), columns, ++index, problems)
        steps.push({ op: 'add', case: fields })
      }
      continue
    }
    let cursor = seg.start
    for (const position of patchedPositions(draft, seg.copy, seg.start, seg.count)) {
      if (position > cursor) keep(cursor, position - cursor)
      const row = index + position - seg.start + 1
      const patch = draft.patches.get(`${seg.copy}:${position}`)!
      const { vars, unsetVars, ...rest } = fieldsOf(patch, columns, row, problems)
      if (!patch.baseId) problems.push({ row, column: '', message: 'its case had not loaded when it was edited; discard and edit it again' })
      else steps.push({ op: 'edit', caseId: patch.baseId, ...(Object.keys(vars).length ? { vars } : {}), ...(unsetVars.length ? { unsetVars } : {}), ...rest })
      cursor = position + 1
    }
    if (seg.start + seg.count > cursor) keep(cursor, seg.start + seg.count - cursor)
    index += seg.count
  }
  return { steps, problems: problems.slice(0, 100) }
}
