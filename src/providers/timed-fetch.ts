import { performance } from 'node:perf_hooks'
import type { ErrorClass } from '../core/schemas/run'
import { undiciFetch, undiciRequest } from './undici-fetch'

export interface TimedFetchOptions {
  /** No response headers within this → abort with `timeout_connect`. */
  connectTimeoutMs: number
  /** The whole exchange (headers and body) within this → else abort with `timeout_total`. */
  totalTimeoutMs: number
  /** The caller's cancel signal → abort with `cancelled`. */
  signal: AbortSignal
  onResponseHeaders?(headers: Headers, status: number): void
  /** The fetch underneath (default: undici.request via ./undici-fetch, which timestamps chunks at the socket). */
  baseFetch?: typeof globalThis.fetch
}

/** All times in ms relative to `startedAt` (performance.now() when the first request was issued). */
export interface FetchTimings {
  /** performance.now() at request start; null before any request. */
  startedAt: number | null
  /** Epoch ms at request start. */
  startedAtEpoch: number | null
  firstByteMs: number | null
  /** Arrival of every body chunk. */
  chunkTimes: number[]
  /** Arrival of the chunks that carried text (see markTextChunk), distinct and in order. */
  textChunkTimes: number[]
  /** Arrival of the chunk whose bytes carried the first text token (sniffed at the transport), or null. */
  firstTokenMs: number | null
  /** Last byte of the body (null while streaming or when it broke). */
  endMs: number | null
}

export interface TimedFetch {
  fetch: typeof globalThis.fetch
  /** Aborts when the caller cancels or a timeout fires; hand it to the SDK as abortSignal. */
  signal: AbortSignal
  timings(): FetchTimings
  /** Call when the SDK yields a text delta: attributes it to the most recent network chunk. */
  markTextChunk(): void
  /** Why we aborted (timeout_connect, timeout_total or cancelled), or null. */
  abortClass(): ErrorClass | null
  response(): { status: number; headers: Headers } | null
  /** One response header of the last response (case-insensitive), or null. */
  header(name: string): string | null
  /**
   * The same timed request without WHATWG Response and streams (for the direct wire paths): a POST with a string
   * body; the body is read through `read`, which times every chunk as fetch's body does.
   */
  exchange(url: string, init: { method: string; headers: Record<string, string>; body: string }): Promise<TimedExchange>
  /** Clears timers and listeners; aborts any request still open (releasing its socket). */
  dispose(): void
}

export interface TimedExchange {
  status: number
  /** Streams the body to onChunk; resolves at its end, rejects when it breaks or the request is aborted. */
  read(onChunk: (chunk: Uint8Array) => void): Promise<void>
}

type RawHeaders = Record<string, string | string[] | undefined>

function headersOf(raw: RawHeaders): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  return headers
}

/**
 * A fetch for one attempt that times the transport: response headers, every body chunk's arrival, and the end
 * of the body. TTFT is the arrival of the chunk that carried the first text, not when the SDK emitted it.
 */
