import { useEffect, useId, useMemo, useState } from 'react'
import type { ReactElement } from 'react'
import type { TrendPoint } from '../../../src/core/schemas/eval-api'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { runX, rateY, seriesPath, trendSeries } from '../../lib/eval-chart'
import type { ChartBox } from '../../lib/eval-chart'
import { formatRate } from '../../lib/eval-format'
import { formatDateTime } from '../../lib/format'
import { evalsHref } from '../../lib/eval-routes'
import { useEvalsStore } from '../../stores/evals-store'

const BOX: ChartBox = { width: 560, height: 160, left: 40, right: 12, top: 10, bottom: 22 }
const TICKS = [0, 0.5, 1]

function TrendChart({ points }: { points: TrendPoint[] }): ReactElement {
  const { runs, series } = useMemo(() => trendSeries(points), [points])
  const finished = new Map(points.map((p) => [p.runId, p.finishedAt]))
  const last = series.map((s) => `${s.label} ${formatRate([...s.points].reverse().find((p) => p.rate !== null)?.rate ?? null)}`).join(', ')
  return (
    <div className="stack tight">
      <svg className="ev-chart" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={`Pass rate over ${runs.length} runs; latest: ${last}`}>
        {TICKS.map((t) => (
          <g key={t}>
            <line className="ev-grid" x1={BOX.left} x2={BOX.width - BOX.right} y1={rateY(t, BOX)} y2={rateY(t, BOX)} />
            <text className="ev-axis" x={BOX.left - 6} y={rateY(t, BOX) + 4} textAnchor="end">
              {t * 100}%
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <g key={s.key} className={`ev-series ev-series-${i % 8}`}>
            <path d={seriesPath(s, runs.length, BOX)} fill="none" />
            {s.points.map((p) =>
              p.rate === null ? null : (
                <circle key={p.runId} cx={runX(p.index, runs.length, BOX)} cy={rateY(p.rate, BOX)} r={3.5}>
                  <title>{`${s.label}: ${formatRate(p.rate)} · ${formatDateTime(finished.get(p.runId) ?? null)}`}</title>
                </circle>
              )
            )}
          </g>
        ))}
        <text className="ev-axis" x={BOX.left} y={BOX.height - 6}>
          oldest
        </text>
        <text className="ev-axis" x={BOX.width - BOX.right} y={BOX.height - 6} textAnchor="end">
          newest
        </text>
      </svg>
      <ul className="ev-legend" aria-label="Trend legend">
        {series.map((s, i) => (
          <li key={s.key}>
            <span className={`ev-swatch ev-series-${i % 8}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A contract's pass rate across its eval runs (evals.trend), per column, oldest to newest. */
export function TrendPanel({ contracts }: { contracts: Array<{ id: string; name: string }> }): ReactElement {
  const id = useId()
  const [chosen, setChosen] = useState<string | null>(null)
  const contractId = chosen && contracts.some((c) => c.id === chosen) ? chosen : (contracts[0]?.id ?? '')
  const trend = useEvalsStore((s) => s.trends[contractId])
  const loadTrend = useEvalsStore((s) => s.loadTrend)
  const runs = useEvalsStore((s) => s.runs.data)

  useEffect(() => {
    if (contractId) void loadTrend(contractId)
  }, [contractId, loadTrend, runs])

  const points = trend?.data ?? []
  const latest = points.length > 0 ? points[points.length - 1] : undefined
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <h2 id={`${id}-title`}>Pass-rate trend</h2>
        {contracts.length > 1 ? (
          <select className="select" aria-label="Contract of the trend" value={contractId} onChange={(e) => setChosen(e.target.value)}>
            {contracts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        ) : (
          <span className="hint">{contracts[0]?.name}</span>
        )}
        {latest && (
          <span className="actions">
            <a className="btn small ghost" href={evalsHref({ view: 'run', runId: latest.runId })}>
              Latest run
            </a>
          </span>
        )}
      </div>
      <div className="panel-body">
        {trend?.error && <ErrorNotice error={trend.error} title="Could not load the trend" onRetry={() => void loadTrend(contractId)} />}
        {!trend?.data && trend?.status === 'loading' && <Loading label="Loading the trend…" />}
        {trend?.data && points.length === 0 && <p className="hint">No finished eval run of this contract yet: each run adds a point per model.</p>}
        {points.length > 0 && <TrendChart points={points} />}
      </div>
    </section>
  )
}
