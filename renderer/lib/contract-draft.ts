import type { ContractVersion, VariableSpec } from '../../src/core/schemas/workspace'
import { DEFAULT_SCHEMA, MAX_MODELS, messageId } from './playground-draft'
import type { PlaygroundDraft } from './playground-draft'

/** A variable value as the playground's text field shows it (objects as JSON). */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)
}

/** The variables' examples, for opening a version without a dataset case. */
export function exampleValues(variables: readonly VariableSpec[]): Record<string, string> {
  return Object.fromEntries(variables.filter((v) => v.example !== undefined && v.example !== '').map((v) => [v.name, v.example ?? '']))
}

/**
 * A contract version as a playground draft: its messages template, parameters, output spec and (up to 8) candidate
 * models, with the given variable values (a dataset case's, or the examples).
 */
export function draftFromContractVersion(version: ContractVersion, values: Readonly<Record<string, unknown>>): PlaygroundDraft {
  const text = (n: number | undefined): string => (n === undefined ? '' : String(n))
  return {
    messages: version.messages.map((m) => ({ id: messageId(), role: m.role, content: m.content })),
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, valueText(v)])),
    temperature: text(version.params.temperature),
    topP: text(version.params.topP),
    maxTokens: text(version.params.maxTokens),
    seed: text(version.params.seed),
    stop: (version.params.stop ?? []).join('\n'),
    output: version.output.kind,
    schemaText: version.output.kind === 'json_schema' ? JSON.stringify(version.output.schema, null, 2) : DEFAULT_SCHEMA,
    repeat: '1',
    models: version.candidates.slice(0, MAX_MODELS)
  }
}
