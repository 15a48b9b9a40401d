import { describe, expect, it } from 'vitest'
import { AppError } from '../core/errors'
import { PlaygroundRunRequest } from '../core/schemas/playground'
import type { Model } from '../core/schemas/provider'
import { catalogPricesFor } from './catalog'
import { DEFAULT_MAX_OUTPUT_TOKENS, estimatePlaygroundRun } from './estimate-run'
import { estimateMessagesTokens } from './token-estimate'

const mini = catalogPricesFor('openai', 'gpt-4o-mini')!
const priced: Model = {
  id: 'm1', providerId: 'openai-1', modelId: 'gpt-4o-mini', displayName: mini.displayName, contextWindow: mini.contextWindow,
  inputPricePerMTok: mini.inputPricePerMTok, outputPricePerMTok: mini.outputPricePerMTok, cachedInputPricePerMTok: mini.cachedInputPricePerMTok,
  priceSource: 'catalog', enabled: true
}
const unpriced: Model = {
  id: 'm2', providerId: 'local-1', modelId: 'llama3.1:8b', displayName: 'llama3.1:8b', contextWindow: null,
  inputPricePerMTok: null, outputPricePerMTok: null, cachedInputPricePerMTok: null, priceSource: 'unknown', enabled: true
}
const request = (extra: Record<string, unknown> = {}) =>
  PlaygroundRunRequest.parse({
    messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Summarise {{ topic }} in one line.' }],
    variables: { topic: 'prompt caching' },
    models: [{ providerId: 'openai-1', modelId: 'gpt-4o-mini' }, { providerId: 'local-1', modelId: 'llama3.1:8b' }],
    ...extra
  })
const inputTokens = estimateMessagesTokens([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Summarise prompt caching in one line.' }])

describe('estimatePlaygroundRun', () => {
  it('estimates each model from the rendered prompt; totals are unknown when one price is', () => {
    const result = estimatePlaygroundRun(request({ params: { maxTokens: 500 }, repeat: 3 }), [priced, unpriced])
    const [first, second] = result.estimates
    expect(first).toMatchObject({ providerId: 'openai-1', modelId: 'gpt-4o-mini', inputTokens, maxOutputTokens: 500, estimated: true })
    expect(first!.minCostUsd).toBeCloseTo((3 * inputTokens * mini.inputPricePerMTok!) / 1e6, 12)
    expect(first!.maxCostUsd).toBeCloseTo((3 * (inputTokens * mini.inputPricePerMTok! + 500 * mini.outputPricePerMTok!)) / 1e6, 12)
    expect(second).toMatchObject({ modelId: 'llama3.1:8b', inputTokens, minCostUsd: null, maxCostUsd: null })
    expect(result.totalMinCostUsd).toBeNull()
    expect(result.totalMaxCostUsd).toBeNull()
  })
  it('totals known prices and defaults the output budget, capped by the context window', () => {
    const twoPriced = request({ models: [{ providerId: 'openai-1', modelId: 'gpt-4o-mini' }, { providerId: 'tiny', modelId: 'tiny' }] })
    const tiny: Model = { ...priced, providerId: 'tiny', modelId: 'tiny', contextWindow: inputTokens + 100 }
    const result = estimatePlaygroundRun(twoPriced, [priced, tiny])
    expect(result.estimates.map((e) => e.maxOutputTokens)).toEqual([DEFAULT_MAX_OUTPUT_TOKENS, 100])
    expect(result.totalMinCostUsd).toBeCloseTo(result.estimates[0]!.minCostUsd! + result.estimates[1]!.minCostUsd!, 15)
    expect(result.totalMaxCostUsd).toBeCloseTo(result.estimates[0]!.maxCostUsd! + result.estimates[1]!.maxCostUsd!, 15)
  })
  it('rejects a missing variable with VALIDATION_FAILED naming it', () => {
    let caught: unknown
    try {
      estimatePlaygroundRun(request({ variables: {} }), [priced, unpriced])
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe('VALIDATION_FAILED')
    expect((caught as AppError).message).toContain('{{topic}}')
    expect((caught as AppError).issues).toEqual([{ path: 'variables.topic', message: 'required by the template' }])
  })
})
