import { providerKindInfo } from '../core/provider-kinds'
import type { CallTarget } from './call-types'
import { ProviderCallError } from './provider-call-error'

/*
 * Where a provider's requests go and which extra headers they carry: no AI SDK here, so the direct wire paths
 * (openai-chat-stream.ts) and model listing do not load the SDK's provider packages.
 */

/** `provider.options.headers` as a Record or "Name: value" lines; anything else is ignored. */
export function extraHeaders(options: Record<string, unknown>): Record<string, string> {
  const raw = options['headers']
  const out: Record<string, string> = {}
  if (typeof raw === 'string') {
    for (const line of raw.split(/\r?\n/)) {
      const colon = line.indexOf(':')
      if (colon <= 0) continue
      const name = line.slice(0, colon).trim()
      const value = line.slice(colon + 1).trim()
      if (name) out[name] = value
    }
  } else if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      if (typeof value === 'string' || typeof value === 'number') out[name] = String(value)
    }
  }
  return out
}

/** A non-empty string option of a provider (trimmed), or undefined. */
export function stringOption(options: Record<string, unknown>, key: string): string | undefined {
  const value = options[key]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '')

/** The base URL a provider's requests go to (the emulator's OpenAI route for the built-in provider). */
export function resolveBaseUrl(target: CallTarget): string {
  const { provider } = target
  if (provider.kind === 'emulator') {
    if (!target.emulatorUrl) throw new ProviderCallError('network', 'The Local emulator is not running in this session.')
    return `${trimSlash(target.emulatorUrl)}/v1`
  }
  const base = provider.baseUrl?.trim() || providerKindInfo(provider.kind).defaultBaseUrl
  if (!base) {
    if (provider.kind === 'azure-openai') {
      const resource = stringOption(provider.options, 'resourceName')
      if (resource) return `https://${resource}.openai.azure.com/openai`
      throw new ProviderCallError('bad_request', `Provider "${provider.name}" needs a resource name or a base URL. Set one in Providers.`)
    }
    throw new ProviderCallError('bad_request', `Provider "${provider.name}" has no base URL. Set one in Providers.`)
  }
  return trimSlash(base)
}
