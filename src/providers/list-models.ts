import { providerKindInfo } from '../core/provider-kinds'
import type { CallTarget } from './call-types'
import { classifyError, classOfStatus, httpErrorMessage, redactWith } from './classify-error'
import { extraHeaders, resolveBaseUrl } from './provider-endpoint'
import { ProviderCallError } from './provider-call-error'
import { createTimedFetch } from './timed-fetch'

export interface ListedModel {
  modelId: string
  displayName: string | null
  contextWindow: number | null
}

export interface ListModelsOptions {
  signal?: AbortSignal
  /** Connect and total timeout for each request (default 10 s). */
  timeoutMs?: number
}

type Json = Record<string, unknown>
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : null)
const MAX_PAGES = 20

/** The provider's own error text from a JSON error body (OpenAI, Anthropic, Gemini shapes), else the raw text. */
function providerMessage(body: string, statusText: string): string {
  try {
    const parsed: unknown = JSON.parse(body)
    if (isRecord(parsed)) {
      const error = parsed['error']
      if (isRecord(error) && typeof error['message'] === 'string') return error['message']
      if (typeof error === 'string') return error
      if (typeof parsed['message'] === 'string') return parsed['message']
    }
  } catch {
    // not JSON
  }
  return body.trim().slice(0, 300) || statusText || 'no details'
}

async function getJson(url: string, headers: Record<string, string>, target: CallTarget, options: ListModelsOptions): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? 10_000
  const tf = createTimedFetch({ connectTimeoutMs: timeoutMs, totalTimeoutMs: timeoutMs, signal: options.signal ?? new AbortController().signal })
  try {
    const response = await tf.fetch(url, { method: 'GET', headers: { accept: 'application/json', ...headers } })
    const body = await response.text()
    if (!response.ok) {
      const message = providerMessage(body, response.statusText)
      throw new ProviderCallError(classOfStatus(response.status, message), redactWith(httpErrorMessage(response.status, message), [target.apiKey]), response.status)
    }
    try {
      return JSON.parse(body) as unknown
    } catch {
      throw new ProviderCallError('malformed_response', 'The models endpoint did not return JSON.', response.status)
    }
  } catch (error) {
    if (error instanceof ProviderCallError) throw error
    const classified = classifyError(error, { abortClass: tf.abortClass(), sawOutput: false, secrets: [target.apiKey] })
    throw new ProviderCallError(classified.errorClass, classified.message, classified.httpStatus)
  } finally {
    tf.dispose()
  }
}

function openAiStyle(body: unknown): ListedModel[] {
  const rows = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body['data']) ? body['data'] : null
  if (!rows) throw new ProviderCallError('malformed_response', 'The models endpoint returned no model list.')
  return rows.filter(isRecord).flatMap((row) => {
    const modelId = str(row['id'])
    if (!modelId) return []
    return [{
      modelId,
      displayName: str(row['display_name']) ?? str(row['name']) ?? str(row['displayName']),
      contextWindow: num(row['context_length']) ?? num(row['context_window']) ?? num(row['contextWindow']) ?? num(row['max_context_length'])
    }]
  })
}

async function anthropicModels(base: string, target: CallTarget, headers: Record<string, string>, options: ListModelsOptions): Promise<ListedModel[]> {
  const out: ListedModel[] = []
  let after: string | null = null
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = `?limit=1000${after ? `&after_id=${encodeURIComponent(after)}` : ''}`
    const body = await getJson(`${base}/models${query}`, { ...headers, 'x-api-key': target.apiKey ?? '', 'anthropic-version': '2023-06-01' }, target, options)
    out.push(...openAiStyle(body))
    after = isRecord(body) && body['has_more'] === true ? str(body['last_id']) : null
    if (!after) break
  }
  return out
}

async function geminiModels(base: string, target: CallTarget, headers: Record<string, string>, options: ListModelsOptions): Promise<ListedModel[]> {
  const out: ListedModel[] = []
  let token: string | null = null
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = `?pageSize=1000${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`
    const body = await getJson(`${base}/models${query}`, { ...headers, 'x-goog-api-key': target.apiKey ?? '' }, target, options)
    const rows = isRecord(body) && Array.isArray(body['models']) ? body['models'] : null
    if (!rows) throw new ProviderCallError('malformed_response', 'The models endpoint returned no model list.')
    for (const row of rows.filter(isRecord)) {
      const name = str(row['name'])
      if (name) out.push({ modelId: name.replace(/^models\//, ''), displayName: str(row['displayName']), contextWindow: num(row['inputTokenLimit']) })
    }
    token = isRecord(body) ? str(body['nextPageToken']) : null
    if (!token) break
  }
  return out
}

/** The provider's models from its models endpoint. Throws ProviderCallError (classified, redacted). */
export async function listModels(target: CallTarget, options: ListModelsOptions = {}): Promise<ListedModel[]> {
  const { kind } = target.provider
  if (kind === 'azure-openai') throw new ProviderCallError('bad_request', 'Azure lists no models: add each deployment name as a model')
  if (providerKindInfo(kind).needsKey && !target.apiKey) {
    throw new ProviderCallError('missing_key', `No API key for provider "${target.provider.name}": set a key in Providers.`)
  }
  const base = resolveBaseUrl(target)
  const headers = extraHeaders(target.provider.options)
  if (kind === 'anthropic') return anthropicModels(base, target, headers, options)
  if (kind === 'gemini') return geminiModels(base, target, headers, options)
  const key = kind === 'emulator' ? (target.apiKey ?? 'emulator') : target.apiKey
  const auth: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {}
  return openAiStyle(await getJson(`${base}/models`, { ...headers, ...auth }, target, options))
}
