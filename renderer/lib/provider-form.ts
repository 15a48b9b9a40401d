import { PROVIDER_KINDS } from '../../src/core/provider-kinds'
import type { ProviderKindInfo } from '../../src/core/provider-kinds'
import type { ProviderKind } from '../../src/core/schemas/provider'

/** Kinds a user can add (the emulator is built in). */
export const ADDABLE_KINDS: readonly ProviderKindInfo[] = PROVIDER_KINDS.filter((k) => k.kind !== 'emulator')

export type AddableKind = Exclude<ProviderKind, 'emulator'>

export interface ProviderFormValues {
  kind: AddableKind
  name: string
  baseUrl: string
  /** Option field values as typed (headers as "Name: value" lines). */
  options: Record<string, string>
}

export function kindInfo(kind: ProviderKind): ProviderKindInfo {
  return PROVIDER_KINDS.find((k) => k.kind === kind) ?? PROVIDER_KINDS[0]!
}

/** A stored option back as text for the form (headers may come back as a record). */
export function optionText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join('\n')
  }
  return String(value)
}

/** Form values → the options object (empty fields left out) and what is missing. */
export function formOptions(values: ProviderFormValues): { options: Record<string, string>; problems: string[] } {
  const info = kindInfo(values.kind)
  const options: Record<string, string> = {}
  const problems: string[] = []
  for (const field of info.optionFields) {
    const v = (values.options[field.key] ?? '').trim()
    if (v) options[field.key] = v
    else if (field.required) problems.push(`${field.label} is required`)
    if (v && field.kind === 'headers') {
      const bad = v.split('\n').findIndex((line) => line.trim() !== '' && line.indexOf(':') <= 0)
      if (bad >= 0) problems.push(`${field.label}: line ${bad + 1} is not "Name: value"`)
    }
  }
  if (!values.name.trim()) problems.push('Name is required')
  if (info.baseUrlRequired && !values.baseUrl.trim() && !info.defaultBaseUrl) problems.push('Base URL is required')
  if (values.baseUrl.trim() && !/^https?:\/\/\S+$/.test(values.baseUrl.trim())) problems.push('Base URL looks like https://host/v1')
  return { options, problems }
}

/** The base URL to send: what the user typed, or the kind's default when it must have one. */
export function formBaseUrl(values: ProviderFormValues): string | null {
  const typed = values.baseUrl.trim()
  if (typed) return typed
  const info = kindInfo(values.kind)
  return info.baseUrlRequired ? info.defaultBaseUrl : null
}
