/**
 * Per-request overrides, sent as HTTP headers on any generation request (all three wire formats):
 *
 *   x-emulator-failure: none|rate_limit|server_error|unavailable|hang_headers|hang_stream|stream_cut|malformed_chunk|unauthorized
 *       Forces (or, with `none`, suppresses) a failure regardless of the model's failure mix.
 *   x-emulator-ttft-ms: N        Exact time to first token in ms (replaces the sampled value).
 *   x-emulator-tps: N            Output speed in tokens/s; 0 = unlimited (whole reply at once).
 *   x-emulator-retry-after: N    Retry-After seconds for rate_limit.
 *   x-emulator-seed: N           Seed for text, latency and failure sampling (replaces the request's `seed`
 *                                parameter and the default hash of model + messages).
 *   x-emulator-reply-tokens: N   Exact length of the (text) reply in tokens, before max tokens applies; for
 *                                long, steady streams in benchmarks. Default: a natural 24–80 tokens.
 *
 * An invalid value is answered with HTTP 400 in the provider's error format, naming the header.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { FAILURE_KINDS } from './profile'
import type { FailureKind } from './profile'

export interface RequestOverrides {
  failure?: FailureKind | 'none'
  ttftMs?: number
  /** null = unlimited. */
  tokensPerSecond?: number | null
  retryAfterSeconds?: number
  seed?: number
  replyTokens?: number
}

export type OverridesResult = { ok: true; overrides: RequestOverrides } | { ok: false; message: string; header: string }

const EMPTY: OverridesResult = { ok: true, overrides: {} }
const MAX_DELAY_MS = 600_000
const MAX_REPLY_TOKENS = 100_000

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function number(value: string, min: number, max: number): number | null {
  if (value.trim() === '') return null
  const parsed = Number(value)
  return Number.isFinite(parsed) && parsed >= min && parsed <= max ? parsed : null
}

export function parseOverrides(headers: IncomingHttpHeaders): OverridesResult {
  const failure = header(headers, 'x-emulator-failure')
  const ttft = header(headers, 'x-emulator-ttft-ms')
  const tps = header(headers, 'x-emulator-tps')
  const retryAfter = header(headers, 'x-emulator-retry-after')
  const seed = header(headers, 'x-emulator-seed')
  const replyTokens = header(headers, 'x-emulator-reply-tokens')
  if (failure === undefined && ttft === undefined && tps === undefined && retryAfter === undefined && seed === undefined && replyTokens === undefined) {
    return EMPTY
  }
  const overrides: RequestOverrides = {}
  if (failure !== undefined) {
    const kind = failure.trim()
    if (kind !== 'none' && !(FAILURE_KINDS as readonly string[]).includes(kind)) {
      return { ok: false, header: 'x-emulator-failure', message: `Invalid x-emulator-failure header "${kind}": expected none or one of ${FAILURE_KINDS.join(', ')}.` }
    }
    overrides.failure = kind as FailureKind | 'none'
  }
  if (ttft !== undefined) {
    const value = number(ttft, 0, MAX_DELAY_MS)
    if (value === null) return { ok: false, header: 'x-emulator-ttft-ms', message: `Invalid x-emulator-ttft-ms header "${ttft}": expected milliseconds between 0 and ${MAX_DELAY_MS}.` }
    overrides.ttftMs = value
  }
  if (tps !== undefined) {
    const value = number(tps, 0, 1e9)
    if (value === null) return { ok: false, header: 'x-emulator-tps', message: `Invalid x-emulator-tps header "${tps}": expected tokens per second >= 0 (0 = unlimited).` }
    overrides.tokensPerSecond = value === 0 ? null : value
  }
  if (retryAfter !== undefined) {
    const value = number(retryAfter, 0, 86_400)
    if (value === null) return { ok: false, header: 'x-emulator-retry-after', message: `Invalid x-emulator-retry-after header "${retryAfter}": expected seconds between 0 and 86400.` }
    overrides.retryAfterSeconds = value
  }
  if (seed !== undefined) {
    const value = number(seed, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)
    if (value === null || !Number.isInteger(value)) return { ok: false, header: 'x-emulator-seed', message: `Invalid x-emulator-seed header "${seed}": expected an integer.` }
    overrides.seed = value
  }
  if (replyTokens !== undefined) {
    const value = number(replyTokens, 1, MAX_REPLY_TOKENS)
    if (value === null || !Number.isInteger(value)) {
      return { ok: false, header: 'x-emulator-reply-tokens', message: `Invalid x-emulator-reply-tokens header "${replyTokens}": expected an integer from 1 to ${MAX_REPLY_TOKENS}.` }
    }
    overrides.replyTokens = value
  }
  return { ok: true, overrides }
}
