/**
 * Anthropic Messages wire format: POST /v1/messages (streaming with `event:` lines, or a `message`
 * object), GET /v1/models and /v1/models/{id} in Anthropic's list shape (chosen over OpenAI's when the
 * request carries an `anthropic-version` header), and `{ type: 'error', error: { type, message } }` errors.
 */
import { authorize, sendJson, sendWireError } from './exchange'
import type { Exchange } from './exchange'
import type { JsonSchema } from './json-from-schema'
import type { EmulatorModel } from './models'
import { handleGenerationRoute } from './responder'
import type { FinishKind } from './text-generator'
import type { PromptMessage, TokenUsage } from './usage'
import { isRecord, positiveInt } from './wire'
import type { EncoderInput, OutputMode, ParseResult, ResponseEncoder, WireError, WireErrorKind, WireErrorOptions, WireFormat } from './wire'

const RELEASED = '2025-01-01T00:00:00Z'

const ERROR_TYPES: Record<WireErrorKind, [status: number, type: string]> = {
  invalid_request: [400, 'invalid_request_error'],
  unauthorized: [401, 'authentication_error'],
  not_found: [404, 'not_found_error'],
  model_not_found: [404, 'not_found_error'],
  rate_limit: [429, 'rate_limit_error'],
  server_error: [500, 'api_error'],
  unavailable: [529, 'overloaded_error']
}

function anthropicError(kind: WireErrorKind, message: string, options: WireErrorOptions = {}): WireError {
  const [status, type] = ERROR_TYPES[kind]
  let text = message
  if (kind === 'unauthorized') text = 'invalid x-api-key'
  else if (kind === 'server_error') text = 'Internal server error'
  else if (kind === 'unavailable') text = 'Overloaded'
  else if (kind === 'model_not_found') text = message.replace(/^The model `(.*)` does not exist.*$/, 'model: $1')
  const body = JSON.stringify({ type: 'error', error: { type, message: text }, request_id: options.requestId ?? null })
  const headers: Record<string, string> = {}
  if (kind === 'rate_limit') {
    headers['anthropic-ratelimit-requests-limit'] = '50'
    headers['anthropic-ratelimit-requests-remaining'] = '0'
  }
  if (kind === 'unavailable') headers['x-should-retry'] = 'true'
  return { status, body, headers }
}

const STOP_REASONS: Record<FinishKind, string> = { stop: 'end_turn', length: 'max_tokens' }

function encoder({ request, requestId, promptTokens }: EncoderInput): ResponseEncoder {
  const id = `msg_${requestId.slice(4)}`
  const model = JSON.stringify(request.modelId)
  const cache = '"cache_creation_input_tokens":0,"cache_read_input_tokens":0'
  const usageJson = (usage: TokenUsage): string =>
    `{"input_tokens":${usage.promptTokens},${cache},"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":${usage.completionTokens},"service_tier":"standard"}`
  return {
    prelude: () =>
      `event: message_start\ndata: {"type":"message_start","message":{"id":"${id}","type":"message","role":"assistant","model":${model},"content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":${promptTokens},${cache},"output_tokens":1,"service_tier":"standard"}}}\n\n` +
      'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n' +
      'event: ping\ndata: {"type": "ping"}\n\n',
    piece: (text) =>
      `event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":${JSON.stringify(text)}}}\n\n`,
    malformed: () => 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"garbled chunk\n\n',
    end: (finish, usage) =>
      'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n' +
      `event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"${STOP_REASONS[finish]}","stop_sequence":null},"usage":{"input_tokens":${usage.promptTokens},${cache},"output_tokens":${usage.completionTokens}}}\n\n` +
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    full: (text, finish, usage) =>
      `{"id":"${id}","type":"message","role":"assistant","model":${model},"content":[{"type":"text","text":${JSON.stringify(text)}}],"stop_reason":"${STOP_REASONS[finish]}","stop_sequence":null,"usage":${usageJson(usage)}}`
  }
}

export const anthropicWire: WireFormat = {
  name: 'anthropic',
  streamContentType: 'text/event-stream; charset=utf-8',
  error: anthropicError,
  encoder,
  responseHeaders: (requestId) => ({ 'request-id': requestId })
}

