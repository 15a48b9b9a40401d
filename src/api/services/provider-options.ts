import { findSecretPath, looksLikeSecretName } from '../../core/secret-names'
import { AppError } from '../../core/errors'
import { providerKindInfo } from '../../core/provider-kinds'
import type { ProviderKind } from '../../core/schemas/provider'


function invalid(path: string, message: string, fix: string): AppError {
  return new AppError('VALIDATION_FAILED', `Provider ${path}: ${message}; ${fix}.`, [{ path, message }])
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** Extra headers as "Name: value" lines or a record → a record of strings; refuses credential headers. */
export function parseHeaders(value: unknown): Record<string, string> {
  const headers: Record<string, string> = {}
  if (typeof value === 'string') {
    for (const [i, raw] of value.split(/\r?\n/).entries()) {
      const line = raw.trim()
      if (!line) continue
      const colon = line.indexOf(':')
      if (colon <= 0) throw invalid('options.headers', `line ${i + 1} is not "Name: value"`, 'write one "Name: value" per line')
      headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
    }
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, v] of Object.entries(value)) {
      if (typeof v !== 'string') throw invalid(`options.headers.${name}`, 'must be text', 'give each header a text value')
      headers[name] = v
    }
  } else {
    throw invalid('options.headers', 'must be "Name: value" lines or an object of names to values', 'fix the extra headers')
  }
  for (const name of Object.keys(headers)) {
    if (!HEADER_NAME.test(name)) throw invalid(`options.headers.${name}`, 'is not a valid header name', 'use letters, digits and "-"')
    if (looksLikeSecretName(name)) {
      throw invalid(`options.headers.${name}`, 'looks like a credential', 'set the key through the key field (secrets.set), not extra headers')
    }
  }
  return headers
}

export interface ProviderShape {
  kind: ProviderKind
  baseUrl: string | null
  options: Record<string, unknown>
}

/**
 * Checks and normalises what a provider of this kind needs: no credential-looking option, Azure's api version and
 * resource (or base URL), a base URL for OpenAI-compatible servers (their default when they have one), extra
 * headers as a record. Errors are VALIDATION_FAILED naming the field.
 */
export function normaliseProvider(input: ProviderShape): ProviderShape {
  const secret = findSecretPath(input.options, 'options')
  if (secret) throw invalid(secret, 'looks like a credential', 'set keys through the key field (secrets.set), not provider options')
  const info = providerKindInfo(input.kind)
  const options: Record<string, unknown> = { ...input.options }
  for (const field of info.optionFields) {
    const value = options[field.key]
    if (value === undefined || value === null || value === '') {
      delete options[field.key]
      continue
    }
    if (field.kind === 'headers') {
      const headers = parseHeaders(value)
      if (Object.keys(headers).length) options[field.key] = headers
      else delete options[field.key]
    } else if (typeof value !== 'string') {
      throw invalid(`options.${field.key}`, 'must be text', `give ${field.label.toLowerCase()} as text`)
    } else {
      options[field.key] = value.trim()
    }
  }
  if (options.headers !== undefined && !info.optionFields.some((f) => f.key === 'headers')) options.headers = parseHeaders(options.headers)
  let baseUrl = input.baseUrl
  if (input.kind === 'azure-openai') {
    if (typeof options.apiVersion !== 'string') throw invalid('options.apiVersion', 'is required for Azure OpenAI', 'give the API version, e.g. 2024-10-21')
    if (typeof options.resourceName !== 'string' && !baseUrl) {
      throw invalid('options.resourceName', 'Azure OpenAI needs a resource name or a base URL', 'give the resource name (https://<resource>.openai.azure.com) or a base URL')
    }
    if (typeof options.resourceName === 'string' && !/^[A-Za-z0-9-]+$/.test(options.resourceName)) {
      throw invalid('options.resourceName', 'is not a resource name', 'use the <resource> part of https://<resource>.openai.azure.com')
    }
  }
  if (info.baseUrlRequired && !baseUrl) {
    baseUrl = info.defaultBaseUrl
    if (!baseUrl) throw invalid('baseUrl', `is required for ${info.label}`, 'give the server URL, e.g. http://127.0.0.1:8000/v1')
  }
  return { kind: input.kind, baseUrl, options }
}
