/**
 * The grid's draft: unsaved edits over a base version, kept small whatever the dataset's size. The row order is a
 * list of segments — runs of base cases (`base`, by position; `copy` > 0 marks a duplicate run) and new rows
 * (`rows`) — and the changed cells are patches keyed by row. Every operation returns a new draft (undo keeps the
 * old ones). A base row's key is `<copy>:<position>`, a new row's `n<id>`.
 */

export type Segment = { kind: 'base'; start: number; count: number; copy: number } | { kind: 'rows'; keys: readonly string[] }

/** Changed cells of one row: column id → text. `baseId` is the base case the row started from (for the save). */
export interface RowPatch {
  baseId: string | null
  cells: Readonly<Record<string, string>>
}

export interface Draft {
  readonly baseTotal: number
  readonly segments: readonly Segment[]
  readonly patches: ReadonlyMap<string, RowPatch>
  /** Next number for a duplicate run's copy or a new row's id. */
  readonly nextId: number
}

/** One row of the draft: its key, and the base position its content starts from (null for a new row). */
export interface RowRef {
  key: string
  base: number | null
}

/** A half-open range of row indices [start, end). */
export type Range = readonly [start: number, end: number]

export interface CellEdit {
  key: string
  columnId: string
  /** The new text; null when it equals the base case's text (the cell is no longer changed). */
  text: string | null
  /** The base case's id, recorded with the first change of a base row. */
  baseId?: string | null
}

export function emptyDraft(baseTotal: number): Draft {
  return { baseTotal, segments: baseTotal > 0 ? [{ kind: 'base', start: 0, count: baseTotal, copy: 0 }] : [], patches: new Map(), nextId: 1 }
}

const segLength = (s: Segment): number => (s.kind === 'base' ? s.count : s.keys.length)

const offsetsCache = new WeakMap<readonly Segment[], number[]>()
/** offsets[k] = index of segment k's first row; the last entry is the row count. */
function offsetsOf(segments: readonly Segment[]): number[] {
  let offsets = offsetsCache.get(segments)
  if (!offsets) {
    offsets = [0]
    for (const s of segments) offsets.push(offsets[offsets.length - 1]! + segLength(s))
    offsetsCache.set(segments, offsets)
  }
  return offsets
}

export function draftLength(draft: Draft): number {
  const offsets = offsetsOf(draft.segments)
  return offsets[offsets.length - 1]!
}

function segmentIndexAt(offsets: number[], index: number): number {
  let lo = 0
  let hi = offsets.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (offsets[mid]! <= index) lo = mid
    else hi = mid - 1
  }
  return lo
}

const baseKey = (copy: number, position: number): string => `${copy}:${position}`

/** The row at an index (undefined past the end). */
export function rowAt(draft: Draft, index: number): RowRef | undefined {
  if (index < 0 || index >= draftLength(draft)) return undefined
  const offsets = offsetsOf(draft.segments)
  const k = segmentIndexAt(offsets, index)
  const seg = draft.segments[k]!
  const within = index - offsets[k]!
  if (seg.kind === 'rows') return { key: seg.keys[within]!, base: null }
  return { key: baseKey(seg.copy, seg.start + within), base: seg.start + within }
}

/** Rows [start, end), clamped to the draft. */
export function rowsBetween(draft: Draft, start: number, end: number): RowRef[] {
  const rows: RowRef[] = []
  const last = Math.min(end, draftLength(draft))
  for (let i = Math.max(0, start); i < last; i++) rows.push(rowAt(draft, i)!)
  return rows
}

/** The segments covering rows [start, end). */
function slice(segments: readonly Segment[], start: number, end: number): Segment[] {
  const offsets = offsetsOf(segments)
  const out: Segment[] = []
  segments.forEach((seg, k) => {
    const from = Math.max(start, offsets[k]!) - offsets[k]!
    const to = Math.min(end, offsets[k + 1]!) - offsets[k]!
    if (to <= from) return
    out.push(seg.kind === 'base' ? { ...seg, start: seg.start + from, count: to - from } : { kind: 'rows', keys: seg.keys.slice(from, to) })
  })
  return out
}

/** Joins neighbours that continue each other and drops empty segments. */
function normalise(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = []
  for (const seg of segments) {
    if (segLength(seg) === 0) continue
    const prev = out[out.length - 1]
    if (prev?.kind === 'base' && seg.kind === 'base' && prev.copy === seg.copy && prev.start + prev.count === seg.start) {
      out[out.length - 1] = { ...prev, count: prev.count + seg.count }
    } else if (prev?.kind === 'rows' && seg.kind === 'rows') {
      out[out.length - 1] = { kind: 'rows', keys: [...prev.keys, ...seg.keys] }
    } else {
      out.push(seg)
    }
  }
  return out
}

