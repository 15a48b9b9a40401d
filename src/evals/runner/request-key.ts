import { createHash, hash } from 'node:crypto'

/** What makes two requests the same for the response cache: target, parameters and the rendered messages. */
export interface RequestKeyParts {
  providerId: string
  modelId: string
  params: Record<string, unknown>
  output: unknown
  messages: ReadonlyArray<{ role: string; content: string }>
}

/** JSON with object keys sorted at every level and undefined members dropped: equal values, equal text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
}

/** sha256 (hex) of the request's stable JSON, prefixed with a format tag so a future key change never collides. */
export function requestKey(parts: RequestKeyParts): string {
  const text = stableJson({ v: 1, p: parts.providerId, m: parts.modelId, params: parts.params, output: parts.output, messages: parts.messages })
  return createHash('sha256').update(text).digest('hex')
}

const SLOT = '\u0000messages\u0000'

/**
 * requestKey for many requests that differ only in their messages (one model and variant of an eval run): the
 * stable JSON around the messages is built once and hashed incrementally, giving exactly requestKey's digest.
 */
export function requestKeyer(parts: Omit<RequestKeyParts, 'messages'>): (messages: RequestKeyParts['messages'], messagesJson?: string) => string {
  const text = stableJson({ v: 1, p: parts.providerId, m: parts.modelId, params: parts.params, output: parts.output, messages: SLOT })
  const at = text.indexOf(JSON.stringify(SLOT))
  const head = text.slice(0, at)
  const tail = text.slice(at + JSON.stringify(SLOT).length)
  // messagesJson: stableJson(messages) when the caller already has it (several models share one rendering).
  // crypto.hash: one call, no Hash object per request (thousands per second in an eval run).
  return (messages, messagesJson) => hash('sha256', `${head}${messagesJson ?? stableJson(messages)}${tail}`, 'hex')
}
