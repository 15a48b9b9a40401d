import { describe, expect, it } from 'vitest'
import { contractStatus, measureCalls, percentile, usd } from './contract-status'
import type { MeasuredCallRow, StatusInput } from './contract-status'
import type { MeasuredRun } from './schemas/contract-editor'
import { ContractStatus } from './schemas/contract-editor'

let n = 0
function row(extra: Partial<MeasuredCallRow> = {}): MeasuredCallRow {
  n += 1
  return {
    id: `c${n}`,
    caseId: `case${n}`,
    providerId: 'p',
    modelId: 'a',
    repeatIndex: 0,
    attempt: 1,
    status: 'ok',
    latencyMs: 100,
    ttftMs: 50,
    costUsd: 0.001,
    scoreCount: 1,
    passCount: 1,
    ...extra
  }
}

function run(extra: Partial<MeasuredRun> = {}): MeasuredRun {
  return {
    runId: 'r1',
    kind: 'eval',
    title: 'Eval',
    finishedAt: '2026-01-01T00:00:00.000Z',
    contractVersionId: 'v3',
    version: 3,
    model: { providerId: 'p', modelId: 'a' },
    calls: 100,
    errors: 0,
    passRate: { passed: 98, total: 100, rate: 0.98, low: 0.93, high: 0.995 },
    p95LatencyMs: 900,
    p95TtftMs: 300,
    costPerRequestUsd: 0.001,
    ...extra
  }
}

const budgets = { p95LatencyMs: 1500, p95TtftMs: 600, maxCostPerRequestUsd: 0.002, minPassRate: 0.9 }
const input = (extra: Partial<StatusInput> = {}): StatusInput => ({ contractId: 'c', budgets, latestVersion: 3, quality: run(), performance: run(), ...extra })

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([], 95)).toBeNull()
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5.5)
    expect(percentile([10, 1, 5], 100)).toBe(10)
    expect(percentile(Array.from({ length: 101 }, (_, i) => i), 95)).toBe(95)
  })
})

describe('measureCalls', () => {
  it('passes a case only when every repeat ends ok and no score failed; retries are allowed', () => {
    const rows = [
      row({ caseId: 'k1', repeatIndex: 0 }),
      row({ caseId: 'k1', repeatIndex: 1 }),
      row({ caseId: 'k2', status: 'error', attempt: 1, scoreCount: 0, passCount: 0, latencyMs: null }),
      row({ caseId: 'k2', attempt: 2 }),
      row({ caseId: 'k3', scoreCount: 3, passCount: 2 }),
      row({ caseId: 'k4', status: 'error', scoreCount: 0, passCount: 0 }),
      row({ caseId: 'k5', repeatIndex: 0 }),
      row({ caseId: 'k5', repeatIndex: 1, status: 'error', scoreCount: 0, passCount: 0 })
    ]
    const figures = measureCalls(rows, [])
    expect(figures.passRate).toMatchObject({ passed: 2, total: 5, rate: 0.4 })
    expect(figures.passRate!.low).toBeLessThan(0.4)
    expect(figures.passRate!.high).toBeGreaterThan(0.4)
    expect(figures).toMatchObject({ model: null, calls: 8, errors: 3 })
  })

  it('has no pass rate without scores, and leaves cancelled calls out', () => {
    const figures = measureCalls([row({ scoreCount: 0, passCount: 0 }), row({ status: 'cancelled', latencyMs: 99_999 })], [])
    expect(figures.passRate).toBeNull()
    expect(figures.calls).toBe(1)
    expect(figures.p95LatencyMs).toBe(100)
  })

  it('measures the first preferred model the run measured, else every model', () => {
    const rows = [row({ modelId: 'a', latencyMs: 100 }), row({ modelId: 'b', latencyMs: 900 })]
    expect(measureCalls(rows, [{ providerId: 'p', modelId: 'zzz' }, { providerId: 'p', modelId: 'b' }])).toMatchObject({ model: { providerId: 'p', modelId: 'b' }, p95LatencyMs: 900, calls: 1 })
    expect(measureCalls(rows, [{ providerId: 'p', modelId: 'zzz' }])).toMatchObject({ model: null, calls: 2, p95LatencyMs: 860 })
  })

  it('takes p95 over ok calls and cost per request over every attempt', () => {
    const rows = [
      ...Array.from({ length: 19 }, (_, i) => row({ latencyMs: 100 + i, ttftMs: 10 + i, costUsd: 0.001 })),
      row({ caseId: 'retry', status: 'error', latencyMs: 5000, costUsd: 0.001, scoreCount: 0, passCount: 0 }),
      row({ caseId: 'retry', attempt: 2, latencyMs: 2000, ttftMs: 500, costUsd: 0.001 })
    ]
    const figures = measureCalls(rows, [])
    expect(figures.p95LatencyMs).toBeCloseTo(percentile([...Array.from({ length: 19 }, (_, i) => 100 + i), 2000], 95)!)
    // 21 calls' cost over 20 requests (the retried case is one request)
    expect(figures.costPerRequestUsd).toBeCloseTo((21 * 0.001) / 20, 10)
  })

  it('has no cost when no call has a price', () => {
    expect(measureCalls([row({ costUsd: null })], []).costPerRequestUsd).toBeNull()
  })
})

