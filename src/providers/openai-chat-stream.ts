import { STATUS_CODES as STATUS_TEXT } from 'node:http'
import { APICallError } from '@ai-sdk/provider'
import type { ProviderKind } from '../core/schemas/provider'
import type { CallRequest, CallTarget } from './call-types'
import { extraHeaders, resolveBaseUrl } from './provider-endpoint'
import type { TimedExchange, TimedFetch } from './timed-fetch'

/**
 * A direct OpenAI Chat Completions stream for the kinds whose wire is exactly that (the emulator and the
 * OpenAI-compatible servers), without the AI SDK's per-call layers (four web streams, a zod parse of every chunk):
 * one request through the attempt's timed exchange (undici, no WHATWG streams), SSE lines split and JSON-parsed
 * here. It sends the body the SDK's openai-compatible provider sends and reports failures as the SDK would
 * (APICallError for HTTP and connection errors, AI_JSONParseError / AI_TypeValidationError for bad chunks), so
 * classification, retries and timings are the same either way (openai-chat-stream.test.ts compares both paths).
 * Eval runs make thousands of calls per second to local or fast servers; there the SDK's per-chunk overhead was
 * most of the CPU per call.
 */
export const DIRECT_CHAT_KINDS: ReadonlySet<ProviderKind> = new Set<ProviderKind>(['emulator', 'openai-compatible', 'vllm', 'lmstudio', 'ollama'])

export interface StreamOutcome {
  /** Unified finish reason (stop, length, content-filter, tool-calls, error, other); null when the stream never ended. */
  finishReason: string | null
  usage: { input?: number; output?: number; cached?: number; reasoning?: number } | null
  /** The first failure (a failed chunk, an HTTP error, a broken connection); see sawFailure. */
  failure: unknown
  sawFailure: boolean
}

interface ChunkUsage {
  prompt_tokens?: number | null
  completion_tokens?: number | null
  prompt_tokens_details?: { cached_tokens?: number | null } | null
  completion_tokens_details?: { reasoning_tokens?: number | null } | null
}

interface Chunk {
  choices?: Array<{ delta?: { content?: unknown; refusal?: unknown } | null; finish_reason?: string | null }>
  usage?: ChunkUsage | null
  error?: { message?: unknown }
}

function unifiedFinish(raw: string | undefined, refused: boolean): string {
  switch (raw) {
    case 'stop':
      return refused ? 'content-filter' : 'stop'
    case 'length':
      return 'length'
    case 'content_filter':
      return 'content-filter'
    case 'function_call':
    case 'tool_calls':
      return 'tool-calls'
    default:
      return 'other'
  }
}

/** The Chat Completions body, as @ai-sdk/openai-compatible builds it for a text or JSON request. */
export function chatCompletionsBody(modelId: string, request: CallRequest): Record<string, unknown> {
  const output = request.output
  const body: Record<string, unknown> = {
    model: modelId,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content }))
  }
  if (request.maxTokens !== undefined) body['max_tokens'] = request.maxTokens
  if (request.temperature !== undefined) body['temperature'] = request.temperature
  if (request.topP !== undefined) body['top_p'] = request.topP
  if (output.kind === 'json_schema') body['response_format'] = { type: 'json_schema', json_schema: { schema: output.schema, strict: true, name: output.name } }
  else if (output.kind === 'json_object') body['response_format'] = { type: 'json_object' }
  if (request.stop !== undefined) body['stop'] = request.stop
  if (request.seed !== undefined) body['seed'] = request.seed
  body['stream'] = true
  body['stream_options'] = { include_usage: true }
  return body
}

/** Request headers per target object (an eval sends thousands of requests with one target). */
const headersByTarget = new WeakMap<CallTarget, Record<string, string>>()

function headersOf(target: CallTarget): Record<string, string> {
  let headers = headersByTarget.get(target)
  if (!headers) {
    const key = target.provider.kind === 'emulator' ? (target.apiKey ?? 'emulator') : target.apiKey
    headers = {
      ...extraHeaders(target.provider.options),
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {})
    }
    headersByTarget.set(target, headers)
  }
  return headers
}

function isAbort(error: unknown): boolean {
  return (error instanceof Error || error instanceof DOMException) && (error.name === 'AbortError' || error.name === 'TimeoutError')
}

/** An HTTP error response as the SDK reports it: the provider's `error.message` when the body has one. */
async function httpError(exchange: TimedExchange, tf: TimedFetch, url: string, body: Record<string, unknown>): Promise<APICallError> {
  const parts: Uint8Array[] = []
  await exchange.read((chunk) => parts.push(chunk))
  const text = Buffer.concat(parts).toString('utf8')
  const responseHeaders: Record<string, string> = {}
  tf.response()?.headers.forEach((value, name) => (responseHeaders[name] = value))
  let message = STATUS_TEXT[exchange.status] ?? `HTTP ${exchange.status}`
  let data: unknown
  try {
    data = JSON.parse(text) as unknown
    const m = (data as Chunk | null)?.error?.message
    if (typeof m === 'string') message = m
  } catch {
    data = undefined
  }
  return new APICallError({ message, url, requestBodyValues: body, statusCode: exchange.status, responseHeaders, responseBody: text, data })
}

function namedError(name: string, message: string, cause?: unknown): Error {
  const error = new Error(message, cause === undefined ? undefined : { cause })
  error.name = name
  return error
}

/**
 * Streams one chat completion through the attempt's timed exchange and calls `onText` with every non-empty content
 * delta. Never throws: every failure is returned in the outcome for the caller to classify.
 */
