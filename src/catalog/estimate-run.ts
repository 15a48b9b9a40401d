import { estimateCostRange } from '../core/pricing'
import type { CostEstimate, PlaygroundRunRequest } from '../core/schemas/playground'
import type { Model } from '../core/schemas/provider'
import { renderMessages } from '../core/templating'
import { estimateMessagesTokens } from './token-estimate'

/**
 * Output budget when the request sets no `maxTokens`. Neither the Model row nor the catalog records a model's maximum
 * output, so 4096 stands in (a common default cap), lowered to what the context window leaves after the input when
 * the window is known.
 */
export const DEFAULT_MAX_OUTPUT_TOKENS = 4096

export interface PlaygroundEstimate {
  estimates: CostEstimate[]
  totalMinCostUsd: number | null
  totalMaxCostUsd: number | null
}

function maxOutputFor(request: PlaygroundRunRequest, model: Model, inputTokens: number): number {
  if (request.params.maxTokens !== undefined) return request.params.maxTokens
  const room = model.contextWindow === null ? DEFAULT_MAX_OUTPUT_TOKENS : Math.max(0, model.contextWindow - inputTokens)
  return Math.min(DEFAULT_MAX_OUTPUT_TOKENS, room)
}

function sumOrNull(values: (number | null)[]): number | null {
  let total = 0
  for (const v of values) {
    if (v === null) return null
    total += v
  }
  return total
}

/**
 * Pre-run estimate of a playground request (parsed, defaults filled) over `models`, the rows for `request.models` in
 * the same order. Messages are rendered with the variables first, so a missing variable throws its
 * VALIDATION_FAILED error. Input tokens come from the o200k tokenizer for every model (an estimate, as flagged).
 * `inputTokens` and `maxOutputTokens` are per call; the costs cover all `repeat` calls of the model. A total is null
 * when any model's bound is unknown: an unknown cost is never counted as zero.
 */
export function estimatePlaygroundRun(request: PlaygroundRunRequest, models: Model[]): PlaygroundEstimate {
  if (models.length !== request.models.length) {
    throw new Error(`estimatePlaygroundRun: ${models.length} model rows for ${request.models.length} requested models`)
  }
  const inputTokens = estimateMessagesTokens(renderMessages(request.messages, request.variables))
  const estimates = request.models.map((ref, i): CostEstimate => {
    const model = models[i]!
    const maxOutputTokens = maxOutputFor(request, model, inputTokens)
    const range = estimateCostRange(model, inputTokens, maxOutputTokens)
    const times = (cost: number | null): number | null => (cost === null ? null : cost * request.repeat)
    return {
      providerId: ref.providerId,
      modelId: ref.modelId,
      inputTokens,
      maxOutputTokens,
      minCostUsd: times(range.minCostUsd),
      maxCostUsd: times(range.maxCostUsd),
      estimated: true
    }
  })
  return {
    estimates,
    totalMinCostUsd: sumOrNull(estimates.map((e) => e.minCostUsd)),
    totalMaxCostUsd: sumOrNull(estimates.map((e) => e.maxCostUsd))
  }
}
