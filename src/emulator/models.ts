/**
 * The built-in emulator catalogue. The same ids are served on the OpenAI, Anthropic and Gemini wire
 * formats. Timing and failure behaviour live in each model's profile (see ./profile.ts); a profile
 * file (`--profile FILE`) can override these or add new ones.
 */
import type { FailureProfile, LatencyProfile } from './profile'

export interface EmulatorModel {
  id: string
  displayName: string
  description: string
  contextWindow: number
  maxOutputTokens: number
  /** USD per million input tokens. */
  inputPricePerMTok: number
  /** USD per million output tokens. */
  outputPricePerMTok: number
  latency: LatencyProfile
  failure: FailureProfile
}

const SWIFT: LatencyProfile = { ttftMs: { median: 40, p95: 70 }, tokensPerSecond: 180, jitterMs: 2 }
const STEADY: LatencyProfile = { ttftMs: { median: 150, p95: 260 }, tokensPerSecond: 90, jitterMs: 4 }
const DEEP: LatencyProfile = { ttftMs: { median: 600, p95: 1100 }, tokensPerSecond: 40, jitterMs: 8 }
const INSTANT: LatencyProfile = { ttftMs: { median: 0, p95: 0 }, tokensPerSecond: null, jitterMs: 0 }
const NO_FAILURES: FailureProfile = { mix: [] }

function model(
  id: string,
  displayName: string,
  description: string,
  sizes: [contextWindow: number, maxOutputTokens: number],
  prices: [input: number, output: number],
  latency: LatencyProfile,
  failure: FailureProfile = NO_FAILURES
): EmulatorModel {
  return {
    id,
    displayName,
    description,
    contextWindow: sizes[0],
    maxOutputTokens: sizes[1],
    inputPricePerMTok: prices[0],
    outputPricePerMTok: prices[1],
    latency: structuredClone(latency),
    failure: structuredClone(failure)
  }
}

export const EMULATOR_MODELS: EmulatorModel[] = [
  model(
    'emu-swift',
    'Emulator Swift',
    'Small, fast and cheap: ~40 ms to first token, ~180 tokens/s, little jitter. Stands in for a "mini/flash/haiku" class model. $0.15 in / $0.60 out per million tokens.',
    [128_000, 16_384],
    [0.15, 0.6],
    SWIFT
  ),
  model(
    'emu-steady',
    'Emulator Steady',
    'Mid-size workhorse: ~150 ms to first token, ~90 tokens/s. Stands in for a general-purpose flagship. $1 in / $4 out per million tokens.',
    [200_000, 32_768],
    [1, 4],
    STEADY
  ),
  model(
    'emu-deep',
    'Emulator Deep',
    'Large and slow: ~600 ms to first token, ~40 tokens/s, more jitter. Stands in for a top-tier reasoning model; use it to see how latency budgets and streaming UIs cope. $5 in / $15 out per million tokens.',
    [1_000_000, 65_536],
    [5, 15],
    DEEP
  ),
  model(
    'emu-instant',
    'Emulator Instant',
    'No delay at all: 0 ms to first token, unlimited speed, no jitter, free. For benchmarks and tests that measure Switchyard itself rather than a model.',
    [1_000_000, 1_000_000],
    [0, 0],
    INSTANT
  ),
  model(
    'emu-flaky',
    'Emulator Flaky',
    'Timed like Emulator Steady but unreliable: about 10% of requests get 429 (Retry-After: 1), 5% get 500, and 3% of streams are cut mid-way. Use it to exercise retries and fallbacks.',
    [200_000, 32_768],
    [1, 4],
    STEADY,
    {
      mix: [
        { kind: 'rate_limit', probability: 0.1, retryAfterSeconds: 1 },
        { kind: 'server_error', probability: 0.05 },
        { kind: 'stream_cut', probability: 0.03, afterTokens: 5 }
      ]
    }
  ),
  model(
    'emu-ratelimited',
    'Emulator Rate-limited',
    'Always answers 429 Too Many Requests with Retry-After: 2. For testing back-off and retry handling.',
    [128_000, 16_384],
    [0, 0],
    SWIFT,
    { mix: [{ kind: 'rate_limit', probability: 1, retryAfterSeconds: 2 }] }
  ),
  model(
    'emu-broken',
    'Emulator Broken',
    'Always fails on the server side: half the requests get 500 Internal Server Error, half 503/overloaded. For testing error reporting and fallbacks.',
    [128_000, 16_384],
    [0, 0],
    SWIFT,
    { mix: [{ kind: 'server_error', probability: 0.5 }, { kind: 'unavailable', probability: 0.5 }] }
  ),
  model(
    'emu-hang',
    'Emulator Hang',
    'Accepts the request and never sends response headers. For testing request timeouts and cancellation.',
    [128_000, 16_384],
    [0, 0],
    SWIFT,
    { mix: [{ kind: 'hang_headers', probability: 1 }] }
  ),
  model(
    'emu-stall',
    'Emulator Stall',
    'Starts streaming, sends a few tokens, then goes silent without closing the connection. For testing idle/stream timeouts.',
    [128_000, 16_384],
    [0, 0],
    SWIFT,
    { mix: [{ kind: 'hang_stream', probability: 1, afterTokens: 3 }] }
  ),
  model(
    'emu-cut',
    'Emulator Cut',
    'Starts streaming, sends a few tokens, then drops the connection abruptly. For testing how partial output and network errors are reported.',
    [128_000, 16_384],
    [0, 0],
    SWIFT,
    { mix: [{ kind: 'stream_cut', probability: 1, afterTokens: 4 }] }
  ),
  model(
    'emu-garbled',
    'Emulator Garbled',
    'Streams normally but inserts one malformed (unparseable) SSE chunk after a few tokens. For testing stream-parser robustness.',
    [128_000, 16_384],
    [0, 0],
    SWIFT,
    { mix: [{ kind: 'malformed_chunk', probability: 1, afterTokens: 3 }] }
  ),
  model(
    'emu-unauthorized',
    'Emulator Unauthorized',
    'Always answers 401 as if the API key were wrong, in the format of the provider being spoken. For testing key errors.',
    [128_000, 16_384],
    [0, 0],
    SWIFT,
    { mix: [{ kind: 'unauthorized', probability: 1 }] }
  )
]

/** Looks up a model in a catalogue by id. */
export function findEmulatorModel(models: readonly EmulatorModel[], id: string): EmulatorModel | undefined {
  return models.find((m) => m.id === id)
}
