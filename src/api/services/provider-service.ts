import { KEY_ENV_VAR, type KeyStatus, type Provider } from '../../core/schemas/provider'
import { AppError } from '../../core/errors'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'

/** Status of a provider's key; the emulator and local servers need none. */
export function keyStatusOf(context: EngineContext, provider: Pick<Provider, 'id' | 'kind'>): KeyStatus {
  return context.secretStore.status(provider.id, KEY_ENV_VAR[provider.kind])
}

function providerOrThrow(context: EngineContext, providerId: string): Provider {
  const provider = requireStore(context).providers.get(providerId)
  if (!provider) throw new AppError('NOT_FOUND', `No provider "${providerId}". providers.list shows the configured providers.`)
  return provider
}

export function providerHandlers(
  context: EngineContext
): Pick<Handlers, 'providers.list' | 'providers.probe' | 'models.list' | 'secrets.status' | 'secrets.set' | 'secrets.clear'> {
  return {
    'providers.list': () => requireStore(context).providers.list().map((p) => ({ ...p, key: keyStatusOf(context, p) })),
    'providers.probe': (request) => {
      const store = requireStore(context)
      const provider = providerOrThrow(context, request.providerId)
      const models = store.models.list(provider.id).filter((m) => m.enabled)
      const chosen = request.modelIds ?? models.slice(0, 4).map((m) => m.modelId)
      for (const id of chosen) {
        if (!models.some((m) => m.modelId === id)) {
          throw new AppError('NOT_FOUND', `Provider "${provider.name}" has no model "${id}". models.list shows its models.`, [
            { path: 'modelIds', message: `unknown model ${id}` }
          ])
        }
      }
      if (chosen.length === 0) throw new AppError('VALIDATION_FAILED', `Provider "${provider.name}" has no enabled models to probe.`)
      // The AI SDK costs ~200 ms to load, so it loads with the first probe, not with the engine.
      const jobId = context.jobs.start('providers.probe', async (job) => {
        const { runProbe } = await import('../../providers/probe')
        await runProbe(job, {
          store,
          provider,
          models: models.filter((m) => chosen.includes(m.modelId)),
          prompt: request.prompt,
          maxTokens: request.maxTokens,
          emulatorUrl: context.emulator?.url ?? null,
          apiKey: context.secretStore.reveal(provider.id, KEY_ENV_VAR[provider.kind])
        })
      })
      return { jobId }
    },
    'models.list': (request) => requireStore(context).models.list(request.providerId),
    'secrets.status': () => requireStore(context).providers.list().map((p) => keyStatusOf(context, p)),
    'secrets.set': (request) => {
      const provider = providerOrThrow(context, request.providerId)
      if (provider.kind === 'emulator') {
        throw new AppError('VALIDATION_FAILED', 'The Local emulator needs no key.', [{ path: 'providerId', message: 'the emulator takes no key' }])
      }
      return context.secretStore.set(provider.id, request.key, KEY_ENV_VAR[provider.kind])
    },
    'secrets.clear': (request) => {
      const provider = providerOrThrow(context, request.providerId)
      return context.secretStore.clear(provider.id, KEY_ENV_VAR[provider.kind])
    }
  }
}
