/**
 * Timing: when the first token and every following token of a reply are due, in ms after the request
 * arrived. TTFT is log-normal with the profile's median and p95 (clamped to [0, 3 × p95]); tokens then
 * follow at `tokensPerSecond`, each gap shifted by a uniform ±jitterMs (never going backwards in time).
 */
import { normal } from './rng'
import type { Rng } from './rng'
import type { LatencyProfile } from './profile'

/** z-score of the 95th percentile of a standard normal distribution. */
const Z95 = 1.6448536269514722

export interface Schedule {
  /** Delay from request arrival to the first content piece. */
  ttftMs: number
  /** Due time (ms after arrival) of each piece; the first equals ttftMs. */
  pieceTimesMs: Float64Array
  /** Due time of the end of the reply (the last piece, or ttftMs with no pieces). */
  endMs: number
}

export interface TimingOverrides {
  ttftMs?: number
  /** null = unlimited. */
  tokensPerSecond?: number | null
}

export function sampleTtftMs(latency: LatencyProfile, rng: Rng): number {
  const { median, p95 } = latency.ttftMs
  if (median <= 0 && p95 <= 0) return 0
  if (p95 <= median || median <= 0) return median > 0 ? median : rng() * p95
  const sigma = Math.log(p95 / median) / Z95
  const value = median * Math.exp(sigma * normal(rng))
  return Math.min(Math.max(0, value), p95 * 3)
}

export function buildSchedule(latency: LatencyProfile, pieceCount: number, rng: Rng, overrides: TimingOverrides = {}): Schedule {
  const ttftMs = overrides.ttftMs ?? sampleTtftMs(latency, rng)
  const tps = overrides.tokensPerSecond !== undefined ? overrides.tokensPerSecond : latency.tokensPerSecond
  const times = new Float64Array(pieceCount)
  if (!tps || tps <= 0) {
    times.fill(ttftMs)
    return { ttftMs, pieceTimesMs: times, endMs: ttftMs }
  }
  const gap = 1000 / tps
  const jitter = latency.jitterMs
  let previous = ttftMs
  for (let i = 0; i < pieceCount; i++) {
    let due = ttftMs + i * gap
    if (i > 0 && jitter > 0) due += (rng() * 2 - 1) * jitter
    if (due < previous) due = previous
    times[i] = due
    previous = due
  }
  return { ttftMs, pieceTimesMs: times, endMs: pieceCount > 0 ? previous : ttftMs }
}

/** True when the whole reply is due at once, immediately (the benchmark hot path). */
export function isImmediate(schedule: Schedule): boolean {
  return schedule.ttftMs <= 0 && schedule.endMs <= 0
}
