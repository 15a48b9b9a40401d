import type { ProviderKind } from '../../core/schemas/provider'

/** A promptfoo provider id such as `openai:chat:gpt-4o-mini`, mapped onto one of our provider kinds. */
export interface MappedProviderId {
  kind: ProviderKind
  modelId: string
}

export type ProviderIdMapping = { ok: true; value: MappedProviderId } | { ok: false; reason: string }

/** promptfoo prefix → our kind, and the API sub-types we can serve (chat-style APIs only). */
const PREFIXES: Record<string, { kind: ProviderKind; apis: readonly string[] }> = {
  openai: { kind: 'openai', apis: ['chat', 'responses'] },
  anthropic: { kind: 'anthropic', apis: ['messages'] },
  google: { kind: 'gemini', apis: [] },
  gemini: { kind: 'gemini', apis: [] },
  azure: { kind: 'azure-openai', apis: ['chat'] },
  azureopenai: { kind: 'azure-openai', apis: ['chat'] },
  mistral: { kind: 'mistral', apis: ['chat'] },
  groq: { kind: 'groq', apis: ['chat'] },
  deepseek: { kind: 'deepseek', apis: ['chat'] },
  xai: { kind: 'xai', apis: ['chat'] },
  togetherai: { kind: 'together', apis: ['chat'] },
  together: { kind: 'together', apis: ['chat'] },
  fireworks: { kind: 'fireworks', apis: ['chat'] },
  openrouter: { kind: 'openrouter', apis: ['chat'] },
  ollama: { kind: 'ollama', apis: ['chat'] },
  lmstudio: { kind: 'lmstudio', apis: ['chat'] },
  vllm: { kind: 'vllm', apis: ['chat'] }
}

/** Known promptfoo providers we do not run, with the reason a user would want to read. */
const NOT_SERVED: Record<string, string> = {
  vertex: 'Vertex AI needs Google Cloud credentials; use a Gemini (AI Studio) provider instead',
  bedrock: 'AWS Bedrock is not a Switchyard provider yet',
  echo: "promptfoo's echo provider returns the prompt itself; use the Local emulator for an offline model",
  exec: 'script providers run arbitrary commands; Switchyard only calls model APIs',
  python: 'script providers run arbitrary code; Switchyard only calls model APIs',
  file: 'script providers run arbitrary code; Switchyard only calls model APIs',
  http: 'generic HTTP providers are not supported; an OpenAI-compatible server can be added in Providers',
  https: 'generic HTTP providers are not supported; an OpenAI-compatible server can be added in Providers',
  webhook: 'webhook providers are not supported'
}

export function mapProviderId(id: string): ProviderIdMapping {
  const trimmed = id.trim()
  const colon = trimmed.indexOf(':')
  if (colon <= 0) return { ok: false, reason: `"${trimmed}" has no provider prefix (expected e.g. openai:gpt-4.1-mini)` }
  const prefix = trimmed.slice(0, colon).toLowerCase()
  const rest = trimmed.slice(colon + 1)
  const known = PREFIXES[prefix]
  if (!known) {
    const why = NOT_SERVED[prefix] ?? `the provider "${prefix}" is not one Switchyard calls`
    return { ok: false, reason: `${trimmed}: ${why}` }
  }
  let modelId = rest
  const second = rest.indexOf(':')
  if (second > 0) {
    const api = rest.slice(0, second).toLowerCase()
    if (known.apis.includes(api)) modelId = rest.slice(second + 1)
    else if (['completion', 'embedding', 'embeddings', 'image', 'assistant', 'realtime', 'moderation', 'transcription'].includes(api)) {
      return { ok: false, reason: `${trimmed}: the ${api} API is not supported (Switchyard compares chat models)` }
    }
  }
  if (modelId.trim() === '') return { ok: false, reason: `${trimmed}: no model named after the prefix` }
  return { ok: true, value: { kind: known.kind, modelId } }
}

/** promptfoo provider config keys we carry over as contract parameters; others are reported. */
export function mapProviderConfig(config: Record<string, unknown>): { params: { temperature?: number; topP?: number; maxTokens?: number; seed?: number; stop?: string[] }; unsupported: string[] } {
  const params: { temperature?: number; topP?: number; maxTokens?: number; seed?: number; stop?: string[] } = {}
  const unsupported: string[] = []
  for (const [key, value] of Object.entries(config)) {
    if (key === 'temperature' && typeof value === 'number') params.temperature = value
    else if ((key === 'top_p' || key === 'topP') && typeof value === 'number') params.topP = value
    else if ((key === 'max_tokens' || key === 'maxTokens' || key === 'max_output_tokens' || key === 'max_completion_tokens') && typeof value === 'number') params.maxTokens = value
    else if (key === 'seed' && typeof value === 'number') params.seed = value
    else if (key === 'stop' && (typeof value === 'string' || (Array.isArray(value) && value.every((s) => typeof s === 'string')))) params.stop = typeof value === 'string' ? [value] : (value as string[])
    else unsupported.push(key)
  }
  return { params, unsupported }
}
