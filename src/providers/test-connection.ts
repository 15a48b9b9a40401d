import { performance } from 'node:perf_hooks'
import type { ConnectionTest } from '../core/api-contract'
import { providerKindInfo } from '../core/provider-kinds'
import type { CallPolicy } from '../core/schemas/playground'
import type { CallTarget } from './call-types'
import { listModels } from './list-models'
import { ProviderCallError } from './provider-call-error'
import { streamCall } from './stream-call'

export interface TestConnectionOptions {
  /** Force a method; by default kinds that list models use their models endpoint, others a one-token completion. */
  method?: 'models' | 'completion'
  signal?: AbortSignal
}

async function completionTest(target: CallTarget, policy: CallPolicy, signal: AbortSignal, started: number): Promise<ConnectionTest> {
  if (target.model.modelId.trim() === '') {
    return { ok: false, method: 'completion', modelCount: null, latencyMs: performance.now() - started, errorClass: 'bad_request', message: `Add a model${target.provider.kind === 'azure-openai' ? ' (a deployment name)' : ''} to "${target.provider.name}" first, then test again.` }
  }
  const attempts = await streamCall(target, { messages: [{ role: 'user', content: 'Reply with one word: ok' }], maxTokens: 1, output: { kind: 'text' } }, { ...policy, retries: 0 }, { signal })
  const last = attempts[attempts.length - 1]
  const latencyMs = performance.now() - started
  if (!last || last.status === 'ok') {
    return { ok: true, method: 'completion', modelCount: null, latencyMs, errorClass: null, message: `"${target.model.modelId}" answered in ${Math.round(latencyMs)} ms.` }
  }
  return { ok: false, method: 'completion', modelCount: null, latencyMs, errorClass: last.errorClass, message: last.errorMessage ?? 'The test request failed.' }
}

/** Checks a provider's connection and key. Never throws for provider failures: returns ok false with a class. */
export async function testConnection(target: CallTarget, policy: CallPolicy, options: TestConnectionOptions = {}): Promise<ConnectionTest> {
  const started = performance.now()
  const signal = options.signal ?? new AbortController().signal
  const info = providerKindInfo(target.provider.kind)
  const method = options.method ?? (info.listsModels && target.provider.kind !== 'azure-openai' ? 'models' : 'completion')
  if (method === 'completion') return completionTest(target, policy, signal, started)
  try {
    const models = await listModels(target, { signal, timeoutMs: Math.min(policy.connectTimeoutMs, policy.totalTimeoutMs) })
    const latencyMs = performance.now() - started
    return { ok: true, method: 'models', modelCount: models.length, latencyMs, errorClass: null, message: `Connected: ${models.length} model${models.length === 1 ? '' : 's'} listed.` }
  } catch (error) {
    // Some OpenAI-compatible servers have no models endpoint: fall back to a one-token request when a model is known.
    if (error instanceof ProviderCallError && error.errorClass === 'not_found' && target.model.modelId.trim() !== '') {
      return completionTest(target, policy, signal, started)
    }
    const latencyMs = performance.now() - started
    if (error instanceof ProviderCallError) return { ok: false, method: 'models', modelCount: null, latencyMs, errorClass: error.errorClass, message: error.message }
    return { ok: false, method: 'models', modelCount: null, latencyMs, errorClass: 'network', message: 'The connection test failed unexpectedly.' }
  }
}
