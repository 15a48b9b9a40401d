/**
 * OpenAI wire format: POST /v1/chat/completions (plus the Azure OpenAI deployment path), GET /v1/models
 * and GET /v1/models/{id}. Responses follow the Chat Completions API: `chat.completion` objects,
 * `chat.completion.chunk` SSE events ending in `data: [DONE]`, and `{ error: { message, type, param,
 * code } }` errors.
 */
import { queryParam, sendJson, sendWireError, authorize } from './exchange'
import type { Exchange } from './exchange'
import type { JsonSchema } from './json-from-schema'
import type { EmulatorModel } from './models'
import { handleGenerationRoute } from './responder'
import type { PromptMessage, TokenUsage } from './usage'
import { isRecord, positiveInt } from './wire'
import type { EncoderInput, OutputMode, ParseResult, ResponseEncoder, WireError, WireErrorKind, WireErrorOptions, WireFormat } from './wire'

const CREATED = 1_735_689_600 // 2025-01-01, the "release date" of every emulator model

function errorBody(message: string, type: string, param: string | null, code: string | null): string {
  return JSON.stringify({ error: { message, type, param, code } })
}

function openaiError(kind: WireErrorKind, message: string, options: WireErrorOptions = {}): WireError {
  const param = options.param ?? null
  switch (kind) {
    case 'invalid_request':
      return { status: 400, body: errorBody(message, 'invalid_request_error', param, null), headers: {} }
    case 'unauthorized':
      return {
        status: 401,
        body: errorBody(`${message} You can find your API key at https://platform.openai.com/account/api-keys.`, 'invalid_request_error', null, 'invalid_api_key'),
        headers: {}
      }
    case 'not_found':
      return { status: 404, body: errorBody(message, 'invalid_request_error', null, null), headers: {} }
    case 'model_not_found':
      return { status: 404, body: errorBody(message, 'invalid_request_error', null, 'model_not_found'), headers: {} }
    case 'rate_limit': {
      const seconds = options.retryAfterSeconds ?? 1
      return {
        status: 429,
        body: errorBody(message, 'rate_limit_exceeded', null, 'rate_limit_exceeded'),
        headers: { 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': `${seconds}s` }
      }
    }
    case 'server_error':
      return { status: 500, body: errorBody('The server had an error while processing your request. Sorry about that!', 'server_error', null, null), headers: {} }
    case 'unavailable':
      return { status: 503, body: errorBody('The engine is currently overloaded, please try again later.', 'server_error', null, 'service_unavailable'), headers: {} }
  }
}

function usageJson(usage: TokenUsage): string {
  return (
    `{"prompt_tokens":${usage.promptTokens},"completion_tokens":${usage.completionTokens},"total_tokens":${usage.totalTokens},` +
    '"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},' +
    '"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}'
  )
}

function encoder({ request, requestId, created }: EncoderInput): ResponseEncoder {
  const id = `chatcmpl-${requestId.slice(4)}`
  const model = JSON.stringify(request.modelId)
  const usageNull = request.includeUsage ? ',"usage":null' : ''
  const head = `data: {"id":"${id}","object":"chat.completion.chunk","created":${created},"model":${model},"service_tier":"default","system_fingerprint":"fp_emulator","choices":[{"index":0,"delta":`
  const tail = `,"logprobs":null,"finish_reason":null}]${usageNull}}\n\n`
  return {
    prelude: () => `${head}{"role":"assistant","content":"","refusal":null}${tail}`,
    piece: (text) => `${head}{"content":${JSON.stringify(text)}}${tail}`,
    malformed: () => `${head}{"content":"garbled chunk\n\n`,
    end: (finish, usage) => {
      let out = `${head}{},"logprobs":null,"finish_reason":"${finish}"}]${usageNull}}\n\n`
      if (request.includeUsage) {
        out += `data: {"id":"${id}","object":"chat.completion.chunk","created":${created},"model":${model},"service_tier":"default","system_fingerprint":"fp_emulator","choices":[],"usage":${usageJson(usage)}}\n\n`
      }
      return `${out}data: [DONE]\n\n`
    },
    full: (text, finish, usage) =>
      `{"id":"${id}","object":"chat.completion","created":${created},"model":${model},"choices":[{"index":0,"message":{"role":"assistant","content":${JSON.stringify(text)},"refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"${finish}"}],"usage":${usageJson(usage)},"service_tier":"default","system_fingerprint":"fp_emulator"}`
  }
}

export const openaiWire: WireFormat = {
  name: 'openai',
  streamContentType: 'text/event-stream; charset=utf-8',
  error: openaiError,
  encoder
}

/** Azure OpenAI: same bodies, but an unknown deployment gets Azure's DeploymentNotFound error. */
export const azureWire: WireFormat = {
  ...openaiWire,
  error(kind, message, options) {
    if (kind !== 'model_not_found') return openaiError(kind, message, options)
    const body = JSON.stringify({
      error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.' }
    })
    return { status: 404, body, headers: {} }
  }
}

function contentText(content: unknown): string | null {
  if (content === null || content === undefined) return ''
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return null
  let text = ''
  for (const part of content) {
    if (isRecord(part) && typeof part['text'] === 'string') text += part['text']
    else if (typeof part === 'string') text += part
  }
  return text
}

function parseOutput(format: unknown): OutputMode | string {
  if (format === undefined || format === null) return { kind: 'text' }
  if (!isRecord(format)) return "Invalid 'response_format': expected an object."
  switch (format['type']) {
    case 'text':
      return { kind: 'text' }
    case 'json_object':
      return { kind: 'json', schema: null }
    case 'json_schema': {
      const spec = format['json_schema']
      if (!isRecord(spec) || typeof spec['name'] !== 'string') return "Missing required parameter: 'response_format.json_schema.name'."
      const schema = spec['schema']
      return { kind: 'json', schema: isRecord(schema) || typeof schema === 'boolean' ? (schema as JsonSchema) : null }
    }
    default:
      return `Invalid value for 'response_format.type': expected one of 'text', 'json_object' or 'json_schema'.`
  }
}

/** Parses a Chat Completions body. `deployment` (Azure) replaces the body's model. */
export function parseOpenAIChat(body: unknown, deployment?: string): ParseResult {
  if (!isRecord(body)) return { ok: false, message: 'The request body must be a JSON object.', param: null }
  const model = deployment ?? body['model']
  if (typeof model !== 'string' || model === '') return { ok: false, message: 'You must provide a model parameter.', param: 'model' }
  const rawMessages = body['messages']
  if (rawMessages === undefined) return { ok: false, message: "Missing required parameter: 'messages'.", param: 'messages' }
  if (!Array.isArray(rawMessages) || rawMessages.length === 0) {
    return { ok: false, message: "Invalid 'messages': expected a non-empty array of messages.", param: 'messages' }
  }
  const messages: PromptMessage[] = []
  for (let i = 0; i < rawMessages.length; i++) {
    const message: unknown = rawMessages[i]
    if (!isRecord(message) || typeof message['role'] !== 'string') {
      return { ok: false, message: `Missing required parameter: 'messages[${i}].role'.`, param: `messages[${i}].role` }
    }
    const text = contentText(message['content'])
    if (text === null) return { ok: false, message: `Invalid 'messages[${i}].content': expected a string or an array of content parts.`, param: `messages[${i}].content` }
    messages.push({ role: message['role'], text })
  }
  const maxTokensParam = body['max_completion_tokens'] !== undefined && body['max_completion_tokens'] !== null ? 'max_completion_tokens' : 'max_tokens'
  const maxTokens = positiveInt(body[maxTokensParam])
  if (maxTokens === false) {
    return { ok: false, message: `Invalid '${maxTokensParam}': expected an integer of at least 1.`, param: maxTokensParam }
  }
  const seed = body['seed']
  if (seed !== undefined && seed !== null && !Number.isInteger(seed)) return { ok: false, message: "Invalid 'seed': expected an integer.", param: 'seed' }
  const output = parseOutput(body['response_format'])
  if (typeof output === 'string') return { ok: false, message: output, param: 'response_format' }
  const streamOptions = body['stream_options']
  return {
    ok: true,
    request: {
      modelId: model,
      stream: body['stream'] === true,
      maxTokens,
      maxTokensParam,
      seed: typeof seed === 'number' ? seed : null,
      messages,
      output,
      includeUsage: isRecord(streamOptions) && streamOptions['include_usage'] === true
    }
  }
}

export function handleOpenAIChat(ex: Exchange): void {
  handleGenerationRoute(ex, openaiWire, (body) => parseOpenAIChat(body))
}

/** POST /openai/deployments/{deployment}/chat/completions?api-version=… */
export function handleAzureChat(ex: Exchange, deployment: string): void {
  if (!queryParam(ex, 'api-version')) {
    ex.state.stats.record(null, 'bad_request')
    const body = JSON.stringify({ error: { code: '404', message: 'Resource not found' } })
    sendJson(ex, 404, body, { 'x-emulator-hint': 'Azure OpenAI requests need an ?api-version= query parameter' })
    return
  }
  handleGenerationRoute(ex, azureWire, (body) => parseOpenAIChat(body, deployment))
}

function modelObject(model: EmulatorModel): Record<string, unknown> {
  return { id: model.id, object: 'model', created: CREATED, owned_by: 'switchyard-emulator' }
}

/** GET /v1/models and GET /v1/models/{id}. */
export function handleOpenAIModels(ex: Exchange, id?: string): void {
  if (!authorize(ex, openaiWire)) return
  const catalogue = ex.state.catalogue
  if (id === undefined) {
    sendJson(ex, 200, JSON.stringify({ object: 'list', data: catalogue.map(modelObject) }))
    return
  }
  const model = ex.state.models.get(id)
  if (!model) {
    const message = `The model \`${id}\` does not exist or you do not have access to it.`
    sendWireError(ex, openaiWire, openaiError('model_not_found', message))
    return
  }
  sendJson(ex, 200, JSON.stringify(modelObject(model)))
}
