import { z } from 'zod'

/** Every provider kind Switchyard connects to. `emulator` is the built-in offline provider. */
export const ProviderKind = z.enum([
  'openai',
  'anthropic',
  'gemini',
  'azure-openai',
  'mistral',
  'groq',
  'deepseek',
  'xai',
  'together',
  'fireworks',
  'openrouter',
  'ollama',
  'lmstudio',
  'vllm',
  'openai-compatible',
  'emulator'
])
export type ProviderKind = z.infer<typeof ProviderKind>

/** Environment variable that supplies a kind's key in web mode and the CLI (and exports reference). */
export const KEY_ENV_VAR: Partial<Record<ProviderKind, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  gemini: 'GEMINI_API_KEY',
  'azure-openai': 'AZURE_OPENAI_API_KEY',
  mistral: 'MISTRAL_API_KEY',
  groq: 'GROQ_API_KEY',
  deepseek: 'DEEPSEEK_API_KEY',
  xai: 'XAI_API_KEY',
  together: 'TOGETHER_API_KEY',
  fireworks: 'FIREWORKS_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  'openai-compatible': 'OPENAI_COMPATIBLE_API_KEY'
}

export const KeySource = z.enum(['stored', 'session', 'environment', 'none'])
export type KeySource = z.infer<typeof KeySource>

/** What the renderer may know about a key: never the key itself. */
export const KeyStatus = z.object({
  providerId: z.string(),
  configured: z.boolean(),
  source: KeySource,
  /** Last four characters, only when configured. */
  last4: z.string().max(4).optional(),
  /** The environment variable consulted for this provider, if any. */
  envVar: z.string().optional(),
  /** Where a newly set key goes: encrypted on disk, or memory for this session only. */
  storage: z.enum(['encrypted', 'memory', 'plaintext-opt-in'])
})
export type KeyStatus = z.infer<typeof KeyStatus>

export const Provider = z.object({
  id: z.string(),
  kind: ProviderKind,
  name: z.string(),
  baseUrl: z.string().nullable(),
  /** Kind-specific options (Azure resource/deployment/api-version, extra headers, …). Never holds a key. */
  options: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  builtIn: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Provider = z.infer<typeof Provider>

export const ProviderWithStatus = Provider.extend({ key: KeyStatus })
export type ProviderWithStatus = z.infer<typeof ProviderWithStatus>

export const Model = z.object({
  id: z.string(),
  providerId: z.string(),
  /** The provider's own model id, as sent on the wire. */
  modelId: z.string(),
  displayName: z.string(),
  contextWindow: z.number().int().positive().nullable(),
  /** USD per million tokens; null when unknown. */
  inputPricePerMTok: z.number().nonnegative().nullable(),
  outputPricePerMTok: z.number().nonnegative().nullable(),
  cachedInputPricePerMTok: z.number().nonnegative().nullable(),
  priceSource: z.enum(['catalog', 'user', 'emulator', 'unknown']),
  enabled: z.boolean()
})
export type Model = z.infer<typeof Model>
