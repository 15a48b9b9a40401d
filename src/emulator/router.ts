/**
 * Maps method + path to a handler. Paths shared by two providers (`GET /v1/models`) are told apart by
 * headers: `anthropic-version` → Anthropic, `x-goog-api-key` / `?key=` → Gemini, otherwise OpenAI.
 */
import { handleAnthropicMessages, handleAnthropicModels } from './anthropic-routes'
import { sendJson, sendWireError } from './exchange'
import type { Exchange } from './exchange'
import { handleOpenAIEmbeddings } from './embeddings'
import { geminiWire, handleGeminiGenerate, handleGeminiModels } from './gemini-routes'
import { handleAzureChat, handleOpenAIChat, handleOpenAIModels, openaiWire } from './openai-routes'

const GEMINI_GENERATE = /^\/(v1beta|v1|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/
const GEMINI_MODELS = /^\/(v1beta|v1alpha)\/models(?:\/([^/:]+))?$/
const AZURE_CHAT = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/
const MODELS = /^(?:\/v1|\/openai)?\/models(?:\/([^/]+))?$/

function controlRoute(ex: Exchange, path: string): void {
  switch (path) {
    case '/_emulator/health':
      return sendJson(ex, 200, JSON.stringify({ ok: true }))
    case '/_emulator/stats':
      return sendJson(ex, 200, JSON.stringify(ex.state.stats.snapshot()))
    case '/_emulator/models':
      return sendJson(ex, 200, JSON.stringify({ models: ex.state.catalogue }))
    default:
      return sendJson(ex, 404, JSON.stringify({ error: { message: `Unknown emulator endpoint ${path}. Try /_emulator/health, /_emulator/stats or /_emulator/models.` } }))
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function notFound(ex: Exchange): void {
  ex.state.stats.record(null, 'route_not_found')
  const message = `Invalid URL (${ex.req.method ?? 'GET'} ${ex.pathname})`
  const wire = ex.pathname.startsWith('/v1beta') ? geminiWire : openaiWire
  sendWireError(ex, wire, wire.error('not_found', message, { requestId: ex.requestId }))
}

/** Dispatches one request. Returns false for /_emulator/* requests (not counted as provider traffic). */
export function route(ex: Exchange): boolean {
  const path = ex.pathname
  const method = ex.req.method
  if (path.startsWith('/_emulator/')) {
    controlRoute(ex, path)
    return false
  }
  if (method === 'POST') {
    if (path === '/v1/chat/completions' || path === '/chat/completions') handleOpenAIChat(ex)
    else if (path === '/v1/messages') handleAnthropicMessages(ex)
    else if (path === '/v1/embeddings' || path === '/embeddings') void handleOpenAIEmbeddings(ex)
    else {
      const gemini = GEMINI_GENERATE.exec(path)
      const azure = gemini ? null : AZURE_CHAT.exec(path)
      if (gemini) handleGeminiGenerate(ex, decode(gemini[2] as string), gemini[3] === 'streamGenerateContent')
      else if (azure) handleAzureChat(ex, decode(azure[1] as string))
      else notFound(ex)
    }
    return true
  }
  if (method === 'GET') {
    const gemini = GEMINI_MODELS.exec(path)
    if (gemini) {
      handleGeminiModels(ex, gemini[2] === undefined ? undefined : decode(gemini[2]))
      return true
    }
    const models = MODELS.exec(path)
    if (models) {
      const id = models[1] === undefined ? undefined : decode(models[1])
      const headers = ex.req.headers
      if (headers['anthropic-version'] !== undefined) handleAnthropicModels(ex, id)
      else if (headers['x-goog-api-key'] !== undefined || /(^|&)key=/.test(ex.query)) handleGeminiModels(ex, id)
      else handleOpenAIModels(ex, id)
      return true
    }
  }
  notFound(ex)
  return true
}
