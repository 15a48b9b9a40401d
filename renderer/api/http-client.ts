import { HTTP_API_PREFIX, HTTP_EVENTS_PATH } from '../../src/core/api-operations'
import type { SwitchyardClient } from '../../src/core/client'
import { ApiError, AppError, fromApiError } from '../../src/core/errors'
import type { ErrorCode } from '../../src/core/errors'
import { clientOverTransport } from './transport-client'

type FetchLike = (input: string, init: RequestInit) => Promise<Response>
type EventSourceFactory = (url: string) => EventSource

export interface HttpClientOptions {
  /** Prefix for every path; '' means same origin. */
  baseUrl?: string
  fetch?: FetchLike
  eventSource?: EventSourceFactory
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  502: 'UPSTREAM',
  503: 'STORE_UNAVAILABLE'
}

/** Web mode: `POST /api/<op>` for calls and job starts, one EventSource on `/api/events` for job events. */
export function createHttpClient(options: HttpClientOptions = {}): SwitchyardClient {
  const base = options.baseUrl ?? ''
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const openEvents: EventSourceFactory = options.eventSource ?? ((url) => new EventSource(url))
  const listeners = new Set<(raw: unknown) => void>()
  let source: EventSource | null = null

  async function post(op: string, request: unknown): Promise<unknown> {
    let response: Response
    try {
      response = await doFetch(`${base}${HTTP_API_PREFIX}${op}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request ?? {})
      })
    } catch {
      throw new AppError('INTERNAL', 'engine unreachable')
    }
    const body: unknown = await response.json().catch(() => undefined)
    if (response.ok) return body
    throw errorFromBody(response.status, body)
  }

  function ensureEventSource(): void {
    if (source) return
    source = openEvents(`${base}${HTTP_EVENTS_PATH}`)
    source.addEventListener('job', (message) => {
      const data = (message as MessageEvent<string>).data
      let parsed: unknown
      try {
        parsed = JSON.parse(data)
      } catch {
        return
      }
      for (const listener of [...listeners]) listener(parsed)
    })
  }

  return clientOverTransport({
    face: 'web',
    send: post,
    subscribe(listener) {
      listeners.add(listener)
      ensureEventSource()
      return () => {
        listeners.delete(listener)
      }
    }
  })
}

function errorFromBody(status: number, body: unknown): AppError {
  const envelope = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: unknown }).error : undefined
  const parsed = ApiError.safeParse(envelope)
  if (parsed.success) return fromApiError(parsed.data)
  const code = CODE_BY_STATUS[status] ?? 'INTERNAL'
  return new AppError(code, `The engine answered HTTP ${status}`)
}
