/**
 * Deterministic text embeddings for the emulator's `POST /v1/embeddings` (OpenAI wire format), so `similar`
 * assertions work offline: words and character trigrams are hashed into a fixed number of dimensions (signed
 * feature hashing) and the vector is L2-normalised. Texts that share words score a high cosine; unrelated texts
 * score near 0. Not a language model — a stable, honest stand-in.
 */
import { authorize, readBody, sendJson, sendWireError } from './exchange'
import type { Exchange } from './exchange'
import { openaiWire } from './openai-routes'

export const EMULATOR_EMBEDDING_MODELS: Record<string, number> = { 'emu-embed': 256, 'emu-embed-large': 1024 }

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

export function embedText(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0)
  const words = text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []
  const add = (feature: string, weight: number): void => {
    const h = fnv1a(feature, 0)
    const sign = fnv1a(feature, 0x9e3779b9) & 1 ? 1 : -1
    vector[h % dimensions] = (vector[h % dimensions] as number) + sign * weight
  }
  for (const word of words) {
    add(`w:${word}`, 1)
    const padded = ` ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) add(`t:${padded.slice(i, i + 3)}`, 0.5)
  }
  const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0))
  return norm === 0 ? vector : vector.map((v) => v / norm)
}

function base64Of(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64')
}

export async function handleOpenAIEmbeddings(ex: Exchange): Promise<void> {
  if (!authorize(ex, openaiWire)) return
  let body: unknown
  try {
    body = JSON.parse(await readBody(ex.req))
  } catch {
    ex.state.stats.record(null, 'bad_request')
    return sendWireError(ex, openaiWire, openaiWire.error('invalid_request', 'The request body is not valid JSON.', { requestId: ex.requestId }))
  }
  const b = (body ?? {}) as { model?: unknown; input?: unknown; encoding_format?: unknown; dimensions?: unknown }
  const model = typeof b.model === 'string' ? b.model : ''
  const native = EMULATOR_EMBEDDING_MODELS[model]
  ex.modelId = model || null
  if (native === undefined) {
    ex.state.stats.record(ex.modelId, 'model_not_found')
    return sendWireError(ex, openaiWire, openaiWire.error('model_not_found', `The model \`${model}\` does not exist or you do not have access to it. Embedding models: ${Object.keys(EMULATOR_EMBEDDING_MODELS).join(', ')}.`, { requestId: ex.requestId }))
  }
  const inputs = typeof b.input === 'string' ? [b.input] : Array.isArray(b.input) && b.input.every((s) => typeof s === 'string') ? (b.input as string[]) : null
  if (!inputs || inputs.length === 0) {
    ex.state.stats.record(ex.modelId, 'bad_request')
    return sendWireError(ex, openaiWire, openaiWire.error('invalid_request', "'input' must be a non-empty string or array of strings.", { param: 'input', requestId: ex.requestId }))
  }
  const dimensions = typeof b.dimensions === 'number' && Number.isInteger(b.dimensions) && b.dimensions > 0 && b.dimensions <= native ? b.dimensions : native
  const base64 = b.encoding_format === 'base64'
  let tokens = 0
  const data = inputs.map((text, index) => {
    tokens += Math.max(1, Math.ceil(text.length / 4))
    const vector = embedText(text, dimensions)
    return { object: 'embedding', index, embedding: base64 ? base64Of(vector) : vector }
  })
  ex.state.stats.record(model, 'ok')
  sendJson(ex, 200, JSON.stringify({ object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } }))
}
