import type { ApiError } from '../../src/core/errors'
import type { EvalCellEvent, EvalRunEvent } from '../../src/core/schemas/eval-api'
import type { ErrorClass } from '../../src/core/schemas/run'

/**
 * A running eval as the page shows it, built from the job's events only (pure): progress, per-column counters of
 * the cells finished in this session, retries, elapsed time, and the final totals and verdict.
 */

export type LivePhase = 'idle' | 'starting' | 'running' | 'completed' | 'failed' | 'cancelled'

export interface LiveColumn {
  key: string
  variantLabel: string
  providerId: string
  modelId: string
  passed: number
  failed: number
  scoreErrors: number
  errored: number
  cancelled: number
  /** Cells answered from the response cache. */
  cached: number
  /** Attempts beyond the first, summed over the column's cells. */
  retries: number
}

export interface LiveRetry {
  providerId: string
  modelId: string
  errorClass: ErrorClass
  waitMs: number
  /** When it was announced (ms since epoch). */
  at: number
}

export type EvalTotals = Extract<EvalRunEvent, { type: 'totals' }>['totals']
export type EvalVerdict = Extract<EvalRunEvent, { type: 'totals' }>['verdict']

export interface LiveRun {
  phase: LivePhase
  /** What started the run: a suite (evals.run) or a stored run (evals.resume). */
  origin: { suiteId: string | null; resumedRunId: string | null }
  jobId: string | null
  runId: string | null
  resumed: boolean
  /** Cells the run holds, and how many were already done before this session (a resume). */
  cells: number
  alreadyDone: number
  progress: { done: number; total: number } | null
  columns: LiveColumn[]
  /** Retry announcements seen, and the latest one. */
  retryCount: number
  lastRetry: LiveRetry | null
  startedAt: number | null
  finishedAt: number | null
  totals: EvalTotals | null
  verdict: EvalVerdict | null
  error: ApiError | null
}

export const initialLiveRun: LiveRun = {
  phase: 'idle',
  origin: { suiteId: null, resumedRunId: null },
  jobId: null,
  runId: null,
  resumed: false,
  cells: 0,
  alreadyDone: 0,
  progress: null,
  columns: [],
  retryCount: 0,
  lastRetry: null,
  startedAt: null,
  finishedAt: null,
  totals: null,
  verdict: null,
  error: null
}

export function isLiveActive(run: { phase: LivePhase }): boolean {
  return run.phase === 'starting' || run.phase === 'running'
}

/** The column key of a cell event: the same `variantId|providerId|modelId` the results use. */
export function cellColumnKey(cell: Pick<EvalCellEvent, 'variantId' | 'providerId' | 'modelId'>): string {
  return `${cell.variantId}|${cell.providerId}|${cell.modelId}`
}

function emptyColumn(c: { key: string; variantLabel: string; providerId: string; modelId: string }): LiveColumn {
  return { key: c.key, variantLabel: c.variantLabel, providerId: c.providerId, modelId: c.modelId, passed: 0, failed: 0, scoreErrors: 0, errored: 0, cancelled: 0, cached: 0, retries: 0 }
}

/** Adds a batch of finished cells to the per-column counters; a cell of an unknown column gets a column of its own. */
export function countCells(columns: readonly LiveColumn[], cells: readonly EvalCellEvent[]): LiveColumn[] {
  if (cells.length === 0) return columns as LiveColumn[]
  const next = columns.map((c) => ({ ...c }))
  const index = new Map(next.map((c, i) => [c.key, i]))
  for (const cell of cells) {
    const key = cellColumnKey(cell)
    let i = index.get(key)
    if (i === undefined) {
      i = next.length
      next.push(emptyColumn({ key, variantLabel: cell.variantId, providerId: cell.providerId, modelId: cell.modelId }))
      index.set(key, i)
    }
    const column = next[i]!
    switch (cell.status) {
      case 'passed':
        column.passed += 1
        break
      case 'failed':
        column.failed += 1
        break
      case 'score_error':
        column.scoreErrors += 1
        break
      case 'error':
        column.errored += 1
        break
      case 'cancelled':
        column.cancelled += 1
        break
    }
    if (cell.cached) column.cached += 1
    column.retries += Math.max(0, cell.attempts - 1)
  }
  return next
}

/** Cells of a column that finished in this session (answered or errored; cancelled ones are not done). */
export function columnDone(c: LiveColumn): number {
  return c.passed + c.failed + c.scoreErrors + c.errored
}

/**
 * The run's count line: "12 of 20 cells" while it runs; once it ended with totals, the cells really done (this
 * session's and those done before a resume) and the cancelled ones apart, since the engine's progress counts
 * cancelled cells as handled.
 */
export function countLine(run: Pick<LiveRun, 'phase' | 'progress' | 'cells' | 'totals' | 'alreadyDone'>): string {
  const total = run.progress?.total ?? run.cells
  if (run.totals && !isLiveActive(run)) {
    const t = run.totals
    const done = t.completed + t.errored + t.skipped
    return `${done} of ${t.cells} cells done${t.cancelled > 0 ? `, ${t.cancelled} cancelled` : ''}`
  }
  if (total <= 0) return isLiveActive(run) ? 'preparing…' : ''
  return `${run.progress?.done ?? 0} of ${total} cells`
}

/** passed ÷ (passed + failed + errored), as the results compute it; null before anything is decided. */
export function livePassRate(c: LiveColumn): number | null {
  const decided = c.passed + c.failed + c.errored
  return decided === 0 ? null : c.passed / decided
}

/** Applies one job event; pure. `now` stamps the start, the end and retries. */
export function applyEvalEvent(run: LiveRun, event: EvalRunEvent, now = Date.now()): LiveRun {
  switch (event.type) {
    case 'run-created':
      return {
        ...run,
        phase: run.phase === 'starting' ? 'running' : run.phase,
        runId: event.runId,
        resumed: event.resumed,
        cells: event.cells,
        alreadyDone: event.alreadyDone,
        progress: run.progress ?? { done: event.alreadyDone, total: event.cells },
        columns: event.columns.map((c) => run.columns.find((x) => x.key === c.key) ?? emptyColumn(c))
      }
    case 'progress':
      return { ...run, progress: { done: event.done, total: event.total } }
    case 'cells':
      return { ...run, columns: countCells(run.columns, event.cells) }
    case 'retry':
      return {
        ...run,
        retryCount: run.retryCount + 1,
        lastRetry: { providerId: event.providerId, modelId: event.modelId, errorClass: event.errorClass, waitMs: event.waitMs, at: now }
      }
    case 'totals':
      return { ...run, totals: event.totals, verdict: event.verdict }
    case 'status':
      if (event.status === 'running') return { ...run, phase: 'running' }
      return { ...run, phase: event.status, error: event.error, finishedAt: run.finishedAt ?? now }
  }
}

/** Milliseconds since the run started (frozen once it ended). */
export function elapsedMs(run: Pick<LiveRun, 'startedAt' | 'finishedAt'>, now = Date.now()): number {
  if (run.startedAt === null) return 0
  return Math.max(0, (run.finishedAt ?? now) - run.startedAt)
}

/** Done ÷ total as a 0..100 percentage for a progress bar (0 without a total). */
export function progressPercent(progress: { done: number; total: number } | null): number {
  if (!progress || progress.total <= 0) return 0
  return Math.min(100, Math.max(0, (progress.done / progress.total) * 100))
}
