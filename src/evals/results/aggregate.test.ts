import { describe, expect, it } from 'vitest'
import { aggregateResults, columnKeyOf, type FinalCallRow, type SpendRow } from './aggregate'

const columns = [
  { key: columnKeyOf('v1', 'p', 'fast'), variantId: 'v1', variantLabel: 'v1', providerId: 'p', modelId: 'fast' },
  { key: columnKeyOf('v1', 'p', 'slow'), variantId: 'v1', variantLabel: 'v1', providerId: 'p', modelId: 'slow' }
]
const cases = [0, 1, 2, 3].map((i) => ({ id: `c${i}`, position: i, label: `case ${i}` }))

function row(caseId: string, modelId: string, repeatIndex: number, outcome: 'pass' | 'fail' | 'error' | 'score_error', latencyMs = 100): FinalCallRow {
  return {
    callId: `${caseId}.${modelId}.${repeatIndex}`,
    caseId,
    variant: 'v1',
    providerId: 'p',
    modelId,
    repeatIndex,
    status: outcome === 'error' ? 'error' : 'ok',
    cacheHit: false,
    latencyMs: outcome === 'error' ? null : latencyMs,
    ttftMs: outcome === 'error' ? null : latencyMs / 4,
    errorClass: outcome === 'error' ? 'server_error' : null,
    pass: outcome === 'pass' ? true : outcome === 'fail' ? false : null,
    score: outcome === 'pass' ? 1 : outcome === 'fail' ? 0 : null
  }
}
const spend = (modelId: string, costUsd: number, calls: number, finals: number): SpendRow => ({ variant: 'v1', providerId: 'p', modelId, costUsd, inputTokens: 10 * calls, outputTokens: 5 * calls, calls, finals, cacheHits: 0 })

describe('aggregateResults', () => {
  const finals = [
    row('c0', 'fast', 0, 'pass', 100),
    row('c1', 'fast', 0, 'pass', 200),
    row('c2', 'fast', 0, 'fail', 300),
    row('c3', 'fast', 0, 'error'),
    row('c0', 'slow', 0, 'pass', 1000),
    row('c1', 'slow', 0, 'fail', 2000),
    row('c2', 'slow', 0, 'score_error', 3000)
  ]
  const results = aggregateResults({
    runId: 'r',
    status: 'completed',
    repeats: 1,
    columns,
    cases,
    finals,
    spend: [spend('fast', 0.04, 5, 4), spend('slow', 0.3, 3, 3)],
    thresholds: { minPassRate: 0.5, maxP95LatencyMs: 1500 }
  })

  it('counts outcomes per column: provider errors count against the pass rate, scoring errors do not', () => {
    const [fast, slow] = results.stats
    expect(fast).toMatchObject({ cells: 4, decided: 4, passed: 2, failed: 1, errored: 1, scoreErrors: 0, pending: 0, passRate: 0.5, calls: 5, retries: 1 })
    expect(slow).toMatchObject({ cells: 4, decided: 2, passed: 1, failed: 1, errored: 0, scoreErrors: 1, pending: 1, passRate: 0.5 })
    expect(fast?.passRateInterval?.low).toBeCloseTo(0.15, 2)
    expect(fast?.passRateInterval?.high).toBeCloseTo(0.85, 2)
  })

  it('cost per success is all spend over passed cases; latency percentiles come from successful calls', () => {
    const [fast, slow] = results.stats
    expect(fast?.costPerSuccessUsd).toBeCloseTo(0.02)
    expect(slow?.costPerSuccessUsd).toBeCloseTo(0.3)
    expect(fast?.latencyP50Ms).toBe(200)
    expect(slow?.latencyP95Ms).toBeGreaterThan(2000)
    expect(fast?.inputTokens).toBe(50)
  })

  it('marks rows where the columns disagree and keeps pending cells visible', () => {
    expect(results.rows.map((r) => r.disagree)).toEqual([false, true, false, false])
    expect(results.rows[3]?.cells[1]?.repeats[0]?.status).toBe('pending')
  })

  it('evaluates gates per column with a sentence each, and the run verdict', () => {
    expect(results.gates.map((g) => [g.gate, g.pass])).toEqual([
      ['minPassRate', true],
      ['maxP95LatencyMs', true],
      ['minPassRate', true],
      ['maxP95LatencyMs', false]
    ])
    expect(results.gates[3]?.message).toMatch(/v1 · slow: p95 latency \d+ ms > 1500 ms/)
    expect(results.verdict).toBe('fail')
  })

  it('filters rows and pages them', () => {
    const failures = aggregateResults({ runId: 'r', status: 'completed', repeats: 1, columns, cases, finals, spend: [], thresholds: {}, filter: 'failures' })
    expect(failures.rows.map((r) => r.caseId)).toEqual(['c1', 'c2'])
    expect(failures.verdict).toBe('none')
    const errors = aggregateResults({ runId: 'r', status: 'completed', repeats: 1, columns, cases, finals, spend: [], thresholds: {}, filter: 'errors', offset: 1, limit: 5 })
    expect(errors.totalRows).toBe(2)
    expect(errors.rows.map((r) => r.caseId)).toEqual(['c3'])
  })

  it('with repeats: pass@k, pass^k and flaky cases', () => {
    const repeated = aggregateResults({
      runId: 'r',
      status: 'completed',
      repeats: 3,
      columns: [columns[0]!],
      cases: cases.slice(0, 2),
      finals: [row('c0', 'fast', 0, 'pass'), row('c0', 'fast', 1, 'fail'), row('c0', 'fast', 2, 'pass'), row('c1', 'fast', 0, 'pass'), row('c1', 'fast', 1, 'pass'), row('c1', 'fast', 2, 'pass')],
      spend: [],
      thresholds: {}
    })
    // c0: 2 of 3 → pass@3 = 1, pass^3 = 0; c1: 3 of 3 → 1 and 1.
    expect(repeated.stats[0]).toMatchObject({ passAtK: 1, passHatK: 0.5 })
    expect(repeated.rows.map((r) => r.flaky)).toEqual([true, false])
    expect(repeated.rows[0]?.cells[0]?.passRate).toBeCloseTo(2 / 3)
  })
})
