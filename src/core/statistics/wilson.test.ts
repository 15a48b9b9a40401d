import { describe, expect, it } from 'vitest'
import { wilsonInterval } from './wilson'

describe('wilsonInterval', () => {
  it('matches published values (Newcombe 1998, method 3)', () => {
    // 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605 (95%).
    const a = wilsonInterval(81, 263)
    expect(a.low).toBeCloseTo(0.2553, 4)
    expect(a.high).toBeCloseTo(0.3662, 4)
    const b = wilsonInterval(15, 148)
    expect(b.low).toBeCloseTo(0.0624, 4)
    expect(b.high).toBeCloseTo(0.1605, 4)
  })
  it('stays inside [0, 1] at the edges and is wide for small samples', () => {
    const none = wilsonInterval(0, 10)
    expect(none.low).toBe(0)
    expect(none.high).toBeCloseTo(0.2775, 4)
    const all = wilsonInterval(10, 10)
    expect(all.high).toBe(1)
    expect(all.low).toBeCloseTo(0.7225, 4)
  })
  it('with no trials the interval is everything and the rate is NaN', () => {
    expect(wilsonInterval(0, 0)).toMatchObject({ low: 0, high: 1 })
    expect(Number.isNaN(wilsonInterval(0, 0).rate)).toBe(true)
  })
  it('refuses impossible counts with the numbers in the message', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(/passed=3, total=2/)
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError)
  })
})
