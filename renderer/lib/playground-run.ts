import type { ApiError } from '../../src/core/errors'
import type { ColumnMetrics, ColumnRef, PlaygroundEvent, PlaygroundRunRequest } from '../../src/core/schemas/playground'
import type { ErrorClass } from '../../src/core/schemas/run'

export type ColumnPhase = 'waiting' | 'streaming' | 'ok' | 'error' | 'cancelled'

export interface RetryInfo {
  attempt: number
  waitMs: number
  errorClass: ErrorClass
  message: string
  /** When the retry was announced (ms since epoch), to count down. */
  at: number
}

/** One column of a playground run: one model × one repeat. */
export interface RunColumn extends ColumnRef {
  phase: ColumnPhase
  text: string
  attempt: number
  retry: RetryInfo | null
  metrics: ColumnMetrics | null
}

export type RunPhase = 'idle' | 'starting' | 'running' | 'completed' | 'failed' | 'cancelled'

export interface RunState {
  phase: RunPhase
  jobId: string | null
  runId: string | null
  /** The request that started the run (its variables go into saved test cases). */
  request: PlaygroundRunRequest | null
  /** The columns in the engine's order (model × repeat), fixed once the run is created. */
  order: ColumnRef[]
  columns: Record<string, RunColumn>
  progress: { done: number; total: number } | null
  error: ApiError | null
}

export const initialRun: RunState = { phase: 'idle', jobId: null, runId: null, request: null, order: [], columns: {}, progress: null, error: null }

export function isRunActive(state: { phase: RunPhase }): boolean {
  return state.phase === 'starting' || state.phase === 'running'
}

export function newColumn(ref: ColumnRef): RunColumn {
  return { ...ref, phase: 'waiting', text: '', attempt: 0, retry: null, metrics: null }
}

function patch(state: RunState, columnId: string, change: (c: RunColumn) => RunColumn): RunState {
  const current = state.columns[columnId]
  if (!current) return state
  return { ...state, columns: { ...state.columns, [columnId]: change(current) } }
}

/** Appends buffered text per column; only the columns that changed get new objects (so only they re-render). */
export function appendDeltas(state: RunState, pending: ReadonlyMap<string, string>): RunState {
  if (pending.size === 0) return state
  const columns = { ...state.columns }
  for (const [id, text] of pending) {
    const c = columns[id]
    if (c) columns[id] = { ...c, phase: c.phase === 'waiting' ? 'streaming' : c.phase, text: c.text + text, retry: null }
  }
  return { ...state, columns }
}

/** Applies one playground event other than a delta (deltas go through appendDeltas); pure. */
export function applyRunEvent(state: RunState, event: PlaygroundEvent, now = Date.now()): RunState {
  switch (event.type) {
    case 'run-created': {
      const columns: Record<string, RunColumn> = {}
      for (const ref of event.columns) columns[ref.columnId] = state.columns[ref.columnId] ?? newColumn(ref)
      return { ...state, runId: event.runId, order: event.columns, columns }
    }
    case 'progress':
      return { ...state, progress: { done: event.done, total: event.total } }
    case 'column-started':
      // A new attempt starts over: text from a failed attempt is not part of the answer.
      return patch(state, event.columnId, (c) => ({ ...c, phase: 'streaming', attempt: event.attempt, text: event.attempt > 1 ? '' : c.text }))
    case 'delta':
      return appendDeltas(state, new Map([[event.columnId, event.text]]))
    case 'retry':
      return patch(state, event.columnId, (c) => ({
        ...c,
        phase: 'waiting',
        retry: { attempt: event.attempt, waitMs: event.waitMs, errorClass: event.errorClass, message: event.message, at: now }
      }))
    case 'column-finished':
      return patch(state, event.columnId, (c) => ({ ...c, phase: event.metrics.status, retry: null, metrics: event.metrics }))
    case 'status': {
      if (event.status === 'running') return { ...state, phase: 'running' }
      const columns = { ...state.columns }
      for (const [id, c] of Object.entries(columns)) {
        if (c.phase === 'waiting' || c.phase === 'streaming') columns[id] = { ...c, phase: event.status === 'cancelled' ? 'cancelled' : 'error', retry: null }
      }
      return { ...state, phase: event.status, error: event.error, columns }
    }
  }
}

/** "gpt-4o" or, when the run repeats, "gpt-4o #2". */
export function columnLabel(column: Pick<ColumnRef, 'modelId' | 'repeatIndex'>, repeated: boolean): string {
  return repeated ? `${column.modelId} #${column.repeatIndex + 1}` : column.modelId
}

export interface Spread {
  min: number | null
  median: number | null
  max: number | null
}

export function spread(values: readonly (number | null | undefined)[]): Spread {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (xs.length === 0) return { min: null, median: null, max: null }
  const mid = Math.floor(xs.length / 2)
  const median = xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2
  return { min: xs[0]!, median, max: xs[xs.length - 1]! }
}

export interface ModelSummary {
  key: string
  providerId: string
  modelId: string
  runs: number
  ok: number
  ttftMs: Spread
  latencyMs: Spread
  tokensPerSecond: Spread
  costUsd: Spread
}

/** Per model (provider + model): min / median / max of the finished repeats. */
export function summarise(columns: readonly RunColumn[]): ModelSummary[] {
  const groups = new Map<string, RunColumn[]>()
  for (const c of columns) {
    const key = `${c.providerId}/${c.modelId}`
    groups.set(key, [...(groups.get(key) ?? []), c])
  }
  return [...groups.entries()].map(([key, cs]) => {
    const done = cs.map((c) => c.metrics).filter((m): m is ColumnMetrics => m !== null && m.ok)
    return {
      key,
      providerId: cs[0]!.providerId,
      modelId: cs[0]!.modelId,
      runs: cs.length,
      ok: done.length,
      ttftMs: spread(done.map((m) => m.ttftMs)),
      latencyMs: spread(done.map((m) => m.latencyMs)),
      tokensPerSecond: spread(done.map((m) => m.outputTokensPerSecond)),
      costUsd: spread(done.map((m) => m.costUsd))
    }
  })
}

/** Pretty-printed JSON when the text parses, else the text as it is. */
export function prettyJson(text: string): { text: string; parsed: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), parsed: true }
  } catch {
    return { text, parsed: false }
  }
}
