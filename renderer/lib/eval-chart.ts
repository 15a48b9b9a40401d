/**
 * Geometry for the small SVG charts of the Evals section (pure, so it can be tested): pass-rate bars with their
 * 95% interval whiskers, one per column, and a contract's pass rate over its runs.
 */

export interface ChartBox {
  width: number
  height: number
  /** Room for labels: left (axis), bottom (column names), top and right. */
  left: number
  bottom: number
  top: number
  right: number
}

export interface RateBar {
  key: string
  label: string
  rate: number | null
  x: number
  width: number
  /** Top of the bar (y grows downwards); equals the baseline when there is no rate. */
  y: number
  height: number
  /** Whisker ends (null without an interval). */
  lowY: number | null
  highY: number | null
  /** Centre of the bar, for the whisker and the label. */
  cx: number
}

/** y of a rate 0..1 inside the plot area. */
export function rateY(rate: number, box: ChartBox): number {
  const plot = box.height - box.top - box.bottom
  const clamped = Math.min(1, Math.max(0, rate))
  return box.top + plot * (1 - clamped)
}

/** Bars spread evenly over the plot width, each at most maxBarWidth wide. */
export function rateBars(
  items: ReadonlyArray<{ key: string; label: string; rate: number | null; interval: { low: number; high: number } | null }>,
  box: ChartBox,
  maxBarWidth = 56
): RateBar[] {
  const plotWidth = box.width - box.left - box.right
  const slot = items.length === 0 ? 0 : plotWidth / items.length
  const width = Math.max(4, Math.min(maxBarWidth, slot * 0.6))
  const base = rateY(0, box)
  return items.map((item, i) => {
    const cx = box.left + slot * i + slot / 2
    const y = item.rate === null ? base : rateY(item.rate, box)
    return {
      key: item.key,
      label: item.label,
      rate: item.rate,
      x: cx - width / 2,
      width,
      y,
      height: base - y,
      lowY: item.interval ? rateY(item.interval.low, box) : null,
      highY: item.interval ? rateY(item.interval.high, box) : null,
      cx
    }
  })
}

export interface TrendSeries {
  key: string
  label: string
  /** Points in run order; x from 0 to count-1, a missing rate leaves a gap. */
  points: Array<{ index: number; rate: number | null; runId: string }>
}

/** Groups trend points (oldest first) into one series per column label, on a shared x axis of runs. */
export function trendSeries(points: ReadonlyArray<{ runId: string; label: string; passRate: number | null }>): { runs: string[]; series: TrendSeries[] } {
  const runs: string[] = []
  for (const p of points) if (!runs.includes(p.runId)) runs.push(p.runId)
  const byLabel = new Map<string, TrendSeries>()
  for (const p of points) {
    let s = byLabel.get(p.label)
    if (!s) {
      s = { key: p.label, label: p.label, points: [] }
      byLabel.set(p.label, s)
    }
    s.points.push({ index: runs.indexOf(p.runId), rate: p.passRate, runId: p.runId })
  }
  return { runs, series: [...byLabel.values()] }
}

/** x of the run at `index` of `count` runs (a single run sits in the middle). */
export function runX(index: number, count: number, box: ChartBox): number {
  const plot = box.width - box.left - box.right
  return count <= 1 ? box.left + plot / 2 : box.left + (plot * index) / (count - 1)
}

/** SVG path of a series: lines between consecutive rates, a gap where a rate is missing. */
export function seriesPath(series: TrendSeries, count: number, box: ChartBox): string {
  let path = ''
  let pen = false
  for (const p of series.points) {
    if (p.rate === null) {
      pen = false
      continue
    }
    const x = runX(p.index, count, box).toFixed(1)
    const y = rateY(p.rate, box).toFixed(1)
    path += `${pen ? 'L' : 'M'}${x} ${y} `
    pen = true
  }
  return path.trim()
}
