/**
 * Gemini (Google AI / Generative Language API) wire format: POST /v1beta/models/{model}:generateContent
 * and :streamGenerateContent?alt=sse, GET /v1beta/models and /v1beta/models/{model}, and
 * `{ error: { code, message, status } }` errors. The key comes from `x-goog-api-key` or `?key=`.
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

const STATUSES: Record<WireErrorKind, [code: number, status: string]> = {
  invalid_request: [400, 'INVALID_ARGUMENT'],
  unauthorized: [401, 'UNAUTHENTICATED'],
  not_found: [404, 'NOT_FOUND'],
  model_not_found: [404, 'NOT_FOUND'],
  rate_limit: [429, 'RESOURCE_EXHAUSTED'],
  server_error: [500, 'INTERNAL'],
  unavailable: [503, 'UNAVAILABLE']
}

function geminiError(kind: WireErrorKind, message: string, options: WireErrorOptions = {}): WireError {
  const [code, status] = STATUSES[kind]
  let text = message
  const error: Record<string, unknown> = { code, message: text, status }
  if (kind === 'unauthorized') text = 'API key not valid. Please pass a valid API key.'
  else if (kind === 'server_error') text = 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting'
  else if (kind === 'unavailable') text = 'The model is overloaded. Please try again later.'
  else if (kind === 'model_not_found') {
    const id = /`(.*)`/.exec(message)?.[1] ?? message
    text = `models/${id} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`
  } else if (kind === 'rate_limit') {
    error['details'] = [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${options.retryAfterSeconds ?? 1}s` }]
  }
  error['message'] = text
  return { status: code, body: JSON.stringify({ error }), headers: {} }
}

const FINISH: Record<FinishKind, string> = { stop: 'STOP', length: 'MAX_TOKENS' }

function encoder({ request, requestId, promptTokens }: EncoderInput): ResponseEncoder {
  const tail = `"modelVersion":${JSON.stringify(request.modelId)},"responseId":"${requestId.slice(4)}"}`
  const promptDetails = `"promptTokensDetails":[{"modality":"TEXT","tokenCount":${promptTokens}}]`
  const pieceUsage = `"usageMetadata":{"promptTokenCount":${promptTokens},"totalTokenCount":${promptTokens},${promptDetails}}`
  const fullUsage = (usage: TokenUsage): string =>
    `"usageMetadata":{"promptTokenCount":${usage.promptTokens},"candidatesTokenCount":${usage.completionTokens},"totalTokenCount":${usage.totalTokens},${promptDetails}}`
  const candidate = (text: string, finish: FinishKind | null): string =>
    `{"candidates":[{"content":{"parts":[{"text":${JSON.stringify(text)}}],"role":"model"}${finish ? `,"finishReason":"${FINISH[finish]}"` : ''},"index":0}],`
  return {
    prelude: () => '',
    piece: (text) => `data: ${candidate(text, null)}${pieceUsage},${tail}\r\n\r\n`,
    malformed: () => 'data: {"candidates":[{"content":{"parts":[{"text":"garbled chunk\r\n\r\n',
    end: (finish, usage) => `data: ${candidate('', finish)}${fullUsage(usage)},${tail}\r\n\r\n`,
    full: (text, finish, usage) => `${candidate(text, finish)}${fullUsage(usage)},${tail}`
  }
}

export const geminiWire: WireFormat = {
  name: 'gemini',
  streamContentType: 'text/event-stream',
  error: geminiError,
  encoder
}

function partsText(content: unknown): string | null {
  if (typeof content === 'string') return content
  if (!isRecord(content)) return null
  const parts = content['parts']
  if (!Array.isArray(parts)) return null
  let text = ''
  for (const part of parts) {
    if (isRecord(part) && typeof part['text'] === 'string') text += part['text']
  }
  return text
}

function parseOutput(config: Record<string, unknown>): OutputMode {
  const mime = config['responseMimeType'] ?? config['response_mime_type']
  if (mime !== 'application/json') return { kind: 'text' }
  const schema = config['responseJsonSchema'] ?? config['responseSchema'] ?? config['response_schema']
  return { kind: 'json', schema: isRecord(schema) ? (schema as JsonSchema) : null }
}

export function parseGeminiGenerate(body: unknown, modelId: string, stream: boolean): ParseResult {
  if (!isRecord(body)) return { ok: false, message: 'Invalid JSON payload received. Expected an object.', param: null }
  const contents = body['contents']
  if (!Array.isArray(contents) || contents.length === 0) {
    return { ok: false, message: '* GenerateContentRequest.contents: contents is not specified', param: 'contents' }
  }
  const messages: PromptMessage[] = []
  const system = body['systemInstruction'] ?? body['system_instruction']
  if (system !== undefined && system !== null) {
    const text = partsText(system)
    if (text === null) return { ok: false, message: '* GenerateContentRequest.system_instruction: expected a Content object with parts', param: 'systemInstruction' }
    messages.push({ role: 'system', text })
  }
  for (let i = 0; i < contents.length; i++) {
    const content: unknown = contents[i]
    const text = partsText(content)
    if (text === null) return { ok: false, message: `* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.`, param: `contents[${i}].parts` }
    const role = isRecord(content) && typeof content['role'] === 'string' ? content['role'] : 'user'
    messages.push({ role, text })
  }
  const rawConfig = body['generationConfig'] ?? body['generation_config']
  const config = isRecord(rawConfig) ? rawConfig : {}
  const maxTokens = positiveInt(config['maxOutputTokens'] ?? config['max_output_tokens'])
  if (maxTokens === false) {
    return { ok: false, message: '* GenerateContentRequest.generation_config.max_output_tokens: must be a positive integer', param: 'generationConfig.maxOutputTokens' }
  }
  const seed = config['seed']
  return {
    ok: true,
    request: {
      modelId,
      stream,
      maxTokens,
      maxTokensParam: 'generationConfig.maxOutputTokens',
      seed: typeof seed === 'number' && Number.isInteger(seed) ? seed : null,
      messages,
      output: parseOutput(config),
      includeUsage: false
    }
  }
}

/** POST /v1beta/models/{model}:generateContent and :streamGenerateContent. */
export function handleGeminiGenerate(ex: Exchange, modelId: string, stream: boolean): void {
  handleGenerationRoute(ex, geminiWire, (body) => parseGeminiGenerate(body, modelId, stream))
}

function modelResource(model: EmulatorModel): Record<string, unknown> {
  return {
    name: `models/${model.id}`,
    version: '001',
    displayName: model.displayName,
    description: model.description,
    inputTokenLimit: model.contextWindow,
    outputTokenLimit: model.maxOutputTokens,
    supportedGenerationMethods: ['generateContent', 'streamGenerateContent', 'countTokens'],
    temperature: 1,
    topP: 0.95,
    topK: 64,
    maxTemperature: 2
  }
}

/** GET /v1beta/models and GET /v1beta/models/{model}. */
export function handleGeminiModels(ex: Exchange, id?: string): void {
  if (!authorize(ex, geminiWire)) return
  if (id === undefined) {
    sendJson(ex, 200, JSON.stringify({ models: ex.state.catalogue.map(modelResource) }))
    return
  }
  const model = ex.state.models.get(id)
  if (!model) {
    sendWireError(ex, geminiWire, geminiError('model_not_found', `\`${id}\``))
    return
  }
  sendJson(ex, 200, JSON.stringify(modelResource(model)))
}
