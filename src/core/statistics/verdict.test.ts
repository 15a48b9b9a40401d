import { describe, expect, it } from 'vitest'
import { compareRuns, formatP, formatRange, type PairedCase } from './verdict'

function cases(spec: Array<[count: number, passA: boolean, passB: boolean, scoreA?: number, scoreB?: number]>): PairedCase[] {
  return spec.flatMap(([count, passA, passB, scoreA, scoreB]) =>
    Array.from({ length: count }, () => ({ passA, passB, scoreA: scoreA ?? (passA ? 1 : 0), scoreB: scoreB ?? (passB ? 1 : 0) }))
  )
}

describe('compareRuns', () => {
  it('names a winner when McNemar and the interval agree', () => {
    const r = compareRuns(cases([[110, true, true], [10, true, false], [40, false, true], [40, false, false]]), { labelA: 'gpt-a', labelB: 'gpt-b' })
    expect(r.outcome).toBe('b_better')
    expect(r.diffPoints).toBeCloseTo(15, 10)
    expect(r.mcnemar.p).toBeLessThan(0.001)
    expect(r.verdict).toMatch(/^gpt-b beats gpt-a by 15\.0 points \(95% CI \d+\.\d–\d+\.\d, p < 0\.001; pass rate 60\.0% → 75\.0%, 200 paired cases\)\.$/)
  })

  it('names A when A is better, with a positive interval for its lead', () => {
    const r = compareRuns(cases([[50, true, true], [20, true, false], [2, false, true], [28, false, false]]))
    expect(r.outcome).toBe('a_better')
    expect(r.verdict).toMatch(/^A beats B by 18\.0 points \(95% CI \d+\.\d–\d+\.\d, p < 0\.001;/)
  })

  it('says "no significant difference" when neither test is significant', () => {
    const r = compareRuns(cases([[80, true, true], [6, true, false], [8, false, true], [6, false, false]]))
    expect(r.outcome).toBe('no_difference')
    expect(r.verdict).toMatch(/^No significant difference: B − A = 2\.0 points \(95% CI −\d\.\d to \d\.\d, p = 0\.79; pass rate 86\.0% → 88\.0%, 100 paired cases\)\.$/)
  })

  it('is inconclusive when only the pass/fail test is significant', () => {
    // B rescues 10 failures (scores 0.4 → 0.6) but scores slightly lower on the 90 shared passes.
    const r = compareRuns(cases([[10, false, true, 0.4, 0.6], [90, true, true, 1, 0.98]]))
    expect(r.mcnemar.p).toBeLessThan(0.01)
    expect(r.outcome).toBe('inconclusive')
    expect(r.verdict).toMatch(/^Inconclusive: B − A = 0\.2 points; pass\/fail changes are significant \(p = 0\.002\) but the score difference's interval includes 0 \(95% CI −\d\.\d to \d\.\d\)/)
  })

  it('is inconclusive when only the score interval excludes 0', () => {
    // Same pass/fail everywhere, but B scores higher on every case.
    const r = compareRuns(cases([[50, true, true, 0.8, 0.9], [50, false, false, 0.2, 0.3]]))
    expect(r.outcome).toBe('inconclusive')
    expect(r.verdict).toMatch(/the score difference's interval excludes 0 \(95% CI 10\.0–10\.0\) but pass\/fail changes are not significant \(p = 1\)/)
  })

  it('says so when the runs are identical or share no cases', () => {
    expect(compareRuns(cases([[5, true, true], [3, false, false]])).verdict).toBe(
      'No difference: A and B passed the same cases with the same scores (8 paired cases).'
    )
    const none = compareRuns([])
    expect(none.outcome).toBe('no_data')
    expect(none.verdict).toBe('No comparison: A and B have no scored cases in common.')
  })

  it('follows alpha and the confidence level', () => {
    const r = compareRuns(cases([[110, true, true], [10, true, false], [40, false, true], [40, false, false]]), { alpha: 0.01 })
    expect(r.bootstrap.confidence).toBeCloseTo(0.99, 12)
    expect(r.verdict).toContain('99% CI')
    expect(() => compareRuns([], { alpha: 5 })).toThrow(/alpha/)
  })
})

describe('formatting', () => {
  it('formats p-values', () => {
    expect(formatP(0.0004)).toBe('p < 0.001')
    expect(formatP(0.004)).toBe('p = 0.004')
    expect(formatP(0.0412)).toBe('p = 0.04')
    expect(formatP(0.41)).toBe('p = 0.41')
    expect(formatP(1)).toBe('p = 1')
  })
  it('formats ranges with a dash or "to" and a real minus sign', () => {
    expect(formatRange(2.1, 10.3)).toBe('2.1–10.3')
    expect(formatRange(-2, 4.6)).toBe('−2.0 to 4.6')
    expect(formatRange(-5, -1.04)).toBe('−5.0 to −1.0')
    expect(formatRange(-0.01, 0.02)).toBe('0.0 to 0.0')
  })
})
