import { AppError } from '../../core/errors'
import type { EvalResults } from '../../core/schemas/eval'
import type { EvalCellDetail, EvalComparison, TrendPoint } from '../../core/schemas/eval-api'
import { compareRuns, type PairedCase } from '../../core/statistics/verdict'
import { renderMessages } from '../../core/templating'
import type { EvalFinalRow } from '../../store/repos/eval-result-repo'
import type { Store } from '../../store/store'
import { toIso } from '../../store/ids'
import { aggregateResults, type RowFilter } from '../results/aggregate'
import type { EvalCase } from '../runner/eval-plan'
import { caseLabel, loadCases } from './build-plan'
import { columnsOf, EvalRunConfig } from './eval-config'

/** The stored config of an eval run, or a clear error for another kind of run. */
export function evalConfigOf(store: Store, runId: string): EvalRunConfig {
  const summary = store.runs.summary(runId)
  if (summary.kind !== 'eval') throw new AppError('VALIDATION_FAILED', `Run "${runId}" is a ${summary.kind} run, not an eval run.`, [{ path: 'runId', message: 'not an eval run' }])
  const parsed = EvalRunConfig.safeParse(store.runs.meta(runId).config)
  if (!parsed.success) throw new AppError('INTERNAL', `Eval run "${runId}" has a config this version cannot read: ${parsed.error.issues[0]?.message ?? ''}`)
  return parsed.data
}

export interface ReadResultsOptions {
  filter?: RowFilter
  offset?: number
  limit?: number
  /** The run's cases when the caller has them loaded already (the job that just ran them). */
  cases?: readonly EvalCase[]
  /** The run's deciding calls when the caller has them (the job that just made them all). */
  finals?: EvalFinalRow[]
}

export function readResults(store: Store, runId: string, options: ReadResultsOptions = {}): EvalResults {
  const config = evalConfigOf(store, runId)
  const summary = store.runs.summary(runId)
  const { cases: loaded, finals, ...view } = options
  // Labels are only shown for the rows asked for: with no rows (limit 0) they are not made.
  const label = view.limit === 0 ? () => '' : caseLabel
  const cases = (loaded ?? loadCases(store, config.datasetId, config.datasetVersionId)).map((c) => ({ id: c.id, position: c.index, label: label(c.vars) }))
  return aggregateResults({
    runId,
    status: summary.status,
    repeats: config.repeats,
    columns: columnsOf(config),
    cases,
    finals: finals ?? store.evalResults.finals(runId),
    spend: store.evalResults.spend(runId),
    thresholds: config.thresholds,
    ...view
  })
}

function splitColumnKey(key: string): { variant: string; providerId: string; modelId: string } {
  const [variant = '', providerId = '', ...rest] = key.split('|')
  return { variant, providerId, modelId: rest.join('|') }
}

export function readCell(store: Store, request: { runId: string; caseId: string; columnKey: string; repeatIndex: number }): EvalCellDetail {
  const config = evalConfigOf(store, request.runId)
  const column = columnsOf(config).find((c) => c.key === request.columnKey)
  if (!column) throw new AppError('NOT_FOUND', `Run "${request.runId}" has no column "${request.columnKey}"; evals.results lists its columns.`, [{ path: 'columnKey', message: 'unknown column' }])
  const evalCase = loadCases(store, config.datasetId, config.datasetVersionId).find((c) => c.id === request.caseId)
  if (!evalCase) throw new AppError('NOT_FOUND', `Run "${request.runId}" has no case "${request.caseId}".`, [{ path: 'caseId', message: 'unknown case' }])
  const version = store.contracts.getVersionById(column.variantId)
  let messages: Array<{ role: string; content: string }>
  try {
    messages = renderMessages(version.messages, evalCase.vars)
  } catch {
    messages = version.messages
  }
  const { variant, providerId, modelId } = splitColumnKey(request.columnKey)
  const attempts = store.evalResults.cellCalls(request.runId, { caseId: request.caseId, variant, providerId, modelId, repeatIndex: request.repeatIndex })
  return { runId: request.runId, caseId: request.caseId, columnKey: request.columnKey, repeatIndex: request.repeatIndex, vars: evalCase.vars, expected: evalCase.expected, messages, attempts }
}

function columnLabel(c: { variantLabel: string; modelId: string }): string {
  return `${c.variantLabel} · ${c.modelId}`
}

