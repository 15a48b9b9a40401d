import path from 'node:path'
import type { PromptfooImportResult } from '../../core/schemas/eval-api'
import type { ContractVersionBody, ModelRef, VariableSpec } from '../../core/schemas/workspace'
import { templateVariableUses } from '../../core/templating'
import type { Store } from '../../store/store'
import { readPromptfooConfig, type PromptfooConfig } from './read-config'

/** The enabled provider of a kind a promptfoo provider maps onto: the first configured one. */
export function configuredProviderFor(store: Store, kind: string): { id: string; name: string } | null {
  return store.providers.list().find((x) => x.kind === kind && x.enabled) ?? null
}

/** "Name", or "Name (2)", "Name (3)"… — the first not taken (names compare ignoring case). */
function uniqueName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()))
  if (!lower.has(base.toLowerCase())) return base
  for (let n = 2; ; n++) if (!lower.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`
}

/** Variables the prompts use: required when some prompt uses it outside every optional section. */
function variablesOf(config: PromptfooConfig): VariableSpec[] {
  const required = new Map<string, boolean>()
  for (const variant of config.variants) {
    for (const m of variant.messages) {
      for (const use of templateVariableUses(m.content)) required.set(use.name, (required.get(use.name) ?? false) || use.required)
    }
  }
  const example = (name: string): string | undefined => {
    const value = config.cases.find((c) => c.vars[name] !== undefined)?.vars[name]
    return value === undefined ? undefined : typeof value === 'string' ? value.slice(0, 200) : JSON.stringify(value).slice(0, 200)
  }
  return [...required].map(([name, isRequired]) => {
    const ex = example(name)
    return { name, type: 'string', description: '', required: isRequired, ...(ex !== undefined ? { example: ex } : {}) }
  })
}

/**
 * Imports a promptfoo config as a contract (one version per prompt, so the suite compares them as variants), a
 * dataset of its tests and a suite with its providers (mapped onto configured providers of the same kind) and
 * defaultTest assertions — all in one transaction. The caller adds missing model rows first (with catalog prices):
 * see `configuredProviderFor`. What could not be carried over is listed, never dropped silently.
 */
export function importPromptfoo(store: Store, file: string, config: PromptfooConfig = readPromptfooConfig(file)): PromptfooImportResult {
  const unsupported = [...config.unsupported]
  const mappedProviders: PromptfooImportResult['providers'] = []
  const models: ModelRef[] = []
  for (const p of config.providers) {
    const provider = configuredProviderFor(store, p.mapped.kind)
    if (!provider) {
      mappedProviders.push({ id: p.id, providerId: null, modelId: null, note: `No ${p.mapped.kind} provider is configured: add one in Providers, then add ${p.mapped.modelId} to the suite's models.` })
      continue
    }
    models.push({ providerId: provider.id, modelId: p.mapped.modelId })
    mappedProviders.push({ id: p.id, providerId: provider.id, modelId: p.mapped.modelId, note: `→ ${provider.name} / ${p.mapped.modelId}` })
  }
  const firstParams = config.providers[0]?.params ?? {}
  const baseName = (config.description ?? path.basename(path.dirname(path.resolve(file)))).trim().slice(0, 120) || 'promptfoo import'
  const variables = variablesOf(config)
  const bodyOf = (messages: ContractVersionBody['messages']): ContractVersionBody => ({
    messages,
    variables,
    output: { kind: 'text' },
    params: firstParams,
    budgets: { p95LatencyMs: null, p95TtftMs: null, maxCostPerRequestUsd: null, minPassRate: null },
    candidates: models,
    fallback: { retries: 2, timeoutMs: 300_000, fallbacks: [] }
  })

  return store.transaction(() => {
    const contractName = uniqueName(baseName, store.contracts.list({ includeArchived: true }).map((c) => c.name))
    const [first, ...rest] = config.variants
    const contract = store.contracts.create({ name: contractName, description: `Imported from ${path.basename(file)} (promptfoo). Prompts: ${config.variants.map((v) => v.label).join('; ')}.`, feature: null }, bodyOf(first!.messages))
    const versions = [contract.latest!]
    for (const v of rest) versions.push(store.contracts.saveVersion(contract.id, bodyOf(v.messages)))
    const datasetName = uniqueName(contractName, store.datasets.list().map((d) => d.name))
    const dataset = store.datasets.create({ name: datasetName, description: `Tests of ${path.basename(file)} (promptfoo).`, contractId: contract.id }, config.cases, `Imported from ${path.basename(file)}`)
    const datasetVersion = store.datasets.listVersions(dataset.id).at(-1)!
    const suiteName = uniqueName(contractName, store.suites.list().map((s) => s.name))
    const suite = store.suites.create({
      name: suiteName,
      contractVersionId: versions[0]!.id,
      datasetVersionId: datasetVersion.id,
      settings: {
        ...(models.length ? { models } : {}),
        assertions: config.defaultAssertions,
        ...(versions.length > 1 ? { variants: versions.slice(1).map((v) => ({ name: contractName, version: v.version })) } : {}),
        ...(config.repeats ? { repeats: config.repeats } : {}),
        ...(config.concurrency ? { concurrency: config.concurrency } : {}),
        ...(config.cache !== null ? { cache: config.cache } : {})
      }
    })
    return {
      contract: { id: contract.id, name: contractName, versions: versions.map((v) => v.version) },
      dataset: { id: dataset.id, name: datasetName, version: datasetVersion.version, caseCount: config.cases.length },
      suite: { id: suite.id, name: suite.name },
      providers: mappedProviders,
      unsupported
    }
  })
}
