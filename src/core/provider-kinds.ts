import type { ProviderKind } from './schemas/provider'
import { KEY_ENV_VAR } from './schemas/provider'

/** A kind-specific option the Providers form asks for (stored in provider.options, never a secret). */
export interface ProviderOptionField {
  key: string
  label: string
  required: boolean
  placeholder?: string
  help?: string
  kind: 'text' | 'headers'
}

/** What the UI and the engine know about a provider kind before any provider of it exists. */
export interface ProviderKindInfo {
  kind: ProviderKind
  label: string
  /** Base URL used when the provider has none; null when the user must give one. */
  defaultBaseUrl: string | null
  baseUrlRequired: boolean
  needsKey: boolean
  envVar: string | undefined
  /** Whether the provider lists its models over HTTP (else models come from the catalog or are added by hand). */
  listsModels: boolean
  /** genai-prices provider id for catalog prices, when it knows the provider. */
  catalogProvider: string | null
  optionFields: ProviderOptionField[]
  hint: string
}

const headersField: ProviderOptionField = {
  key: 'headers',
  label: 'Extra headers',
  required: false,
  kind: 'headers',
  help: 'One "Name: value" per line, sent with every request (no keys here: use the key field).'
}

function info(kind: ProviderKind, rest: Omit<ProviderKindInfo, 'kind' | 'envVar'>): ProviderKindInfo {
  return { kind, envVar: KEY_ENV_VAR[kind], ...rest }
}

export const PROVIDER_KINDS: readonly ProviderKindInfo[] = [
  info('openai', { label: 'OpenAI', defaultBaseUrl: 'https://api.openai.com/v1', baseUrlRequired: false, needsKey: true, listsModels: true, catalogProvider: 'openai', optionFields: [], hint: 'Keys from platform.openai.com.' }),
  info('anthropic', { label: 'Anthropic', defaultBaseUrl: 'https://api.anthropic.com/v1', baseUrlRequired: false, needsKey: true, listsModels: true, catalogProvider: 'anthropic', optionFields: [], hint: 'Keys from console.anthropic.com.' }),
  info('gemini', { label: 'Google Gemini (AI Studio)', defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta', baseUrlRequired: false, needsKey: true, listsModels: true, catalogProvider: 'google', optionFields: [], hint: 'Keys from aistudio.google.com.' }),
  info('azure-openai', {
    label: 'Azure OpenAI',
    defaultBaseUrl: null,
    baseUrlRequired: false,
    needsKey: true,
    listsModels: false,
    catalogProvider: 'azure',
    optionFields: [
      { key: 'resourceName', label: 'Resource name', required: false, kind: 'text', placeholder: 'my-resource', help: 'https://<resource>.openai.azure.com; or give a base URL instead.' },
      { key: 'apiVersion', label: 'API version', required: true, kind: 'text', placeholder: '2024-10-21' }
    ],
    hint: 'Models are your deployment names: add each deployment as a model.'
  }),
  info('mistral', { label: 'Mistral', defaultBaseUrl: 'https://api.mistral.ai/v1', baseUrlRequired: false, needsKey: true, listsModels: true, catalogProvider: 'mistral', optionFields: [], hint: '' }),
  info('groq', { label: 'Groq', defaultBaseUrl: 'https://api.groq.com/openai/v1', baseUrlRequired: false, needsKey: true, listsModels: true, catalogProvider: 'groq', optionFields: [], hint: '' }),
  info('deepseek', { label: 'DeepSeek', defaultBaseUrl: 'https://api.deepseek.com/v1', baseUrlRequired: false, needsKey: true, listsModels: true, catalogProvider: 'deepseek', optionFields: [], hint: '' }),
  info('xai', { label: 'xAI', defaultBaseUrl: 'https://api.x.ai/v1', baseUrlRequired: false, needsKey: true, listsModels: true, catalogProvider: 'x-ai', optionFields: [], hint: '' }),
  info('together', { label: 'Together AI', defaultBaseUrl: 'https://api.together.xyz/v1', baseUrlRequired: false, needsKey: true, listsModels: true, catalogProvider: 'together', optionFields: [], hint: '' }),
  info('fireworks', { label: 'Fireworks', defaultBaseUrl: 'https://api.fireworks.ai/inference/v1', baseUrlRequired: false, needsKey: true, listsModels: true, catalogProvider: 'fireworks', optionFields: [], hint: '' }),
  info('openrouter', { label: 'OpenRouter', defaultBaseUrl: 'https://openrouter.ai/api/v1', baseUrlRequired: false, needsKey: true, listsModels: true, catalogProvider: 'openrouter', optionFields: [], hint: '' }),
  info('ollama', { label: 'Ollama', defaultBaseUrl: 'http://127.0.0.1:11434/v1', baseUrlRequired: true, needsKey: false, listsModels: true, catalogProvider: null, optionFields: [headersField], hint: 'Local server; detected on port 11434.' }),
  info('lmstudio', { label: 'LM Studio', defaultBaseUrl: 'http://127.0.0.1:1234/v1', baseUrlRequired: true, needsKey: false, listsModels: true, catalogProvider: null, optionFields: [headersField], hint: 'Local server; detected on port 1234.' }),
  info('vllm', { label: 'vLLM', defaultBaseUrl: 'http://127.0.0.1:8000/v1', baseUrlRequired: true, needsKey: false, listsModels: true, catalogProvider: null, optionFields: [headersField], hint: 'OpenAI-compatible server started with `vllm serve`.' }),
  info('openai-compatible', { label: 'OpenAI-compatible server', defaultBaseUrl: null, baseUrlRequired: true, needsKey: false, listsModels: true, catalogProvider: null, optionFields: [headersField], hint: 'Any server speaking /v1/chat/completions; the key is optional.' }),
  info('emulator', { label: 'Local emulator', defaultBaseUrl: null, baseUrlRequired: false, needsKey: false, listsModels: true, catalogProvider: null, optionFields: [], hint: 'Built in; runs offline.' })
]

export function providerKindInfo(kind: ProviderKind): ProviderKindInfo {
  const found = PROVIDER_KINDS.find((k) => k.kind === kind)
  if (!found) throw new Error(`Unknown provider kind ${kind}`)
  return found
}