describe('contractStatus', () => {
  it('is unmeasured until an eval or a benchmark exists', () => {
    const status = contractStatus(input({ quality: null, performance: null }))
    expect(status).toMatchObject({ level: 'unmeasured', checks: [], summary: expect.stringMatching(/^Not yet measured/) })
    expect(ContractStatus.parse(status)).toEqual(status)
  })

  it('is green when every budget holds with room on the latest version', () => {
    const status = contractStatus(input())
    expect(status.level).toBe('green')
    expect(status.summary).toBe('Within every budget on v3.')
    expect(status.checks.map((c) => c.text)).toEqual([
      'pass rate 98% (95% interval 93–99.5%, 98 of 100 cases) is above the 90% minimum',
      'p95 latency 900 ms is within the 1,500 ms budget',
      'p95 time to first token 300 ms is within the 600 ms budget',
      'cost per request $0.001 is within the $0.002 budget'
    ])
    expect(ContractStatus.parse(status)).toEqual(status)
  })

  it('is red over a latency budget, saying so in words, worst first', () => {
    const status = contractStatus(input({ performance: run({ runId: 'b1', kind: 'bench', p95LatencyMs: 1840 }) }))
    expect(status.level).toBe('red')
    expect(status.summary).toBe('P95 latency 1,840 ms is over the 1,500 ms budget.')
    expect(status.checks[0]).toEqual({ metric: 'p95_latency', level: 'red', text: 'p95 latency 1,840 ms is over the 1,500 ms budget' })
  })

  it('is amber within 10% of a budget, and red just over it', () => {
    expect(contractStatus(input({ performance: run({ p95TtftMs: 541 }) })).checks[0]).toMatchObject({ metric: 'p95_ttft', level: 'amber', text: 'p95 time to first token 541 ms is within 10% of the 600 ms budget' })
    expect(contractStatus(input({ performance: run({ p95TtftMs: 540 }) })).level).toBe('green')
    expect(contractStatus(input({ performance: run({ costPerRequestUsd: 0.0021 }) })).checks[0]).toMatchObject({ metric: 'cost', level: 'red', text: 'cost per request $0.0021 is over the $0.002 budget' })
    expect(contractStatus(input({ performance: run({ p95LatencyMs: 1500 }) })).checks[0]).toMatchObject({ level: 'amber' })
  })

  it('judges the pass rate by its interval', () => {
    const rate = (passed: number, total: number, low: number, high: number) => ({ passed, total, rate: passed / total, low, high })
    const red = contractStatus(input({ quality: run({ passRate: rate(36, 50, 0.58, 0.83) }) }))
    expect(red.level).toBe('red')
    expect(red.checks[0]!.text).toBe('pass rate 72% (95% interval 58–83%, 36 of 50 cases) is below the 90% minimum')
    const amberAbove = contractStatus(input({ quality: run({ passRate: rate(19, 20, 0.76, 0.99) }) }))
    expect(amberAbove.level).toBe('amber')
    expect(amberAbove.checks[0]!.text).toMatch(/pass rate 95% .* meets the 90% minimum, but its interval reaches below it: more cases would settle it/)
    const amberBelow = contractStatus(input({ quality: run({ passRate: rate(17, 20, 0.64, 0.95) }) }))
    expect(amberBelow.checks[0]!.text).toMatch(/is under the 90% minimum, but its interval reaches above it/)
  })

  it('needs every case for a 100% minimum', () => {
    const all = { passed: 20, total: 20, rate: 1, low: 0.84, high: 1 }
    expect(contractStatus(input({ budgets: { ...budgets, minPassRate: 1 }, quality: run({ passRate: all }) })).checks[0]).toMatchObject({ metric: 'pass_rate', level: 'green' })
    expect(contractStatus(input({ budgets: { ...budgets, minPassRate: 1 }, quality: run({ passRate: { ...all, passed: 19, rate: 0.95 } }) })).level).toBe('red')
  })

  it('is amber when a budgeted figure was not measured', () => {
    const benchOnly = contractStatus(input({ quality: null, performance: run({ kind: 'bench', passRate: null }) }))
    expect(benchOnly.level).toBe('amber')
    expect(benchOnly.checks[0]).toEqual({ metric: 'pass_rate', level: 'amber', text: 'pass rate not measured yet (run an eval with assertions); the minimum is 90%' })
    const allFailed = contractStatus(input({ performance: run({ calls: 10, errors: 10, p95LatencyMs: null, p95TtftMs: null }) }))
    expect(allFailed.checks[0]!.text).toBe('p95 latency not measured (no call succeeded); the budget is 1,500 ms')
    const noPrice = contractStatus(input({ performance: run({ costPerRequestUsd: null }) }))
    expect(noPrice.checks[0]!.text).toMatch(/cost per request not measured \(the model has no price: set one in Providers\)/)
  })

  it('is amber when the measured version is not the latest, naming both', () => {
    const status = contractStatus(input({ latestVersion: 4 }))
    expect(status.level).toBe('amber')
    expect(status.checks[0]).toEqual({ metric: 'version', level: 'amber', text: 'the eval measured v3, but the latest version is v4: run it again on v4' })
    expect(status.checks.filter((c) => c.metric === 'version')).toHaveLength(1)
    const bench = contractStatus(input({ latestVersion: 4, quality: run({ version: 4 }), performance: run({ runId: 'b', kind: 'bench', version: 2 }) }))
    expect(bench.checks.map((c) => c.text)).toContain('the benchmark measured v2, but the latest version is v4: run it again on v4')
  })

  it('is amber without any budget', () => {
    const status = contractStatus(input({ budgets: { p95LatencyMs: null, p95TtftMs: null, maxCostPerRequestUsd: null, minPassRate: null } }))
    expect(status).toMatchObject({ level: 'amber', checks: [{ metric: 'budgets', level: 'amber' }] })
  })

  it('falls back on the eval for latency and cost when there is no separate benchmark', () => {
    const status = contractStatus(input({ performance: null, quality: run({ p95LatencyMs: 2000 }) }))
    expect(status.level).toBe('red')
    expect(status.checks[0]!.metric).toBe('p95_latency')
  })
})

describe('usd', () => {
  it('shows small amounts with three significant digits', () => {
    expect(usd(0)).toBe('$0')
    expect(usd(0.002)).toBe('$0.002')
    expect(usd(0.00123456)).toBe('$0.00123')
    expect(usd(1.5)).toBe('$1.50')
  })
})
