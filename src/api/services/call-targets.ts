import { AppError } from '../../core/errors'
import { CallPolicy } from '../../core/schemas/playground'
import { KEY_ENV_VAR, type Model, type Provider } from '../../core/schemas/provider'
import type { ModelRef } from '../../core/schemas/workspace'
import type { CallTarget } from '../../providers/call-types'
import { requireStore, type EngineContext } from '../engine-context'
import { currentSettings } from './app-service'

export function providerOrThrow(context: EngineContext, providerId: string): Provider {
  const provider = requireStore(context).providers.find(providerId)
  if (!provider) throw new AppError('NOT_FOUND', `No provider "${providerId}". providers.list shows the configured providers.`)
  return provider
}

/** A target for a provider and one of its models; the key comes from the secret store and goes nowhere else. */
export function callTarget(context: EngineContext, provider: Provider, model: Model): CallTarget {
  return {
    provider,
    model,
    apiKey: context.secretStore.reveal(provider.id, KEY_ENV_VAR[provider.kind]),
    emulatorUrl: context.emulator?.url ?? null
  }
}

/** A stand-in model row for calls to a model the store does not list yet (connection tests). */
export function unlistedModel(provider: Provider, modelId: string): Model {
  return {
    id: '',
    providerId: provider.id,
    modelId,
    displayName: modelId,
    contextWindow: null,
    inputPricePerMTok: null,
    outputPricePerMTok: null,
    cachedInputPricePerMTok: null,
    priceSource: 'unknown',
    enabled: true
  }
}

/**
 * The provider and model rows behind each ModelRef, checked: both exist and are enabled. Issues name the
 * offending `models.<i>` entry.
 */
export function resolveModelRefs(context: EngineContext, refs: readonly ModelRef[]): Array<{ provider: Provider; model: Model }> {
  const store = requireStore(context)
  return refs.map((ref, i) => {
    const provider = store.providers.find(ref.providerId)
    if (!provider) {
      throw new AppError('NOT_FOUND', `No provider "${ref.providerId}". providers.list shows the configured providers.`, [
        { path: `models.${i}.providerId`, message: 'unknown provider' }
      ])
    }
    const model = store.models.find(ref.providerId, ref.modelId)
    if (!model) {
      throw new AppError('NOT_FOUND', `Provider "${provider.name}" has no model "${ref.modelId}". Refresh or add its models in Providers.`, [
        { path: `models.${i}.modelId`, message: 'unknown model' }
      ])
    }
    if (!provider.enabled) {
      throw new AppError('VALIDATION_FAILED', `Provider "${provider.name}" is disabled; enable it in Providers first.`, [
        { path: `models.${i}.providerId`, message: 'provider disabled' }
      ])
    }
    if (!model.enabled) {
      throw new AppError('VALIDATION_FAILED', `Model "${ref.modelId}" of "${provider.name}" is disabled; enable it in Providers first.`, [
        { path: `models.${i}.modelId`, message: 'model disabled' }
      ])
    }
    return { provider, model }
  })
}

/** Settings' call policy with a request's overrides on top. */
export function effectivePolicy(context: EngineContext, override?: Partial<CallPolicy>): CallPolicy {
  const base = currentSettings(context).callPolicy
  return CallPolicy.parse({ ...base, ...Object.fromEntries(Object.entries(override ?? {}).filter(([, v]) => v !== undefined)) })
}
