import { describe, expect, it } from 'vitest'
import { formatUsd } from './metric-checks'
import { runOne } from './test-support'

const metrics = { latencyMs: 820, ttftMs: 140.26, costUsd: 0.00042 }

describe('latency, ttft and cost', () => {
  it('pass at or under the threshold', async () => {
    expect(await runOne({ type: 'latency', threshold: 1000 }, '', { metrics })).toMatchObject({ status: 'pass', reason: 'Latency 820 ms is within 1000 ms' })
    expect(await runOne({ type: 'ttft', threshold: 140.3 }, '', { metrics })).toMatchObject({ status: 'pass', reason: 'Time to first token 140.3 ms is within 140.3 ms' })
    expect(await runOne({ type: 'cost', threshold: 0.001 }, '', { metrics })).toMatchObject({ status: 'pass', reason: 'Cost $0.00042 is within $0.001' })
  })
  it('fail over the threshold', async () => {
    expect(await runOne({ type: 'latency', threshold: 500 }, '', { metrics })).toMatchObject({ status: 'fail', reason: 'Latency 820 ms is over 500 ms' })
    expect(await runOne({ type: 'ttft', threshold: 100 }, '', { metrics })).toMatchObject({ status: 'fail', reason: 'Time to first token 140.3 ms is over 100 ms' })
    expect(await runOne({ type: 'cost', threshold: 0.0001 }, '', { metrics })).toMatchObject({ status: 'fail', reason: 'Cost $0.00042 is over $0.0001' })
  })
  it('are errors, not fails, when the measurement is missing', async () => {
    expect(await runOne({ type: 'latency', threshold: 500 }, '', {})).toMatchObject({ status: 'error', error: 'no latency was measured for this call (a cached answer has none)' })
    expect(await runOne({ type: 'ttft', threshold: 500 }, '', { metrics: { ttftMs: null } })).toMatchObject({
      status: 'error',
      error: 'no time to first token was measured for this call (it was not streamed, or came from the cache)'
    })
    expect((await runOne({ type: 'cost', threshold: 1 }, '', { metrics: { costUsd: null } })).error).toMatch(/^the cost of this call is unknown/)
  })
})

describe('formatUsd', () => {
  it('shows dollars compactly', () => {
    expect(formatUsd(0)).toBe('$0')
    expect(formatUsd(0.5)).toBe('$0.5')
    expect(formatUsd(1.23456)).toBe('$1.2346')
    expect(formatUsd(0.000034)).toBe('$0.000034')
    expect(formatUsd(0.0012)).toBe('$0.0012')
  })
})
