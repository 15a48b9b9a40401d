import type { ReactElement } from 'react'
import type { EvalResults } from '../../../src/core/schemas/eval'
import { rateBars, rateY } from '../../lib/eval-chart'
import type { ChartBox } from '../../lib/eval-chart'
import { columnLabel, formatInterval, formatRate, hasManyVariants } from '../../lib/eval-format'

const TICKS = [0, 0.25, 0.5, 0.75, 1]

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Pass rate per column as bars, with the Wilson 95% interval as a whisker and the pass-rate gate as a line. */
export function PassRateChart({ results }: { results: EvalResults }): ReactElement {
  const many = hasManyVariants(results.columns)
  const n = results.columns.length
  const box: ChartBox = { width: Math.max(320, Math.min(900, 90 * n + 60)), height: 200, left: 44, right: 12, top: 12, bottom: 36 }
  const byKey = new Map(results.stats.map((s) => [s.columnKey, s]))
  const bars = rateBars(
    results.columns.map((c) => {
      const s = byKey.get(c.key)
      return { key: c.key, label: columnLabel(c, many), rate: s?.passRate ?? null, interval: s?.passRateInterval ?? null }
    }),
    box
  )
  const gate = results.gates.find((g) => g.gate === 'minPassRate')
  const summary = bars.map((b) => `${b.label} ${formatRate(b.rate)} (${formatInterval(byKey.get(b.key)?.passRateInterval)})`).join('; ')
  const maxLabel = Math.max(6, Math.floor((box.width - box.left - box.right) / Math.max(1, n) / 6.5))
  return (
    <figure className="panel ev-figure">
      <figcaption className="panel-header">
        <h2>Pass rate per column</h2>
        <span className="hint">bars: pass rate · whiskers: 95% Wilson interval{gate ? ' · dashed: the gate' : ''}</span>
      </figcaption>
      <div className="panel-body">
        <svg className="ev-chart" viewBox={`0 0 ${box.width} ${box.height}`} style={{ maxWidth: box.width }} role="img" aria-label={`Pass rate per column: ${summary}`}>
          {TICKS.map((t) => (
            <g key={t}>
              <line className="ev-grid" x1={box.left} x2={box.width - box.right} y1={rateY(t, box)} y2={rateY(t, box)} />
              <text className="ev-axis" x={box.left - 6} y={rateY(t, box) + 4} textAnchor="end">
                {t * 100}%
              </text>
            </g>
          ))}
          {bars.map((b, i) => (
            <g key={b.key} className={`ev-series-${i % 8}`}>
              <rect className="ev-bar" x={b.x} y={b.y} width={b.width} height={Math.max(0, b.height)} rx={2}>
                <title>{`${b.label}: ${formatRate(b.rate)}, 95% CI ${formatInterval(byKey.get(b.key)?.passRateInterval)}`}</title>
              </rect>
              {b.lowY !== null && b.highY !== null && (
                <g className="ev-whisker">
                  <line x1={b.cx} x2={b.cx} y1={b.lowY} y2={b.highY} />
                  <line x1={b.cx - 6} x2={b.cx + 6} y1={b.lowY} y2={b.lowY} />
                  <line x1={b.cx - 6} x2={b.cx + 6} y1={b.highY} y2={b.highY} />
                </g>
              )}
              <text className="ev-axis" x={b.cx} y={box.height - box.bottom + 14} textAnchor="middle">
                {shorten(b.label, maxLabel)}
              </text>
              <text className="ev-value" x={b.cx} y={box.height - 6} textAnchor="middle">
                {formatRate(b.rate)}
              </text>
            </g>
          ))}
          {gate && <line className="ev-gate-line" x1={box.left} x2={box.width - box.right} y1={rateY(gate.limit, box)} y2={rateY(gate.limit, box)} />}
        </svg>
      </div>
    </figure>
  )
}
