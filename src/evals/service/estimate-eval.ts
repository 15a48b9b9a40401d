import { DEFAULT_MAX_OUTPUT_TOKENS } from '../../catalog/estimate-run'
import { estimateMessagesTokens } from '../../catalog/token-estimate'
import { estimateCostRange } from '../../core/pricing'
import type { EvalEstimate } from '../../core/schemas/eval-api'
import type { Model } from '../../core/schemas/provider'
import { renderMessages } from '../../core/templating'
import type { EvalPlan } from '../runner/eval-plan'

const MODEL_GRADED = new Set(['llm-rubric', 'factuality', 'not-llm-rubric', 'not-factuality'])
const EMBEDDING = new Set(['similar', 'not-similar'])

function assertionTypes(list: ReadonlyArray<Record<string, unknown>>): string[] {
  return list.flatMap((a) => (a.type === 'assert-set' && Array.isArray(a.assert) ? assertionTypes(a.assert as Array<Record<string, unknown>>) : [String(a.type)]))
}

/**
 * Calls, tokens and a cost range before an eval runs. Input tokens are counted per rendered case (o200k tokenizer,
 * an estimate); output is bounded by the variant's max tokens (or 4096). Judge and embeddings calls are not priced
 * here: the warnings say when a suite needs them and names none.
 */
export function estimateEval(plan: EvalPlan, models: Model[], defaults: ReadonlyArray<Record<string, unknown>>, judgeNamed: boolean, embeddingsNamed: boolean): EvalEstimate {
  const inputPerVariant = plan.variants.map((variant) => {
    let tokens = 0
    for (const c of plan.cases) tokens += estimateMessagesTokens(renderMessages(variant.messages, c.vars))
    return tokens
  })
  const inputTokens = inputPerVariant.reduce((a, b) => a + b, 0)
  const outputPerCall = plan.variants.map((v) => v.params.maxTokens ?? DEFAULT_MAX_OUTPUT_TOKENS)
  const maxOutputTokens = outputPerCall.reduce((sum, n) => sum + n * plan.cases.length, 0)
  const perModel = plan.models.map((m, i) => {
    const model = models[i] as Model
    let min: number | null = 0
    let max: number | null = 0
    for (const [v, input] of inputPerVariant.entries()) {
      const range = estimateCostRange(model, input, (outputPerCall[v] as number) * plan.cases.length)
      min = min === null || range.minCostUsd === null ? null : min + range.minCostUsd
      max = max === null || range.maxCostUsd === null ? null : max + range.maxCostUsd
    }
    const times = (n: number | null): number | null => (n === null ? null : n * plan.repeats)
    return { providerId: m.ref.providerId, modelId: m.ref.modelId, calls: plan.cases.length * plan.variants.length * plan.repeats, minCostUsd: times(min), maxCostUsd: times(max) }
  })
  const sum = (key: 'minCostUsd' | 'maxCostUsd'): number | null => perModel.reduce<number | null>((total, m) => (total === null || m[key] === null ? null : total + (m[key] as number)), 0)
  const types = new Set([...assertionTypes(defaults), ...plan.cases.flatMap((c) => assertionTypes(c.assertions))])
  const warnings: string[] = []
  if (!judgeNamed && [...types].some((t) => MODEL_GRADED.has(t))) warnings.push('Some assertions are model-graded (llm-rubric, factuality) but the suite names no judge model: they will be scoring errors. Pick a judge.')
  if (!embeddingsNamed && [...types].some((t) => EMBEDDING.has(t))) warnings.push('Some assertions use `similar` but the suite names no embeddings model: they will be scoring errors. Pick one (the Local emulator has emu-embed).')
  if (perModel.some((m) => m.maxCostUsd === null)) warnings.push('A model has no known price: its cost is not included. Set a price in Providers.')
  return {
    cases: plan.cases.length,
    variants: plan.variants.length,
    models: plan.models.length,
    repeats: plan.repeats,
    calls: plan.cases.length * plan.variants.length * plan.models.length * plan.repeats,
    inputTokens: inputTokens * plan.models.length * plan.repeats,
    maxOutputTokens: maxOutputTokens * plan.models.length * plan.repeats,
    minCostUsd: sum('minCostUsd'),
    maxCostUsd: sum('maxCostUsd'),
    perModel,
    warnings
  }
}