export async function streamChatCompletions(target: CallTarget, request: CallRequest, tf: TimedFetch, onText: (delta: string) => void): Promise<StreamOutcome> {
  const outcome: StreamOutcome = { finishReason: null, usage: null, failure: null, sawFailure: false }
  const fail = (error: unknown): void => {
    if (!outcome.sawFailure) outcome.failure = error
    outcome.sawFailure = true
  }
  let url = ''
  let body: Record<string, unknown> = {}
  let exchange: TimedExchange
  try {
    url = `${resolveBaseUrl(target)}/chat/completions`
    body = chatCompletionsBody(target.model.modelId, request)
    exchange = await tf.exchange(url, { method: 'POST', headers: headersOf(target), body: JSON.stringify(body) })
  } catch (error) {
    fail(isAbort(error) || url === '' ? error : new APICallError({ message: `Cannot connect to API: ${error instanceof Error ? error.message : String(error)}`, cause: error, url, requestBodyValues: body, isRetryable: true }))
    return outcome
  }
  try {
    if (exchange.status < 200 || exchange.status > 299) {
      fail(await httpError(exchange, tf, url, body))
      return outcome
    }
    let rawFinish: string | undefined
    let chunkFailed = false
    let refused = false
    let usage: ChunkUsage | null = null
    const decoder = new ServerSentEventDecoder((data) => {
      if (data === '[DONE]') return
      let chunk: Chunk
      try {
        chunk = JSON.parse(data) as Chunk
      } catch (error) {
        chunkFailed = true
        fail(namedError('AI_JSONParseError', `JSON parsing failed: Text: ${data}.\nError message: ${error instanceof Error ? error.message : String(error)}`, error))
        return
      }
      if (chunk === null || typeof chunk !== 'object' || chunk.error !== undefined || !Array.isArray(chunk.choices)) {
        chunkFailed = true
        const message = typeof chunk?.error?.message === 'string' ? chunk.error.message : `Type validation failed: Value: ${data}.`
        fail(namedError(chunk?.error !== undefined ? 'ProviderStreamError' : 'AI_TypeValidationError', message))
        return
      }
      if (chunk.usage != null) usage = chunk.usage
      const choice = chunk.choices[0]
      if (choice?.finish_reason != null) rawFinish = choice.finish_reason
      const delta = choice?.delta
      if (!delta) return
      if (typeof delta.refusal === 'string') refused = true
      if (typeof delta.content === 'string' && delta.content !== '') onText(delta.content)
    })
    await exchange.read((chunk) => decoder.push(chunk))
    decoder.end()
    const u = usage as ChunkUsage | null
    outcome.usage = {
      input: u?.prompt_tokens ?? undefined,
      output: u?.completion_tokens ?? undefined,
      cached: u?.prompt_tokens_details?.cached_tokens ?? undefined,
      reasoning: u?.completion_tokens_details?.reasoning_tokens ?? undefined
    }
    outcome.finishReason = chunkFailed ? 'error' : unifiedFinish(rawFinish, refused)
  } catch (error) {
    fail(error)
  }
  return outcome
}

/**
 * Server-sent events from byte chunks: calls onData with each event's data (its data lines joined by "\n"); comments
 * and other fields are ignored. Lines end in LF, CRLF or CR, also when split across chunks. Works on the bytes: only
 * the value of each data line is decoded (a line split inside a multi-byte character is decoded once it is whole).
 */
export class ServerSentEventDecoder {
  /** Bytes of an unfinished line from the previous chunks. */
  private rest: Buffer | null = null
  private data: string | null = null

  constructor(private readonly onData: (data: string) => void) {}

  push(chunk: Uint8Array): void {
    let bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    if (this.rest) {
      bytes = Buffer.concat([this.rest, bytes])
      this.rest = null
    }
    let start = 0
    if (bytes.indexOf(CR) === -1) {
      // The usual case (LF line ends only): let indexOf find them.
      for (let end = bytes.indexOf(LF); end !== -1; end = bytes.indexOf(LF, start)) {
        this.line(bytes, start, end)
        start = end + 1
      }
    } else {
      for (;;) {
        let end = start
        while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end++
        // No line end yet, or a CR that may be the first half of a CRLF split across chunks: wait for more.
        if (end >= bytes.length || (bytes[end] === CR && end + 1 >= bytes.length)) break
        this.line(bytes, start, end)
        start = bytes[end] === CR && bytes[end + 1] === LF ? end + 2 : end + 1
      }
    }
    if (start < bytes.length) this.rest = Buffer.from(bytes.subarray(start))
  }

  /** The body ended: a last line without its line end, and an event without its blank line, still count. */
  end(): void {
    const rest = this.rest
    this.rest = null
    if (rest) {
      let start = 0
      for (let i = 0; i < rest.length; i++) {
        if (rest[i] !== LF && rest[i] !== CR) continue
        this.line(rest, start, i)
        if (rest[i] === CR && rest[i + 1] === LF) i++
        start = i + 1
      }
      if (start < rest.length) this.line(rest, start, rest.length)
    }
    this.line(EMPTY, 0, 0)
  }

  /** One line: bytes[start, end) without its line end. */
  private line(bytes: Buffer, start: number, end: number): void {
    if (end === start) {
      if (this.data !== null) this.onData(this.data)
      this.data = null
      return
    }
    // "data", then the end of the line or a colon and an optional space before the value.
    if (end - start < 4 || bytes[start] !== 0x64 || bytes[start + 1] !== 0x61 || bytes[start + 2] !== 0x74 || bytes[start + 3] !== 0x61) return
    let from = start + 4
    if (from < end) {
      if (bytes[from] !== COLON) return
      from++
      if (bytes[from] === SPACE) from++
    }
    const value = from < end ? bytes.toString('utf8', from, end) : ''
    this.data = this.data === null ? value : `${this.data}\n${value}`
  }
}

const LF = 10
const CR = 13
const COLON = 58
const SPACE = 32
const EMPTY = Buffer.alloc(0)
