import type { ProbeEvent } from '../../src/core/api-contract'
import type { ApiError } from '../../src/core/errors'
import type { ErrorClass } from '../../src/core/schemas/run'

export type ProbeColumnPhase = 'waiting' | 'streaming' | 'ok' | 'error'

/** One model's column in the probe panel. */
export interface ProbeColumn {
  modelId: string
  phase: ProbeColumnPhase
  text: string
  ttftMs: number | null
  latencyMs: number | null
  outputTokens: number | null
  errorClass: ErrorClass | null
  errorMessage: string | null
}

export type ProbePhase = 'idle' | 'starting' | 'running' | 'completed' | 'failed' | 'cancelled'

export interface ProbeState {
  phase: ProbePhase
  providerId: string | null
  jobId: string | null
  /** The run the probe was stored as, once the engine names it. */
  runId: string | null
  columns: ProbeColumn[]
  progress: { done: number; total: number } | null
  error: ApiError | null
}

export const initialProbe: ProbeState = {
  phase: 'idle',
  providerId: null,
  jobId: null,
  runId: null,
  columns: [],
  progress: null,
  error: null
}

export function emptyColumn(modelId: string): ProbeColumn {
  return {
    modelId,
    phase: 'waiting',
    text: '',
    ttftMs: null,
    latencyMs: null,
    outputTokens: null,
    errorClass: null,
    errorMessage: null
  }
}

export function isProbeActive(state: ProbeState): boolean {
  return state.phase === 'starting' || state.phase === 'running'
}

function updateColumn(columns: ProbeColumn[], modelId: string, change: (column: ProbeColumn) => ProbeColumn): ProbeColumn[] {
  const index = columns.findIndex((c) => c.modelId === modelId)
  if (index === -1) return [...columns, change(emptyColumn(modelId))]
  return columns.map((c, i) => (i === index ? change(c) : c))
}

/** Applies one streamed probe event; pure, so it is unit-tested without an engine. */
export function applyProbeEvent(state: ProbeState, event: ProbeEvent): ProbeState {
  switch (event.type) {
    case 'progress':
      return { ...state, progress: { done: event.done, total: event.total } }
    case 'call-started':
      return { ...state, columns: updateColumn(state.columns, event.modelId, (c) => ({ ...c, phase: 'streaming' })) }
    case 'delta':
      return {
        ...state,
        columns: updateColumn(state.columns, event.modelId, (c) => ({ ...c, phase: 'streaming', text: c.text + event.text }))
      }
    case 'call-finished':
      return {
        ...state,
        columns: updateColumn(state.columns, event.modelId, (c) => ({
          ...c,
          phase: event.ok ? 'ok' : 'error',
          ttftMs: event.ttftMs,
          latencyMs: event.latencyMs,
          outputTokens: event.outputTokens,
          errorClass: event.errorClass,
          errorMessage: event.errorMessage
        }))
      }
    case 'status': {
      if (event.status === 'running') return { ...state, phase: 'running' }
      // Columns still waiting when the job ends never got an answer (cancelled, or the job failed first).
      const columns = state.columns.map((c) =>
        c.phase === 'waiting' || c.phase === 'streaming' ? { ...c, phase: 'error' as const, errorClass: c.errorClass ?? (event.status === 'cancelled' ? ('cancelled' as const) : null) } : c
      )
      return { ...state, phase: event.status, error: event.error, columns }
    }
  }
}
