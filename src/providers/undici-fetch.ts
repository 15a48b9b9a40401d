import { performance } from 'node:perf_hooks'
import type { Dispatcher } from 'undici'
// Only the parts used here: undici's index also loads fetch, WebSocket, EventSource, mocks and caches (about 115 ms
// of a cold start, paid by the first call of a process) where the agent and request API take about 50 ms. undici has
// no "exports" map, so these paths are public files; the version is pinned and ./undici-parts.d.ts types them.
import Agent from 'undici/lib/dispatcher/agent.js'
import apiRequest from 'undici/lib/api/api-request.js'

/**
 * A `fetch` for the AI SDK built on undici's dispatcher API (`undici.request`, Node streams) instead of WHATWG
 * fetch: leaner on the SSE hot path (STACK.md §5), and it timestamps each body chunk in the socket's `data`
 * handler, the earliest point JS sees it, whether or not the SDK has pulled yet. Handles the request shapes the
 * SDK sends (string / bytes / no body); anything else falls back to globalThis.fetch.
 */
export interface UndiciFetchHooks {
  onChunk?(at: number, chunk: Uint8Array): void
  onEnd?(at: number): void
}

const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 })

type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'>

/** undici.request(url, options) on our agent: the request API's own function, called on the agent. */
function request(url: string, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const parsed = new URL(url)
  return apiRequest.call(agent, { ...options, origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` })
}
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  new Headers(headers).forEach((value, name) => (out[name] = value))
  return out
}

/** A request on the shared agent, answered as undici gives it (status, raw headers, a Node stream body). */
export function undiciRequest(url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }): Promise<Dispatcher.ResponseData> {
  return request(url, { method: init.method as 'POST', headers: init.headers, body: init.body, signal: init.signal })
}

export async function undiciFetch(input: RequestInfo | URL, init: RequestInit | undefined, hooks: UndiciFetchHooks = {}): Promise<Response> {
  const body = init?.body
  const simpleBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array
  if (input instanceof Request || !simpleBody) return globalThis.fetch(input, init)
  const url = input instanceof URL ? input.href : input
  const response = await request(url, {
    method: (init?.method ?? 'GET').toUpperCase() as 'GET',
    headers: headerRecord(init?.headers),
    body: body ?? undefined,
    signal: init?.signal ?? undefined
  })
  const headers = new Headers()
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  const status = response.statusCode
  const source = response.body
  if (NULL_BODY_STATUSES.has(status)) {
    source.resume()
    return new Response(null, { status, headers })
  }
  let settled = false
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      source.on('data', (chunk: Buffer) => {
        const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        hooks.onChunk?.(performance.now(), bytes)
        if (!settled) controller.enqueue(bytes)
      })
      source.on('end', () => {
        hooks.onEnd?.(performance.now())
        if (settled) return
        settled = true
        controller.close()
      })
      source.on('error', (error) => {
        if (settled) return
        settled = true
        controller.error(error)
      })
    },
    cancel() {
      settled = true
      source.destroy()
    }
  })
  return new Response(stream, { status, headers })
}
