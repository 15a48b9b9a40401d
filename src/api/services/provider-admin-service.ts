import { AppError } from '../../core/errors'
import { KEY_ENV_VAR, type ProviderWithStatus } from '../../core/schemas/provider'
import type { Provider } from '../../core/schemas/provider'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'
import { callTarget, effectivePolicy, providerOrThrow, unlistedModel } from './call-targets'
import { normaliseProvider } from './provider-options'
import { keyStatusOf } from './provider-service'

function withStatus(context: EngineContext, provider: Provider): ProviderWithStatus {
  return { ...provider, key: keyStatusOf(context, provider) }
}

/** http://localhost:11434/v1/ and http://127.0.0.1:11434 name the same server. */
function sameServer(a: string | null, b: string): boolean {
  const norm = (url: string) =>
    url
      .trim()
      .toLowerCase()
      .replace(/\/+$/, '')
      .replace(/\/v1$/, '')
      .replace('://localhost', '://127.0.0.1')
  return a !== null && norm(a) === norm(b)
}

export function providerAdminHandlers(
  context: EngineContext
): Pick<Handlers, 'providers.create' | 'providers.update' | 'providers.remove' | 'providers.test' | 'providers.detectLocal'> {
  return {
    'providers.create': (request) => {
      const shape = normaliseProvider({ kind: request.kind, baseUrl: request.baseUrl, options: request.options })
      const provider = requireStore(context).providers.create({ kind: request.kind, name: request.name, baseUrl: shape.baseUrl, options: shape.options })
      return withStatus(context, provider)
    },
    'providers.update': (request) => {
      const store = requireStore(context)
      const current = providerOrThrow(context, request.id)
      const next = {
        kind: current.kind,
        baseUrl: request.baseUrl === undefined ? current.baseUrl : request.baseUrl,
        options: request.options ?? current.options
      }
      if (current.kind === 'emulator' && (request.baseUrl !== undefined || request.options !== undefined)) {
        throw new AppError('VALIDATION_FAILED', 'The Local emulator runs in process: it has no base URL or options to change.', [
          { path: request.baseUrl !== undefined ? 'baseUrl' : 'options', message: 'not settable for the emulator' }
        ])
      }
      const shape = current.kind === 'emulator' ? next : normaliseProvider(next)
      const patch = {
        ...(request.name !== undefined ? { name: request.name } : {}),
        ...(request.enabled !== undefined ? { enabled: request.enabled } : {}),
        ...(request.baseUrl !== undefined || request.options !== undefined ? { baseUrl: shape.baseUrl, options: shape.options } : {})
      }
      return withStatus(context, store.providers.update(current.id, patch))
    },
    'providers.remove': (request) => {
      const current = providerOrThrow(context, request.id)
      if (current.builtIn || current.kind === 'emulator') {
        throw new AppError('CONFLICT', `"${current.name}" is built in and cannot be removed; disable it instead.`)
      }
      requireStore(context).providers.remove(current.id)
      context.secretStore.clear(current.id, KEY_ENV_VAR[current.kind])
      return { removed: true as const }
    },
    'providers.test': async (request) => {
      const store = requireStore(context)
      const provider = providerOrThrow(context, request.id)
      const models = store.models.list(provider.id)
      const model =
        (request.modelId === undefined ? models.find((m) => m.enabled) : models.find((m) => m.modelId === request.modelId)) ??
        unlistedModel(provider, request.modelId ?? '')
      const { testConnection } = await import('../../providers/test-connection')
      return testConnection(callTarget(context, provider, model), effectivePolicy(context))
    },
    'providers.detectLocal': async () => {
      const { detectLocalServers } = await import('../../providers/detect-local')
      const providers = requireStore(context).providers.list()
      const servers = await detectLocalServers()
      return servers.map((server) => ({
        ...server,
        providerId: providers.find((p) => p.kind === server.kind && sameServer(p.baseUrl, server.baseUrl))?.id ?? null
      }))
    }
  }
}
