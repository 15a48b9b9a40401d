import { AppError } from '../../core/errors'
import type { TokenPrices } from '../../core/pricing'
import type { EvalRunOverrides } from '../../core/schemas/eval-api'
import { EvalThresholds } from '../../core/schemas/eval'
import type { CallPolicy, OutputMode } from '../../core/schemas/playground'
import type { Suite } from '../../core/schemas/suite'
import type { ContractVersion, ModelRef } from '../../core/schemas/workspace'
import { renderProblem } from '../../core/templating'
import type { CallTarget } from '../../providers/call-types'
import type { Store } from '../../store/store'
import type { EvalCase, EvalPlan, EvalVariant } from '../runner/eval-plan'
import type { EvalRunConfig } from './eval-config'

export const DEFAULT_CONCURRENCY = 8

/** Resolves what a suite (plus one run's overrides) will run: variants, models and settings, checked. */
export function resolveRunConfig(store: Store, suite: Suite, overrides: EvalRunOverrides): EvalRunConfig {
  if (!suite.datasetVersionId || !suite.datasetId) {
    throw new AppError('VALIDATION_FAILED', `Suite "${suite.name}" has no dataset; pick a dataset version for it first.`, [{ path: 'datasetVersionId', message: 'no dataset' }])
  }
  const primary = store.contracts.getVersionById(suite.contractVersionId)
  const variants = [{ id: primary.id, label: `${suite.contractName} v${primary.version}` }]
  const contracts = store.contracts.list({ includeArchived: true })
  for (const [i, ref] of (suite.settings.variants ?? []).entries()) {
    const contract = contracts.find((c) => c.name.toLowerCase() === ref.name.toLowerCase())
    if (!contract) {
      throw new AppError('NOT_FOUND', `Suite "${suite.name}" compares a variant of contract "${ref.name}", which does not exist; fix or remove variants.${i}.`, [
        { path: `settings.variants.${i}.name`, message: 'unknown contract' }
      ])
    }
    const version = ref.version === undefined ? store.contracts.get(contract.id).latest : store.contracts.getVersion(contract.id, ref.version)
    if (!version) throw new AppError('NOT_FOUND', `Contract "${contract.name}" has no version yet.`, [{ path: `settings.variants.${i}`, message: 'no version' }])
    if (!variants.some((v) => v.id === version.id)) variants.push({ id: version.id, label: `${contract.name} v${version.version}` })
  }
  const models: ModelRef[] = overrides.models ?? suite.settings.models ?? primary.candidates
  if (models.length === 0) {
    throw new AppError('VALIDATION_FAILED', `Suite "${suite.name}" has no models: pick models for the suite, or give contract "${suite.contractName}" candidate models.`, [
      { path: 'settings.models', message: 'no models' }
    ])
  }
  const thresholds = EvalThresholds.safeParse(suite.settings.thresholds ?? {})
  if (!thresholds.success) {
    throw new AppError('VALIDATION_FAILED', `Suite "${suite.name}" has thresholds Switchyard does not know: ${thresholds.error.issues[0]?.message ?? ''}. Use minPassRate (0..1), maxP95LatencyMs and maxCostPerSuccessUsd.`, [
      { path: 'settings.thresholds', message: 'unknown thresholds' }
    ])
  }
  return {
    kind: 'eval',
    suiteId: suite.id,
    suiteName: suite.name,
    contractId: suite.contractId,
    variants,
    datasetId: suite.datasetId,
    datasetVersionId: suite.datasetVersionId,
    models,
    repeats: overrides.repeats ?? suite.settings.repeats ?? 1,
    concurrency: overrides.concurrency ?? suite.settings.concurrency ?? DEFAULT_CONCURRENCY,
    cache: overrides.cache ?? suite.settings.cache ?? false,
    assertions: suite.settings.assertions ?? [],
    judge: suite.settings.judge ?? null,
    embeddings: suite.settings.embeddings ?? null,
    thresholds: thresholds.data
  }
}

function outputMode(version: ContractVersion): OutputMode {
  return version.output.kind === 'json_schema' ? { kind: 'json_schema', name: version.output.name, schema: version.output.schema } : { kind: 'text' }
}

function variantOf(store: Store, id: string, label: string): EvalVariant {
  const version = store.contracts.getVersionById(id)
  const contract = store.contracts.get(version.contractId)
  const p = version.params
  return {
    id,
    label,
    messages: version.messages,
    params: {
      ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
      ...(p.topP !== undefined ? { topP: p.topP } : {}),
      ...(p.maxTokens !== undefined ? { maxTokens: p.maxTokens } : {}),
      ...(p.seed !== undefined ? { seed: p.seed } : {}),
      ...(p.stop !== undefined ? { stop: p.stop } : {})
    },
    output: outputMode(version),
    feature: contract.feature
  }
}

/** Every case of the dataset version, in position order, with a short label for the matrix. */
export function loadCases(store: Store, datasetId: string, datasetVersionId: string): EvalCase[] {
  const info = store.datasets.getVersionById(datasetVersionId)
  const page = store.datasets.cases(datasetId, { version: info.version, offset: 0, limit: Math.max(1, info.caseCount) })
  return page.cases.map((c, index) => ({ id: c.id, index, vars: c.vars, expected: c.expected, assertions: c.assertions }))
}

export function caseLabel(vars: Record<string, unknown>): string {
  const text = Object.values(vars)
    .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    .join(' · ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

/** Every case must render for every variant before any call is made; the first problems are named. */
export function checkCasesRender(variants: readonly EvalVariant[], cases: readonly EvalCase[]): void {
  const problems: string[] = []
  let count = 0
  for (const variant of variants) {
    for (const c of cases) {
      const problem = renderProblem(variant.messages, c.vars)
      if (!problem) continue
      count++
      if (problems.length < 5) problems.push(`case ${c.index + 1} with ${variant.label}: ${problem.message}`)
    }
  }
  if (count > 0) {
    throw new AppError('VALIDATION_FAILED', `${count} case${count === 1 ? '' : 's'} cannot be rendered, so nothing was run. ${problems.join(' ')}${count > problems.length ? ` …and ${count - problems.length} more.` : ''} Fill the variables in the dataset or mark them optional in the contract.`, [
      { path: 'dataset', message: 'missing variables' }
    ])
  }
}

export interface ResolvedTarget {
  ref: ModelRef
  target: CallTarget
  prices: TokenPrices
}

/** The runner's plan from a run's config: variants, cases, targets; checked before any call. */
export function buildPlan(store: Store, runId: string, config: EvalRunConfig, targets: ResolvedTarget[], policy: CallPolicy): EvalPlan {
  const variants = config.variants.map((v) => variantOf(store, v.id, v.label))
  const cases = loadCases(store, config.datasetId, config.datasetVersionId)
  checkCasesRender(variants, cases)
  return {
    runId,
    cases,
    variants,
    models: targets.map((t) => ({ ref: t.ref, target: t.target, prices: t.prices })),
    repeats: config.repeats,
    concurrencyPerProvider: config.concurrency,
    cache: config.cache,
    policy
  }
}