/** Compares one column of run A with one of run B, case by case (matched by case id, else by identical variables). */
export function compareEvalRuns(store: Store, request: { runA: string; runB: string; columnA?: string; columnB?: string }): EvalComparison {
  const a = readResults(store, request.runA, { limit: Number.MAX_SAFE_INTEGER })
  const b = readResults(store, request.runB, { limit: Number.MAX_SAFE_INTEGER })
  const pick = (results: EvalResults, wanted: string | undefined, which: string, other?: string): string => {
    if (wanted) {
      if (!results.columns.some((c) => c.key === wanted)) throw new AppError('NOT_FOUND', `Run ${which} has no column "${wanted}".`, [{ path: `column${which}`, message: 'unknown column' }])
      return wanted
    }
    const sameModel = other ? results.columns.find((c) => c.key.split('|').slice(1).join('|') === other.split('|').slice(1).join('|')) : undefined
    return (sameModel ?? results.columns[0])?.key ?? ''
  }
  const columnA = pick(a, request.columnA, 'A')
  const columnB = pick(b, request.columnB, 'B', columnA)
  const labelOf = (results: EvalResults, key: string): string => {
    const c = results.columns.find((x) => x.key === key)
    return c ? columnLabel(c) : key
  }
  const indexA = a.columns.findIndex((c) => c.key === columnA)
  const indexB = b.columns.findIndex((c) => c.key === columnB)
  const configA = evalConfigOf(store, request.runA)
  const configB = evalConfigOf(store, request.runB)
  const varsKey = (vars: Record<string, unknown>): string => JSON.stringify(Object.entries(vars).sort(([x], [y]) => (x < y ? -1 : 1)))
  const casesB = new Map(loadCases(store, configB.datasetId, configB.datasetVersionId).map((c) => [c.id, varsKey(c.vars)]))
  const rowsBById = new Map(b.rows.map((r) => [r.caseId, r]))
  const rowsBByVars = new Map(b.rows.map((r) => [casesB.get(r.caseId) ?? r.caseId, r]))
  const varsA = new Map(loadCases(store, configA.datasetId, configA.datasetVersionId).map((c) => [c.id, varsKey(c.vars)]))

  const pairs: Array<PairedCase & { caseId: string; position: number; label: string }> = []
  let unpaired = 0
  for (const rowA of a.rows) {
    const rowB = rowsBById.get(rowA.caseId) ?? rowsBByVars.get(varsA.get(rowA.caseId) ?? '')
    const cellA = rowA.cells[indexA]
    const cellB = rowB?.cells[indexB]
    if (!cellA || !cellB || cellA.passRate === null || cellB.passRate === null) {
      unpaired++
      continue
    }
    const passA = cellA.passRate >= 0.5
    const passB = cellB.passRate >= 0.5
    pairs.push({ caseId: rowA.caseId, position: rowA.position, label: rowA.label, passA, passB, scoreA: cellA.meanScore ?? (passA ? 1 : 0), scoreB: cellB.meanScore ?? (passB ? 1 : 0) })
  }
  const labelA = `A (${labelOf(a, columnA)})`
  const labelB = `B (${labelOf(b, columnB)})`
  const comparison = compareRuns(pairs, { labelA, labelB, seed: 1 })
  const finite = (n: number): number | null => (Number.isFinite(n) ? n : null)
  const change = (p: (typeof pairs)[number]) => ({ caseId: p.caseId, position: p.position, label: p.label, passA: p.passA, passB: p.passB, scoreA: p.scoreA, scoreB: p.scoreB })
  return {
    runA: request.runA,
    runB: request.runB,
    columnA,
    columnB,
    columnsA: a.columns.map((c) => ({ key: c.key, label: columnLabel(c) })),
    columnsB: b.columns.map((c) => ({ key: c.key, label: columnLabel(c) })),
    pairedCases: pairs.length,
    unpaired,
    passRateA: pairs.length ? finite(comparison.passRateA) : null,
    passRateB: pairs.length ? finite(comparison.passRateB) : null,
    regressions: pairs.filter((p) => p.passA && !p.passB).map(change),
    improvements: pairs.filter((p) => !p.passA && p.passB).map(change),
    pValue: pairs.length ? finite(comparison.mcnemar.p) : null,
    diffPoints: pairs.length ? finite(comparison.diffPoints) : null,
    lowPoints: pairs.length ? finite(comparison.lowPoints) : null,
    highPoints: pairs.length ? finite(comparison.highPoints) : null,
    outcome: comparison.outcome,
    verdict: comparison.verdict
  }
}

/** Pass rate per column for a contract's eval runs, oldest first. */
export function contractTrend(store: Store, contractId: string, limit: number): TrendPoint[] {
  store.contracts.get(contractId)
  const runs = store.evalResults.runsOfContract(contractId, limit).reverse()
  return runs.flatMap((run) => {
    const results = readResults(store, run.id, { limit: 0 })
    return results.columns.map((column, i) => {
      const s = results.stats[i]
      return {
        runId: run.id,
        finishedAt: run.finishedAt === null ? null : toIso(run.finishedAt),
        status: run.status,
        contractVersion: run.contractVersion,
        columnKey: column.key,
        label: columnLabel(column),
        passRate: s?.passRate ?? null,
        low: s?.passRateInterval?.low ?? null,
        high: s?.passRateInterval?.high ?? null,
        decided: s?.decided ?? 0
      }
    })
  })
}
