import { describe, expect, it } from 'vitest'
import type { EvalCellEvent, EvalRunEvent } from '../../src/core/schemas/eval-api'
import { applyEvalEvent, cellColumnKey, columnDone, countCells, countLine, elapsedMs, initialLiveRun, isLiveActive, livePassRate, progressPercent } from './eval-live'
import type { LiveRun } from './eval-live'

const columns = [
  { key: 'v1|emu|emu-swift', variantId: 'v1', variantLabel: 'Triage v1', providerId: 'emu', modelId: 'emu-swift' },
  { key: 'v1|emu|emu-flaky', variantId: 'v1', variantLabel: 'Triage v1', providerId: 'emu', modelId: 'emu-flaky' }
]

function cell(modelId: string, status: EvalCellEvent['status'], extra: Partial<EvalCellEvent> = {}): EvalCellEvent {
  return { caseId: 'c', variantId: 'v1', providerId: 'emu', modelId, repeatIndex: 0, status, score: null, latencyMs: 10, costUsd: 0, attempts: 1, cached: false, errorClass: null, ...extra }
}

function play(events: EvalRunEvent[], start: LiveRun = { ...initialLiveRun, phase: 'starting', startedAt: 1000 }): LiveRun {
  return events.reduce((run, e, i) => applyEvalEvent(run, e, 2000 + i), start)
}

describe('live eval run', () => {
  it('sets up the columns and progress when the run is created', () => {
    const run = play([{ type: 'run-created', runId: 'r1', resumed: false, cells: 20, alreadyDone: 0, columns }])
    expect(run).toMatchObject({ phase: 'running', runId: 'r1', cells: 20, progress: { done: 0, total: 20 } })
    expect(run.columns.map((c) => c.modelId)).toEqual(['emu-swift', 'emu-flaky'])
    expect(isLiveActive(run)).toBe(true)
  })

  it('counts passed, failed, errors, retries and cache hits per column from cell batches', () => {
    const run = play([
      { type: 'run-created', runId: 'r1', resumed: false, cells: 6, alreadyDone: 0, columns },
      { type: 'cells', cells: [cell('emu-swift', 'passed'), cell('emu-swift', 'failed'), cell('emu-flaky', 'error', { attempts: 3, errorClass: 'rate_limited' })] },
      { type: 'cells', cells: [cell('emu-swift', 'passed', { cached: true }), cell('emu-flaky', 'passed', { attempts: 2 }), cell('emu-flaky', 'score_error')] },
      { type: 'progress', done: 6, total: 6 }
    ])
    const [swift, flaky] = run.columns
    expect(swift).toMatchObject({ passed: 2, failed: 1, errored: 0, cached: 1, retries: 0 })
    expect(flaky).toMatchObject({ passed: 1, errored: 1, scoreErrors: 1, retries: 3 })
    expect(columnDone(flaky!)).toBe(3)
    expect(livePassRate(swift!)).toBeCloseTo(2 / 3)
    // A scoring error is not decided; a provider error counts against the model.
    expect(livePassRate(flaky!)).toBeCloseTo(1 / 2)
    expect(progressPercent(run.progress)).toBe(100)
  })

  it('keeps cells of a column it was not told about', () => {
    const next = countCells([], [cell('emu-deep', 'passed')])
    expect(next).toHaveLength(1)
    expect(next[0]).toMatchObject({ key: 'v1|emu|emu-deep', passed: 1 })
    expect(cellColumnKey(cell('emu-deep', 'passed'))).toBe('v1|emu|emu-deep')
  })

  it('records retries, totals, the verdict and the end, and freezes the elapsed time', () => {
    const run = play([
      { type: 'run-created', runId: 'r1', resumed: false, cells: 2, alreadyDone: 0, columns },
      { type: 'retry', providerId: 'emu', modelId: 'emu-flaky', errorClass: 'rate_limited', waitMs: 1000 },
      { type: 'retry', providerId: 'emu', modelId: 'emu-flaky', errorClass: 'server_error', waitMs: 500 },
      {
        type: 'totals',
        totals: { cells: 2, skipped: 0, completed: 2, passed: 1, failed: 1, scoreErrors: 0, errored: 0, cancelled: 0, calls: 4, cacheHits: 0, costUsd: 0.001 },
        verdict: 'fail'
      },
      { type: 'status', status: 'completed', error: null }
    ])
    expect(run.retryCount).toBe(2)
    expect(run.lastRetry).toMatchObject({ errorClass: 'server_error', waitMs: 500, at: 2002 })
    expect(run.verdict).toBe('fail')
    expect(run.totals?.calls).toBe(4)
    expect(run.phase).toBe('completed')
    expect(isLiveActive(run)).toBe(false)
    expect(elapsedMs(run, 99_999)).toBe(run.finishedAt! - 1000)
  })

  it('starts a resumed run from the cells already done', () => {
    const run = play([{ type: 'run-created', runId: 'r1', resumed: true, cells: 10, alreadyDone: 4, columns }])
    expect(run).toMatchObject({ resumed: true, alreadyDone: 4, progress: { done: 4, total: 10 } })
    expect(progressPercent(run.progress)).toBe(40)
    expect(progressPercent(null)).toBe(0)
  })

  it('ends as cancelled or failed with the error', () => {
    const cancelled = play([{ type: 'status', status: 'cancelled', error: null }])
    expect(cancelled.phase).toBe('cancelled')
    const failed = play([{ type: 'status', status: 'failed', error: { code: 'INTERNAL', message: 'boom' } }])
    expect(failed).toMatchObject({ phase: 'failed', error: { message: 'boom' } })
  })

  it('says how far the run got: cells while running, done and cancelled apart once it ended', () => {
    const starting = { ...initialLiveRun, phase: 'running' as const }
    expect(countLine(starting)).toBe('preparing…')
    const running = play([
      { type: 'run-created', runId: 'r1', resumed: true, cells: 400, alreadyDone: 3, columns },
      { type: 'progress', done: 10, total: 400 }
    ])
    expect(countLine(running)).toBe('10 of 400 cells')
    const cancelled = play(
      [
        {
          type: 'totals',
          totals: { cells: 400, skipped: 3, completed: 5, passed: 1, failed: 4, scoreErrors: 0, errored: 2, cancelled: 390, calls: 8, cacheHits: 0, costUsd: 0 },
          verdict: 'fail'
        },
        { type: 'progress', done: 400, total: 400 },
        { type: 'status', status: 'cancelled', error: null }
      ],
      running
    )
    // The engine's progress counts cancelled cells as handled; the line does not.
    expect(countLine(cancelled)).toBe('10 of 400 cells done, 390 cancelled')
    const column = countCells(running.columns, [cell('emu-swift', 'cancelled'), cell('emu-swift', 'passed')])[0]!
    expect(column.cancelled).toBe(1)
    expect(columnDone(column)).toBe(1)
  })
})
