import { APICallError } from 'ai'
import type { ErrorClass } from '../core/schemas/run'
import { redactSecrets } from './redact'

export interface ClassifiedError {
  errorClass: ErrorClass
  message: string
  httpStatus: number | null
  retryAfterMs: number | null
}

function retryAfterMs(headers: Record<string, string> | undefined): number | null {
  if (!headers) return null
  const ms = headers['retry-after-ms']
  if (ms !== undefined && Number.isFinite(Number(ms))) return Number(ms)
  const seconds = headers['retry-after']
  if (seconds === undefined) return null
  if (Number.isFinite(Number(seconds))) return Number(seconds) * 1000
  const date = Date.parse(seconds)
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now())
}

function classOfStatus(status: number): ErrorClass {
  if (status === 401 || status === 403) return 'auth'
  if (status === 404) return 'not_found'
  if (status === 408) return 'timeout_total'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'server_error'
  return 'bad_request'
}

/** Every failure becomes one ErrorClass with a message that never contains a key. */
export function classifyError(error: unknown, options: { aborted: boolean; sawOutput: boolean }): ClassifiedError {
  if (options.aborted) return { errorClass: 'cancelled', message: 'Cancelled', httpStatus: null, retryAfterMs: null }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ?? null
    const errorClass: ErrorClass = status === null ? (options.sawOutput ? 'stream_interrupted' : 'network') : classOfStatus(status)
    const message = errorClass === 'auth' ? `Key rejected (HTTP ${status}): ${error.message}` : error.message
    return { errorClass, message: redactSecrets(message), httpStatus: status, retryAfterMs: retryAfterMs(error.responseHeaders) }
  }
  const message = redactSecrets(error instanceof Error ? error.message : String(error))
  const name = error instanceof Error ? error.name : ''
  if (name === 'AI_JSONParseError' || name === 'AI_TypeValidationError' || /JSON/i.test(message)) {
    return { errorClass: 'malformed_response', message, httpStatus: null, retryAfterMs: null }
  }
  if (name === 'TimeoutError' || /timed? ?out/i.test(message)) {
    return { errorClass: options.sawOutput ? 'timeout_total' : 'timeout_connect', message, httpStatus: null, retryAfterMs: null }
  }
  return { errorClass: options.sawOutput ? 'stream_interrupted' : 'network', message, httpStatus: null, retryAfterMs: null }
}