/** Sorted, merged, clamped ranges. */
export function normaliseRanges(ranges: readonly Range[], length: number): Range[] {
  const sorted = ranges.map(([s, e]) => [Math.max(0, s), Math.min(length, e)] as const).filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0])
  const out: Array<[number, number]> = []
  for (const [s, e] of sorted) {
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

/** Keys of patches belonging to the rows of these segments. */
function patchedKeysIn(segments: readonly Segment[], patches: ReadonlyMap<string, RowPatch>): string[] {
  const keys: string[] = []
  for (const seg of segments) {
    if (seg.kind === 'rows') {
      for (const key of seg.keys) if (patches.has(key)) keys.push(key)
    } else if (seg.count < patches.size) {
      for (let p = seg.start; p < seg.start + seg.count; p++) if (patches.has(baseKey(seg.copy, p))) keys.push(baseKey(seg.copy, p))
    } else {
      for (const key of patches.keys()) {
        const [copy, position] = key.split(':').map(Number)
        if (copy === seg.copy && position! >= seg.start && position! < seg.start + seg.count) keys.push(key)
      }
    }
  }
  return keys
}

/** Inserts `count` new empty rows before row `at`; answers the draft and the new rows' keys. */
export function insertRows(draft: Draft, at: number, count: number): { draft: Draft; keys: string[] } {
  const keys = Array.from({ length: count }, (_, i) => `n${draft.nextId + i}`)
  const length = draftLength(draft)
  const segments = normalise([...slice(draft.segments, 0, at), { kind: 'rows', keys }, ...slice(draft.segments, at, length)])
  return { draft: { ...draft, segments, nextId: draft.nextId + count }, keys }
}

export function deleteRows(draft: Draft, ranges: readonly Range[]): Draft {
  const length = draftLength(draft)
  const merged = normaliseRanges(ranges, length)
  if (merged.length === 0) return draft
  const kept: Segment[] = []
  const removed: Segment[] = []
  let cursor = 0
  for (const [s, e] of merged) {
    kept.push(...slice(draft.segments, cursor, s))
    removed.push(...slice(draft.segments, s, e))
    cursor = e
  }
  kept.push(...slice(draft.segments, cursor, length))
  const patches = new Map(draft.patches)
  for (const key of patchedKeysIn(removed, draft.patches)) patches.delete(key)
  return { ...draft, segments: normalise(kept), patches }
}

/** Each range's rows are copied (with their changes) right after the range. */
export function duplicateRows(draft: Draft, ranges: readonly Range[]): Draft {
  const length = draftLength(draft)
  const merged = normaliseRanges(ranges, length)
  const patches = new Map(draft.patches)
  let nextId = draft.nextId
  const out: Segment[] = []
  let cursor = 0
  for (const [s, e] of merged) {
    const original = slice(draft.segments, s, e)
    out.push(...slice(draft.segments, cursor, s), ...original)
    for (const seg of original) {
      if (seg.kind === 'base') {
        const copy = nextId++
        for (const key of patchedKeysIn([seg], draft.patches)) patches.set(baseKey(copy, Number(key.split(':')[1])), draft.patches.get(key)!)
        out.push({ ...seg, copy })
      } else {
        const keys = seg.keys.map((key) => {
          const fresh = `n${nextId++}`
          const patch = draft.patches.get(key)
          if (patch) patches.set(fresh, patch)
          return fresh
        })
        out.push({ kind: 'rows', keys })
      }
    }
    cursor = e
  }
  out.push(...slice(draft.segments, cursor, length))
  return { ...draft, segments: normalise(out), patches, nextId }
}

export function setCells(draft: Draft, edits: readonly CellEdit[]): Draft {
  if (edits.length === 0) return draft
  const patches = new Map(draft.patches)
  for (const edit of edits) {
    const current = patches.get(edit.key)
    const cells: Record<string, string> = { ...(current?.cells ?? {}) }
    if (edit.text === null) delete cells[edit.columnId]
    else cells[edit.columnId] = edit.text
    const baseId = current?.baseId ?? edit.baseId ?? null
    if (Object.keys(cells).length === 0) patches.delete(edit.key)
    else patches.set(edit.key, { baseId, cells })
  }
  return { ...draft, patches }
}

export function isNewRow(key: string): boolean {
  return !key.startsWith('0:')
}

export interface ChangeSummary {
  editedCells: number
  addedRows: number
  deletedRows: number
  total: number
}

export function changeSummary(draft: Draft): ChangeSummary {
  let originals = 0
  let addedRows = 0
  for (const seg of draft.segments) {
    if (seg.kind === 'base' && seg.copy === 0) originals += seg.count
    else addedRows += segLength(seg)
  }
  let editedCells = 0
  for (const [key, patch] of draft.patches) if (!isNewRow(key)) editedCells += Object.keys(patch.cells).length
  const deletedRows = draft.baseTotal - originals
  return { editedCells, addedRows, deletedRows, total: editedCells + addedRows + deletedRows }
}