function blocksText(content: unknown): string | null {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return null
  let text = ''
  for (const block of content) {
    if (!isRecord(block)) return null
    if (typeof block['text'] === 'string') text += block['text']
    else if (block['type'] === 'tool_result') text += blocksText(block['content']) ?? ''
    else if (block['type'] === 'tool_use') text += JSON.stringify(block['input'] ?? {})
  }
  return text
}

function parseOutput(body: Record<string, unknown>): OutputMode | string {
  const config = body['output_config']
  const format = isRecord(config) ? config['format'] : body['output_format']
  if (format === undefined || format === null) return { kind: 'text' }
  if (!isRecord(format) || format['type'] !== 'json_schema' || !isRecord(format['schema'])) {
    return "output_config.format: expected { type: 'json_schema', schema: {...} }"
  }
  return { kind: 'json', schema: format['schema'] as JsonSchema }
}

export function parseAnthropicMessages(body: unknown): ParseResult {
  if (!isRecord(body)) return { ok: false, message: 'The request body must be a JSON object.', param: null }
  const model = body['model']
  if (typeof model !== 'string' || model === '') return { ok: false, message: 'model: Field required', param: 'model' }
  const maxTokens = positiveInt(body['max_tokens'])
  if (maxTokens === null) return { ok: false, message: 'max_tokens: Field required', param: 'max_tokens' }
  if (maxTokens === false) return { ok: false, message: 'max_tokens: Input should be an integer greater than or equal to 1', param: 'max_tokens' }
  const rawMessages = body['messages']
  if (rawMessages === undefined) return { ok: false, message: 'messages: Field required', param: 'messages' }
  if (!Array.isArray(rawMessages) || rawMessages.length === 0) {
    return { ok: false, message: 'messages: at least one message is required', param: 'messages' }
  }
  const messages: PromptMessage[] = []
  const system = body['system']
  if (system !== undefined && system !== null) {
    const text = blocksText(system)
    if (text === null) return { ok: false, message: 'system: Input should be a valid string or a list of text blocks', param: 'system' }
    messages.push({ role: 'system', text })
  }
  for (let i = 0; i < rawMessages.length; i++) {
    const message: unknown = rawMessages[i]
    if (!isRecord(message) || (message['role'] !== 'user' && message['role'] !== 'assistant')) {
      return { ok: false, message: `messages.${i}.role: Input should be 'user' or 'assistant'`, param: `messages.${i}.role` }
    }
    const text = blocksText(message['content'])
    if (text === null) return { ok: false, message: `messages.${i}.content: Input should be a valid string or a list of content blocks`, param: `messages.${i}.content` }
    messages.push({ role: message['role'], text })
  }
  const output = parseOutput(body)
  if (typeof output === 'string') return { ok: false, message: output, param: 'output_config' }
  return {
    ok: true,
    request: { modelId: model, stream: body['stream'] === true, maxTokens, maxTokensParam: 'max_tokens', seed: null, messages, output, includeUsage: false }
  }
}

export function handleAnthropicMessages(ex: Exchange): void {
  handleGenerationRoute(ex, anthropicWire, parseAnthropicMessages)
}

function modelInfo(model: EmulatorModel): Record<string, unknown> {
  return {
    type: 'model',
    id: model.id,
    display_name: model.displayName,
    created_at: RELEASED,
    capabilities: null,
    deprecated_at: null,
    lifecycle: 'active',
    line: null,
    max_input_tokens: model.contextWindow,
    max_tokens: model.maxOutputTokens,
    retires_at: null
  }
}

/** GET /v1/models (Anthropic list shape) and GET /v1/models/{id}. */
export function handleAnthropicModels(ex: Exchange, id?: string): void {
  if (!authorize(ex, anthropicWire)) return
  const headers = anthropicWire.responseHeaders?.(ex.requestId)
  if (id === undefined) {
    const data = ex.state.catalogue.map(modelInfo)
    const body = { data, has_more: false, first_id: data[0]?.['id'] ?? null, last_id: data[data.length - 1]?.['id'] ?? null }
    sendJson(ex, 200, JSON.stringify(body), headers)
    return
  }
  const model = ex.state.models.get(id)
  if (!model) {
    sendWireError(ex, anthropicWire, anthropicError('model_not_found', `The model \`${id}\` does not exist.`, { requestId: ex.requestId }))
    return
  }
  sendJson(ex, 200, JSON.stringify(modelInfo(model)), headers)
}
