import { describe, expect, it } from 'vitest'
import { BACKOFF_CAP_MS, cancellableSleep, isRetryable, parseRetryAfterMs, retryDelayMs } from './retry-policy'

describe('retryDelayMs', () => {
  it('keeps every jittered backoff in [0.75·base·2^n, base·2^n] and under the cap (10k samples)', () => {
    let seed = 42
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (let i = 0; i < 10_000; i++) {
      const attempt = i % 8
      const full = Math.min(500 * 2 ** attempt, BACKOFF_CAP_MS)
      const delay = retryDelayMs(attempt, { retryAfterMs: null, maxRetryAfterMs: 60_000, random })
      expect(delay).not.toBeNull()
      expect(delay as number).toBeGreaterThanOrEqual(0.75 * full)
      expect(delay as number).toBeLessThanOrEqual(full)
      expect(delay as number).toBeLessThanOrEqual(BACKOFF_CAP_MS)
    }
  })

  it('honours Retry-After up to the cap and gives up beyond it', () => {
    expect(retryDelayMs(0, { retryAfterMs: 2000, maxRetryAfterMs: 60_000, random: () => 0.5 })).toBe(2000)
    expect(retryDelayMs(3, { retryAfterMs: 0, maxRetryAfterMs: 60_000, random: () => 0.5 })).toBe(0)
    expect(retryDelayMs(0, { retryAfterMs: 3_600_000, maxRetryAfterMs: 60_000, random: () => 0.5 })).toBeNull()
  })

  it('parses retry-after-ms, seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    const h = (values: Record<string, string>) => (name: string) => values[name]
    expect(parseRetryAfterMs(h({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500)
    expect(parseRetryAfterMs(h({ 'retry-after': '2' }), now)).toBe(2000)
    expect(parseRetryAfterMs(h({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000)
    expect(parseRetryAfterMs(h({ 'retry-after': 'soon' }), now)).toBeNull()
    expect(parseRetryAfterMs(h({}), now)).toBeNull()
  })
})

describe('isRetryable', () => {
  it('retries transient classes only', () => {
    for (const c of ['rate_limited', 'server_error', 'network', 'timeout_connect'] as const) expect(isRetryable(c)).toBe(true)
    for (const c of ['auth', 'bad_request', 'not_found', 'content_filter', 'stream_interrupted', 'malformed_response', 'cancelled', 'missing_key'] as const) {
      expect(isRetryable(c)).toBe(false)
    }
  })
})

describe('cancellableSleep', () => {
  it('resolves false as soon as the signal aborts', async () => {
    const controller = new AbortController()
    const started = performance.now()
    setTimeout(() => controller.abort(), 20)
    expect(await cancellableSleep(5000, controller.signal)).toBe(false)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
