import { APICallError } from '@ai-sdk/provider'
import type { ErrorClass } from '../core/schemas/run'
import { ProviderCallError } from './provider-call-error'
import { redactSecrets } from './redact'
import { parseRetryAfterMs } from './retry-policy'

export interface ClassifiedError {
  errorClass: ErrorClass
  message: string
  httpStatus: number | null
  retryAfterMs: number | null
}

export interface ClassifyOptions {
  /** The caller's signal aborted (user cancel), when no more specific abort class is known. */
  aborted?: boolean
  /** Why our transport aborted the request (timeout_connect, timeout_total, cancelled), if it did. */
  abortClass?: ErrorClass | null
  /** Text had already streamed when the failure happened. */
  sawOutput: boolean
  /** Keys to scrub from the message (their base64 forms are scrubbed too). */
  secrets?: readonly (string | undefined)[]
}

export function classOfStatus(status: number, body = ''): ErrorClass {
  if (status === 401 || status === 403) return 'auth'
  if (status === 404) return 'not_found'
  if (status === 408) return 'timeout_total'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'server_error'
  if (/content[_ -]?(filter|policy)|safety/i.test(body)) return 'content_filter'
  return 'bad_request'
}

/** The message shown for an HTTP failure: auth failures say so first. */
export function httpErrorMessage(status: number, providerMessage: string): string {
  const errorClass = classOfStatus(status, providerMessage)
  if (errorClass === 'auth') return `Key rejected (HTTP ${status}): ${providerMessage}`
  return providerMessage.includes(String(status)) ? providerMessage : `HTTP ${status}: ${providerMessage}`
}

/** The key, its base64 and base64url forms: what must never appear in a message. */
export function secretForms(secrets: readonly (string | undefined)[]): string[] {
  const out: string[] = []
  for (const secret of secrets) {
    if (!secret) continue
    out.push(secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url'))
  }
  return out
}

export function redactWith(message: string, secrets: readonly (string | undefined)[] = []): string {
  return redactSecrets(message, secretForms(secrets))
}

const MAX_MESSAGE = 600
const clip = (message: string): string => (message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message)

function abortMessage(errorClass: ErrorClass): string {
  if (errorClass === 'timeout_connect') return 'No response headers within the connect timeout'
  if (errorClass === 'timeout_total') return 'The call exceeded its total timeout'
  return 'Cancelled'
}

function causeText(error: unknown): string {
  if (!(error instanceof Error)) return ''
  const cause = (error as { cause?: unknown }).cause
  return cause instanceof Error ? ` (${cause.message})` : ''
}

/** Every failure becomes one ErrorClass with a message that never contains a key. */
export function classifyError(error: unknown, options: ClassifyOptions): ClassifiedError {
  const secrets = options.secrets ?? []
  const abortClass = options.abortClass ?? (options.aborted ? 'cancelled' : null)
  if (abortClass) return { errorClass: abortClass, message: abortMessage(abortClass), httpStatus: null, retryAfterMs: null }
  if (error instanceof ProviderCallError) {
    return { errorClass: error.errorClass, message: redactWith(error.message, secrets), httpStatus: error.httpStatus, retryAfterMs: null }
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ?? null
    const headers = error.responseHeaders ?? {}
    const retryAfterMs = parseRetryAfterMs((name) => headers[name])
    if (status === null || status < 400) {
      // No status, or a 2xx whose body broke while streaming (socket cut): a transport failure.
      const errorClass: ErrorClass = options.sawOutput ? 'stream_interrupted' : 'network'
      const prefix = errorClass === 'stream_interrupted' ? 'The stream broke after partial output: ' : 'Network error: '
      return { errorClass, message: clip(redactWith(prefix + error.message + causeText(error), secrets)), httpStatus: status, retryAfterMs }
    }
    const errorClass = classOfStatus(status, `${error.message} ${error.responseBody ?? ''}`)
    return { errorClass, message: clip(redactWith(httpErrorMessage(status, error.message), secrets)), httpStatus: status, retryAfterMs }
  }
  const raw = error instanceof Error ? error.message + causeText(error) : String(error)
  const message = clip(redactWith(raw, secrets))
  const name = error instanceof Error ? error.name : ''
  if (name === 'AI_JSONParseError' || name === 'AI_TypeValidationError' || /JSON|Unexpected token|Invalid JSON/i.test(raw)) {
    return { errorClass: 'malformed_response', message: `Malformed response from the provider: ${message}`, httpStatus: null, retryAfterMs: null }
  }
  if (name === 'TimeoutError' || /timed? ?out/i.test(raw)) {
    return { errorClass: options.sawOutput ? 'timeout_total' : 'timeout_connect', message, httpStatus: null, retryAfterMs: null }
  }
  if (name === 'AbortError') return { errorClass: 'cancelled', message: 'Cancelled', httpStatus: null, retryAfterMs: null }
  const errorClass: ErrorClass = options.sawOutput ? 'stream_interrupted' : 'network'
  const prefix = errorClass === 'stream_interrupted' ? 'The stream broke after partial output: ' : 'Network error: '
  return { errorClass, message: prefix + message, httpStatus: null, retryAfterMs: null }
}
