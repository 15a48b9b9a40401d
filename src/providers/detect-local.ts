import { createTimedFetch } from './timed-fetch'

export interface DetectedServer {
  kind: 'ollama' | 'lmstudio'
  /** The OpenAI-compatible base URL a provider should use (…/v1). */
  baseUrl: string
  models: string[]
}

export interface DetectLocalOptions {
  /** Per probe (default 400 ms). */
  timeoutMs?: number
  /** Server roots (with or without /v1); defaults http://127.0.0.1:11434 and http://127.0.0.1:1234. */
  ollamaBaseUrl?: string
  lmstudioBaseUrl?: string
}

const root = (url: string): string => url.replace(/\/+$/, '').replace(/\/v1$/, '')

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  const tf = createTimedFetch({ connectTimeoutMs: timeoutMs, totalTimeoutMs: timeoutMs, signal: new AbortController().signal })
  try {
    const response = await tf.fetch(url, { headers: { accept: 'application/json' } })
    if (!response.ok) {
      await response.body?.cancel()
      return null
    }
    return (await response.json()) as unknown
  } catch {
    return null
  } finally {
    tf.dispose()
  }
}

function ids(body: unknown, listKey: string, idKey: string): string[] | null {
  if (typeof body !== 'object' || body === null) return null
  const rows = (body as Record<string, unknown>)[listKey]
  if (!Array.isArray(rows)) return null
  return rows.flatMap((row: unknown) => {
    const id = typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[idKey] : undefined
    return typeof id === 'string' ? [id] : []
  })
}

async function probeOllama(base: string, timeoutMs: number): Promise<DetectedServer | null> {
  const tags = ids(await getJson(`${base}/api/tags`, timeoutMs), 'models', 'name')
  const models = tags ?? ids(await getJson(`${base}/v1/models`, timeoutMs), 'data', 'id')
  return models ? { kind: 'ollama', baseUrl: `${base}/v1`, models } : null
}

async function probeLmStudio(base: string, timeoutMs: number): Promise<DetectedServer | null> {
  const models = ids(await getJson(`${base}/v1/models`, timeoutMs), 'data', 'id')
  return models ? { kind: 'lmstudio', baseUrl: `${base}/v1`, models } : null
}

/** Looks for Ollama and LM Studio on this machine; returns only those that answered. */
export async function detectLocalServers(options: DetectLocalOptions = {}): Promise<DetectedServer[]> {
  const timeoutMs = options.timeoutMs ?? 400
  const found = await Promise.all([
    probeOllama(root(options.ollamaBaseUrl ?? 'http://127.0.0.1:11434'), timeoutMs),
    probeLmStudio(root(options.lmstudioBaseUrl ?? 'http://127.0.0.1:1234'), timeoutMs)
  ])
  return found.filter((s): s is DetectedServer => s !== null)
}
