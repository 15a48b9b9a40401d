import { describe, expect, it } from 'vitest'
import type { ColumnMetrics } from '../../src/core/schemas/playground'
import { appendDeltas, applyRunEvent, columnLabel, initialRun, prettyJson, spread, summarise } from './playground-run'

const metrics = (over: Partial<ColumnMetrics> = {}): ColumnMetrics => ({
  callId: 'c',
  attempts: 1,
  ok: true,
  status: 'ok',
  firstByteMs: 10,
  ttftMs: 100,
  latencyMs: 1000,
  outputTokensPerSecond: 50,
  inputTokens: 12,
  outputTokens: 40,
  cachedTokens: null,
  usageEstimated: false,
  costUsd: 0.001,
  finishReason: 'stop',
  errorClass: null,
  errorMessage: null,
  httpStatus: null,
  json: null,
  ...over
})

const created = applyRunEvent(
  { ...initialRun, phase: 'running', jobId: 'j' },
  {
    type: 'run-created',
    runId: 'r1',
    columns: [
      { columnId: '0.r0', providerId: 'p', modelId: 'a', repeatIndex: 0 },
      { columnId: '0.r1', providerId: 'p', modelId: 'a', repeatIndex: 1 },
      { columnId: '1.r0', providerId: 'p', modelId: 'b', repeatIndex: 0 }
    ]
  }
)

describe('playground run state', () => {
  it('creates one waiting column per model × repeat', () => {
    expect(created.runId).toBe('r1')
    expect(created.order.map((c) => c.columnId)).toEqual(['0.r0', '0.r1', '1.r0'])
    expect(created.columns['0.r1']).toMatchObject({ phase: 'waiting', text: '' })
  })

  it('appends buffered deltas and leaves other columns untouched', () => {
    const next = appendDeltas(created, new Map([['0.r0', 'Hello']]))
    expect(next.columns['0.r0']).toMatchObject({ phase: 'streaming', text: 'Hello' })
    expect(next.columns['1.r0']).toBe(created.columns['1.r0'])
  })

  it('records retries, restarts text on a new attempt, and finishes with metrics', () => {
    let s = appendDeltas(created, new Map([['1.r0', 'partial']]))
    s = applyRunEvent(s, { type: 'retry', columnId: '1.r0', attempt: 1, waitMs: 2000, errorClass: 'rate_limited', message: '429' }, 1000)
    expect(s.columns['1.r0']?.retry).toMatchObject({ waitMs: 2000, at: 1000, errorClass: 'rate_limited' })
    s = applyRunEvent(s, { type: 'column-started', columnId: '1.r0', attempt: 2 })
    expect(s.columns['1.r0']).toMatchObject({ text: '', attempt: 2, phase: 'streaming' })
    s = applyRunEvent(s, { type: 'column-finished', columnId: '1.r0', metrics: metrics({ ok: false, status: 'error', errorClass: 'missing_key' }) })
    expect(s.columns['1.r0']).toMatchObject({ phase: 'error', retry: null })
  })

  it('marks unfinished columns cancelled when the job is cancelled', () => {
    const s = applyRunEvent(created, { type: 'status', status: 'cancelled', error: null })
    expect(s.phase).toBe('cancelled')
    expect(Object.values(s.columns).every((c) => c.phase === 'cancelled')).toBe(true)
  })

  it('labels repeats and summarises min / median / max per model', () => {
    expect(columnLabel({ modelId: 'a', repeatIndex: 1 }, true)).toBe('a #2')
    expect(columnLabel({ modelId: 'a', repeatIndex: 0 }, false)).toBe('a')
    let s = applyRunEvent(created, { type: 'column-finished', columnId: '0.r0', metrics: metrics({ ttftMs: 100 }) })
    s = applyRunEvent(s, { type: 'column-finished', columnId: '0.r1', metrics: metrics({ ttftMs: 300 }) })
    const [a, b] = summarise(s.order.map((r) => s.columns[r.columnId]!))
    expect(a).toMatchObject({ modelId: 'a', runs: 2, ok: 2, ttftMs: { min: 100, median: 200, max: 300 } })
    expect(b).toMatchObject({ modelId: 'b', ok: 0, ttftMs: { min: null } })
    expect(spread([3, null, 1, 2])).toEqual({ min: 1, median: 2, max: 3 })
  })

  it('pretty-prints JSON that parses', () => {
    expect(prettyJson('{"a":1}')).toEqual({ text: '{\n  "a": 1\n}', parsed: true })
    expect(prettyJson('nope').parsed).toBe(false)
  })
})