export function createTimedFetch(options: TimedFetchOptions): TimedFetch {
  const baseFetch = options.baseFetch ?? null
  const controller = new AbortController()
  let reason: ErrorClass | null = null
  let connectTimer: NodeJS.Timeout | null = null
  let totalTimer: NodeJS.Timeout | null = null
  let startedAt: number | null = null
  let startedAtEpoch: number | null = null
  let firstByteAt: number | null = null
  let endAt: number | null = null
  let lastChunkAt: number | null = null
  const chunkTimes: number[] = []
  const textChunkTimes: number[] = []
  let lastResponse: { status: number; headers: Headers } | null = null
  /** The last response's headers as undici gave them (exchange), turned into Headers only when asked. */
  let rawHeaders: RawHeaders | null = null

  const abort = (why: ErrorClass): void => {
    if (controller.signal.aborted) return
    reason = why
    controller.abort(new DOMException(why, why === 'cancelled' ? 'AbortError' : 'TimeoutError'))
  }
  const onCancel = (): void => abort('cancelled')
  if (options.signal.aborted) abort('cancelled')
  else options.signal.addEventListener('abort', onCancel, { once: true })

  // Until the first token is seen, each chunk's bytes are scanned for it, so TTFT is the arrival of the chunk
  // that carried it however late the SDK gets round to parsing it.
  let firstTokenAt: number | null = null
  const sniffer = new FirstTokenSniffer()
  const onArrival = (at: number, chunk?: Uint8Array): void => {
    lastChunkAt = at
    chunkTimes.push(at)
    if (firstTokenAt === null && chunk && sniffer.sawToken(chunk)) firstTokenAt = at
  }
  const clearConnect = (): void => {
    if (connectTimer) clearTimeout(connectTimer)
    connectTimer = null
  }

  const begin = (): void => {
    if (startedAt === null) {
      startedAt = performance.now()
      startedAtEpoch = Date.now()
      totalTimer = setTimeout(() => abort('timeout_total'), options.totalTimeoutMs)
    }
    clearConnect()
    connectTimer = setTimeout(() => abort('timeout_connect'), options.connectTimeoutMs)
  }

  const exchange = async (url: string, init: { method: string; headers: Record<string, string>; body: string }): Promise<TimedExchange> => {
    begin()
    let response: Awaited<ReturnType<typeof undiciRequest>>
    try {
      response = await undiciRequest(url, { ...init, signal: controller.signal })
    } finally {
      clearConnect()
    }
    firstByteAt = performance.now()
    const raw = response.headers
    rawHeaders = raw
    let built: Headers | null = null
    lastResponse = {
      status: response.statusCode,
      get headers() {
        return (built ??= headersOf(raw))
      }
    }
    if (options.onResponseHeaders) options.onResponseHeaders(lastResponse.headers, response.statusCode)
    const source = response.body
    return {
      status: response.statusCode,
      read: (onChunk) =>
        new Promise<void>((resolve, reject) => {
          source.on('data', (chunk: Buffer) => {
            // No first-token sniffing here: the direct paths parse each chunk as it arrives, so their
            // markTextChunk already points at the chunk that carried the first text.
            onArrival(performance.now())
            onChunk(chunk)
          })
          source.once('end', () => {
            endAt = performance.now()
            resolve()
          })
          source.once('error', reject)
        })
    }
  }

  const timedFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    begin()
    const signal = init?.signal && init.signal !== controller.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal
    let response: Response
    try {
      response = baseFetch
        ? await baseFetch(input, { ...init, signal })
        : await undiciFetch(input, { ...init, signal }, { onChunk: onArrival, onEnd: (at) => (endAt = at) })
    } finally {
      clearConnect()
    }
    firstByteAt = performance.now()
    rawHeaders = null
    lastResponse = { status: response.status, headers: response.headers }
    options.onResponseHeaders?.(response.headers, response.status)
    if (!baseFetch) return response
    if (!response.body) {
      endAt = firstByteAt
      return response
    }
    const reader = response.body.getReader()
    const body = new ReadableStream<Uint8Array>({
      async pull(ctrl) {
        try {
          const { done, value } = await reader.read()
          const now = performance.now()
          if (done) {
            endAt = now
            ctrl.close()
            return
          }
          onArrival(now, value)
          ctrl.enqueue(value)
        } catch (error) {
          ctrl.error(error)
        }
      },
      cancel(why) {
        return reader.cancel(why)
      }
    })
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
  }

  const rel = (t: number | null): number | null => (t === null || startedAt === null ? null : t - startedAt)

  return {
    fetch: timedFetch as typeof globalThis.fetch,
    signal: controller.signal,
    timings: () => ({
      startedAt,
      startedAtEpoch,
      firstByteMs: rel(firstByteAt),
      chunkTimes: chunkTimes.map((t) => t - (startedAt ?? 0)),
      textChunkTimes: textChunkTimes.map((t) => t - (startedAt ?? 0)),
      firstTokenMs: firstTokenAt === null ? null : rel(Math.min(firstTokenAt, textChunkTimes[0] ?? firstTokenAt)),
      endMs: rel(endAt)
    }),
    markTextChunk() {
      const at = lastChunkAt ?? performance.now()
      if (textChunkTimes[textChunkTimes.length - 1] !== at) textChunkTimes.push(at)
    },
    abortClass: () => reason,
    response: () => lastResponse,
    header(name) {
      if (rawHeaders) {
        const value = rawHeaders[name.toLowerCase()]
        return (Array.isArray(value) ? value.join(', ') : value) ?? null
      }
      return lastResponse?.headers.get(name) ?? null
    },
    exchange,
    dispose() {
      clearConnect()
      if (totalTimer) clearTimeout(totalTimer)
      totalTimer = null
      options.signal.removeEventListener('abort', onCancel)
      // A body read to its end holds no socket: nothing to abort (and no DOMException to build per call).
      if (!controller.signal.aborted && endAt === null) controller.abort(new DOMException('disposed', 'AbortError'))
    }
  }
}

/**
 * Spots the first text token in raw response bytes, whatever the wire format: a non-empty OpenAI-style
 * `"content":"…"` delta, a Gemini `"text":"…"` part, or an Anthropic `text_delta`. A marker split across two
 * chunks is still found (the tail of the previous chunk is kept).
 */
export class FirstTokenSniffer {
  private static readonly MARKER = /"(?:content|text)"\s*:\s*"[^"]|"text_delta"/
  private readonly decoder = new TextDecoder()
  private tail = ''

  sawToken(chunk: Uint8Array): boolean {
    const text = this.tail + this.decoder.decode(chunk, { stream: true })
    if (FirstTokenSniffer.MARKER.test(text)) return true
    this.tail = text.slice(-64)
    return false
  }
}
