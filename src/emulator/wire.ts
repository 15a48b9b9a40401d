/**
 * The contract between the provider-neutral generation engine (./responder.ts) and each wire format
 * (./openai-routes.ts, ./anthropic-routes.ts, ./gemini-routes.ts).
 */
import type { JsonSchema } from './json-from-schema'
import type { FinishKind } from './text-generator'
import type { PromptMessage, TokenUsage } from './usage'

export type WireErrorKind =
  | 'invalid_request'
  | 'unauthorized'
  | 'not_found'
  | 'model_not_found'
  | 'rate_limit'
  | 'server_error'
  | 'unavailable'

export interface WireErrorOptions {
  retryAfterSeconds?: number
  /** The offending request field, when there is one. */
  param?: string | null
  requestId?: string
}

export interface WireError {
  status: number
  body: string
  headers: Record<string, string>
}

export type OutputMode = { kind: 'text' } | { kind: 'json'; schema: JsonSchema | null }

/** A generation request, normalised from any wire format. */
export interface GenerationRequest {
  modelId: string
  stream: boolean
  maxTokens: number | null
  /** Name of the field that carried maxTokens, for error messages. */
  maxTokensParam: string
  /** The request's own `seed` parameter, if any. */
  seed: number | null
  messages: PromptMessage[]
  output: OutputMode
  /** OpenAI `stream_options.include_usage`. */
  includeUsage: boolean
}

export type ParseResult = { ok: true; request: GenerationRequest } | { ok: false; message: string; param: string | null }

export interface EncoderInput {
  request: GenerationRequest
  requestId: string
  promptTokens: number
  /** Unix seconds. */
  created: number
}

/** Serialises one reply. Streaming methods return complete SSE events (ending in a blank line). */
export interface ResponseEncoder {
  /** Events sent before the first content piece (role chunk, message_start, …); may be empty. */
  prelude(): string
  piece(text: string): string
  /** A syntactically broken SSE data line (for the malformed_chunk failure). */
  malformed(): string
  end(finish: FinishKind, usage: TokenUsage): string
  /** The non-streaming response body. */
  full(text: string, finish: FinishKind, usage: TokenUsage): string
}

export interface WireFormat {
  name: 'openai' | 'anthropic' | 'gemini'
  streamContentType: string
  error(kind: WireErrorKind, message: string, options?: WireErrorOptions): WireError
  encoder(input: EncoderInput): ResponseEncoder
  /** Extra headers on every response in this format (e.g. Anthropic's request-id). */
  responseHeaders?(requestId: string): Record<string, string>
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A positive integer or null when absent; `false` when present but invalid. */
export function positiveInt(value: unknown): number | null | false {
  if (value === undefined || value === null) return null
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : false
}
