import { describe, expect, it } from 'vitest'
import { rateBars, rateY, runX, seriesPath, trendSeries } from './eval-chart'
import type { ChartBox } from './eval-chart'

const box: ChartBox = { width: 300, height: 140, left: 40, right: 10, top: 10, bottom: 30 }

describe('eval charts', () => {
  it('maps rates onto the plot height, clamped to 0..1', () => {
    expect(rateY(1, box)).toBe(10)
    expect(rateY(0, box)).toBe(110)
    expect(rateY(0.5, box)).toBe(60)
    expect(rateY(2, box)).toBe(10)
    expect(rateY(-1, box)).toBe(110)
  })

  it('spreads bars evenly with interval whiskers, and flat bars without a rate', () => {
    const bars = rateBars(
      [
        { key: 'a', label: 'emu-swift', rate: 0.9, interval: { low: 0.6, high: 0.98 } },
        { key: 'b', label: 'emu-flaky', rate: null, interval: null }
      ],
      box
    )
    expect(bars).toHaveLength(2)
    expect(bars[0]!.cx).toBeCloseTo(40 + 125 / 2)
    expect(bars[1]!.cx).toBeCloseTo(40 + 125 * 1.5)
    expect(bars[0]!.width).toBeLessThanOrEqual(56)
    expect(bars[0]!.y).toBeCloseTo(20)
    expect(bars[0]!.height).toBeCloseTo(90)
    expect(bars[0]!.lowY).toBeCloseTo(50)
    expect(bars[0]!.highY).toBeCloseTo(12)
    expect(bars[1]).toMatchObject({ height: 0, lowY: null, highY: null })
  })

  it('groups trend points per column on a shared axis of runs, with gaps for missing rates', () => {
    const { runs, series } = trendSeries([
      { runId: 'r1', label: 'emu-swift', passRate: 0.5 },
      { runId: 'r1', label: 'emu-flaky', passRate: 0.4 },
      { runId: 'r2', label: 'emu-swift', passRate: null },
      { runId: 'r3', label: 'emu-swift', passRate: 1 }
    ])
    expect(runs).toEqual(['r1', 'r2', 'r3'])
    expect(series.map((s) => s.label)).toEqual(['emu-swift', 'emu-flaky'])
    expect(series[0]!.points.map((p) => p.index)).toEqual([0, 1, 2])
    expect(runX(0, 3, box)).toBe(40)
    expect(runX(2, 3, box)).toBe(290)
    expect(runX(0, 1, box)).toBe(165)
    // r2 has no rate: the line stops and starts again.
    expect(seriesPath(series[0]!, 3, box)).toBe('M40.0 60.0 M290.0 10.0')
    expect(seriesPath(series[1]!, 3, box)).toBe('M40.0 70.0')
  })
})
