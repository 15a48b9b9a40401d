import { describe, expect, it } from 'vitest'
import { pairedBootstrapMeanDiff } from './bootstrap'
import { quantileSorted } from './percentiles'
import { seededRandom, sfc32Next, sfc32State } from './random'

function binaryScores(n: number, rate: number, seed: number): number[] {
  const random = seededRandom(seed)
  return Array.from({ length: n }, () => (random() < rate ? 1 : 0))
}

describe('pairedBootstrapMeanDiff', () => {
  it('is reproducible for a seed and changes with it', () => {
    const a = binaryScores(300, 0.6, 1)
    const b = binaryScores(300, 0.7, 2)
    const first = pairedBootstrapMeanDiff(a, b, { seed: 42 })
    expect(pairedBootstrapMeanDiff(a, b, { seed: 42 })).toEqual(first)
    const other = pairedBootstrapMeanDiff(a, b, { seed: 43 })
    expect(other.diff).toBe(first.diff)
    expect([other.low, other.high]).not.toEqual([first.low, first.high])
  })

  it('reports the observed means and difference (B − A)', () => {
    const r = pairedBootstrapMeanDiff([0, 0.5, 1, 1], [1, 1, 1, 0.5], { resamples: 200 })
    expect(r).toMatchObject({ n: 4, meanA: 0.625, meanB: 0.875, diff: 0.25, resamples: 200, confidence: 0.95, seed: 1 })
    expect(r.low).toBeLessThanOrEqual(r.diff)
    expect(r.high).toBeGreaterThanOrEqual(r.diff)
  })

  it('agrees with normal theory on a large sample', () => {
    const a = binaryScores(2000, 0.7, 11)
    const b = a.map((v, i) => (i % 10 === 0 ? 1 : v)) // B fixes about 3% of the cases
    const r = pairedBootstrapMeanDiff(a, b)
    const d = b.map((v, i) => v - (a[i] as number))
    const mean = d.reduce((s, x) => s + x, 0) / d.length
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1))
    const half = (1.959964 * sd) / Math.sqrt(d.length)
    expect(r.diff).toBeCloseTo(mean, 12)
    expect(r.low).toBeCloseTo(mean - half, 2)
    expect(r.high).toBeCloseTo(mean + half, 2)
  })

  it('uses exactly the sfc32 sequence (the inlined generator matches sfc32Next)', () => {
    const a = [0.1, 0.9, 0.4, 0.7, 0.3]
    const b = [0.2, 0.5, 0.9, 0.7, 0.8]
    const r = pairedBootstrapMeanDiff(a, b, { resamples: 50, seed: 9 })
    const state = sfc32State(9)
    const d = b.map((v, i) => v - (a[i] as number))
    const means = Array.from({ length: 50 }, () => {
      let sum = 0
      for (let j = 0; j < d.length; j++) sum += d[Math.floor(sfc32Next(state) * (d.length / 4294967296))] as number
      return sum / d.length
    }).sort((x, y) => x - y)
    expect(r.low).toBeCloseTo(quantileSorted(means, 0.025), 12)
    expect(r.high).toBeCloseTo(quantileSorted(means, 0.975), 12)
  })

  it('gives a zero-width interval when every difference is the same', () => {
    const r = pairedBootstrapMeanDiff([0.5, 0.5, 0.5], [0.75, 0.75, 0.75])
    expect([r.diff, r.low, r.high]).toEqual([0.25, 0.25, 0.25])
  })

  it('is NaN for no pairs and refuses mismatched or non-finite input', () => {
    expect(pairedBootstrapMeanDiff([], []).diff).toBeNaN()
    expect(() => pairedBootstrapMeanDiff([1], [1, 0])).toThrow(/same cases in both runs; got 1 and 2/)
    expect(() => pairedBootstrapMeanDiff([Number.NaN], [1])).toThrow(/case 0 has A=NaN/)
    expect(() => pairedBootstrapMeanDiff([1], [1], { resamples: 0 })).toThrow(/resamples/)
    expect(() => pairedBootstrapMeanDiff([1], [1], { confidence: 95 })).toThrow(/confidence/)
  })

  it('runs 2,000 cases × 10,000 resamples quickly', () => {
    const a = binaryScores(2000, 0.7, 3)
    const b = binaryScores(2000, 0.75, 4)
    const started = performance.now()
    const r = pairedBootstrapMeanDiff(a, b)
    const ms = performance.now() - started
    expect(r.resamples).toBe(10_000)
    // Typically 60–250 ms on a shared 2-core machine; the bound only catches a pathological slowdown.
    expect(ms).toBeLessThan(5000)
  })
})

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const one = seededRandom(5)
    const two = seededRandom(5)
    const xs = Array.from({ length: 1000 }, () => one())
    expect(Array.from({ length: 1000 }, () => two())).toEqual(xs)
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length
    expect(mean).toBeGreaterThan(0.45)
    expect(mean).toBeLessThan(0.55)
    expect(seededRandom(6)()).not.toBe(seededRandom(5)())
  })
})
