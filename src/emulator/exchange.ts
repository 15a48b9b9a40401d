/**
 * One HTTP request/response pair plus the server state it needs, and the small HTTP helpers shared by
 * every route: body reading, JSON/error responses, API-key checks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorModel } from './models'
import type { StatsRecorder } from './stats'
import type { WireError, WireFormat } from './wire'

export interface ServerState {
  catalogue: EmulatorModel[]
  models: Map<string, EmulatorModel>
  requireKey: string | null
  stats: StatsRecorder
  /** Random per-server prefix for request ids. */
  tag: string
  counter: number
}

export interface Exchange {
  req: IncomingMessage
  res: ServerResponse
  /** performance.now() when the request arrived; every scheduled delay is relative to it. */
  arrival: number
  /** Per-server request number (also mixed into the latency/failure seed). */
  counter: number
  requestId: string
  pathname: string
  /** Raw query string without the leading `?` ('' when none). */
  query: string
  state: ServerState
  /** Set when the server itself destroyed the socket (stream_cut), so it is not counted as a client abort. */
  cutByServer: boolean
  /** Model id once known, for stats. */
  modelId: string | null
}

const MAX_BODY_BYTES = 32 * 1024 * 1024

export function queryParam(ex: Exchange, name: string): string | null {
  if (ex.query === '') return null
  return new URLSearchParams(ex.query).get(name)
}

/** Headers every response carries. */
export function baseHeaders(ex: Exchange, contentType: string, scheduledTtftMs: number): Record<string, string> {
  return {
    'content-type': contentType,
    'x-request-id': ex.requestId,
    'x-emulator-scheduled-ttft-ms': String(Math.round(scheduledTtftMs * 1000) / 1000)
  }
}

export function sendJson(ex: Exchange, status: number, body: string, extraHeaders?: Record<string, string>): void {
  if (ex.res.headersSent || ex.res.destroyed) return
  const headers = baseHeaders(ex, 'application/json', 0)
  if (extraHeaders) Object.assign(headers, extraHeaders)
  headers['content-length'] = String(Buffer.byteLength(body))
  ex.res.writeHead(status, headers)
  ex.res.end(body)
}

export function sendWireError(ex: Exchange, wire: WireFormat, error: WireError): void {
  const headers = wire.responseHeaders ? { ...wire.responseHeaders(ex.requestId), ...error.headers } : error.headers
  sendJson(ex, error.status, error.body, headers)
}

/** Resolves with the request body as text (rejects when it is larger than 32 MiB). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function header(ex: Exchange, name: string): string | undefined {
  const value = ex.req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The API key from any of the places the three providers put it, or null. */
export function extractApiKey(ex: Exchange): string | null {
  const authorization = header(ex, 'authorization')
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization)
    if (match?.[1]) return match[1].trim()
  }
  const direct = header(ex, 'x-api-key') || header(ex, 'api-key') || header(ex, 'x-goog-api-key') || queryParam(ex, 'key')
  return direct ? direct.trim() : null
}

/**
 * Checks the API key: any non-empty key passes unless the server has `requireKey`. Sends the wire
 * format's 401 and returns false otherwise. The key is never echoed back.
 */
export function authorize(ex: Exchange, wire: WireFormat): boolean {
  const key = extractApiKey(ex)
  const required = ex.state.requireKey
  if (key && (required === null || key === required)) return true
  ex.state.stats.record(null, 'auth_failed')
  const message = key ? 'Incorrect API key provided.' : 'No API key provided.'
  sendWireError(ex, wire, wire.error('unauthorized', message, { requestId: ex.requestId }))
  return false
}
