import { stringify } from 'yaml'
import type { ContractVersionBody } from '../../src/core/schemas/workspace'

/**
 * A contract version as stable, readable YAML for the version diff: fields in the editor's order (never the
 * stored key order), multi-line templates as literal blocks, no line folding (so one edit is one changed line).
 */
export function contractVersionText(body: ContractVersionBody): string {
  const ordered = {
    messages: body.messages.map((m) => ({ role: m.role, content: m.content })),
    variables: body.variables.map((v) => ({
      name: v.name,
      type: v.type,
      required: v.required,
      description: v.description,
      ...(v.example !== undefined ? { example: v.example } : {})
    })),
    output: body.output.kind === 'json_schema' ? { kind: body.output.kind, name: body.output.name, schema: body.output.schema } : { kind: body.output.kind },
    params: {
      temperature: body.params.temperature ?? null,
      topP: body.params.topP ?? null,
      maxTokens: body.params.maxTokens ?? null,
      seed: body.params.seed ?? null,
      stop: body.params.stop ?? []
    },
    budgets: {
      p95LatencyMs: body.budgets.p95LatencyMs,
      p95TtftMs: body.budgets.p95TtftMs,
      maxCostPerRequestUsd: body.budgets.maxCostPerRequestUsd,
      minPassRate: body.budgets.minPassRate
    },
    candidates: body.candidates.map((c) => `${c.providerId}/${c.modelId}`),
    fallback: {
      retries: body.fallback.retries,
      timeoutMs: body.fallback.timeoutMs,
      fallbacks: body.fallback.fallbacks.map((c) => `${c.providerId}/${c.modelId}`)
    }
  }
  return stringify(ordered, { lineWidth: 0, blockQuote: 'literal' })
}
