import type { Budgets, ContractVersionBody, ModelRef, VariableSpec } from './schemas/workspace'

/**
 * Comparing contract versions: a canonical form (to tell "nothing changed" from a real change, whatever the key
 * order or the defaults) and a one-line summary of what changed between two versions.
 */

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key]
      if (v !== undefined) out[key] = sortKeys(v)
    }
    return out
  }
  return value
}

/** The body as JSON with sorted keys and no undefined fields: equal texts mean equal bodies. */
export function canonicalBodyJson(body: ContractVersionBody): string {
  return JSON.stringify(sortKeys(body))
}

export function sameBody(a: ContractVersionBody, b: ContractVersionBody): boolean {
  return canonicalBodyJson(a) === canonicalBodyJson(b)
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))
const modelKey = (m: ModelRef): string => `${m.providerId}/${m.modelId}`
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 })

function listChange(noun: string, before: string[], after: string[]): string[] {
  const added = after.filter((x) => !before.includes(x))
  const removed = before.filter((x) => !after.includes(x))
  const parts: string[] = []
  if (added.length) parts.push(`${noun} ${added.join(', ')} added`)
  if (removed.length) parts.push(`${noun} ${removed.join(', ')} removed`)
  if (!added.length && !removed.length && before.join() !== after.join()) parts.push(`${noun}s reordered`)
  return parts
}

function variableChanges(before: VariableSpec[], after: VariableSpec[]): string[] {
  const parts = listChange('variable', before.map((v) => v.name), after.map((v) => v.name))
  const edited = after.filter((v) => {
    const old = before.find((b) => b.name === v.name)
    return old !== undefined && !same(old, v)
  })
  if (edited.length) parts.push(`variable ${edited.map((v) => v.name).join(', ')} edited`)
  return parts
}

const BUDGET_LABELS: Record<keyof Budgets, [label: string, unit: (n: number) => string]> = {
  p95LatencyMs: ['p95 latency', (n) => `${number.format(n)} ms`],
  p95TtftMs: ['p95 TTFT', (n) => `${number.format(n)} ms`],
  maxCostPerRequestUsd: ['cost per request', (n) => `$${number.format(n)}`],
  minPassRate: ['min pass rate', (n) => `${number.format(n * 100)}%`]
}

function budgetChanges(before: Budgets, after: Budgets): string[] {
  return (Object.keys(BUDGET_LABELS) as Array<keyof Budgets>)
    .filter((key) => before[key] !== after[key])
    .map((key) => {
      const [label, unit] = BUDGET_LABELS[key]
      const show = (v: number | null): string => (v === null ? 'none' : unit(v))
      return `${label} ${show(before[key])} → ${show(after[key])}`
    })
}

function messageChanges(before: ContractVersionBody['messages'], after: ContractVersionBody['messages']): string[] {
  if (same(before, after)) return []
  if (before.length !== after.length) return [`messages ${before.length} → ${after.length}`]
  const changed = after.map((m, i) => (same(m, before[i]) ? null : i + 1)).filter((i): i is number => i !== null)
  return [`message${changed.length > 1 ? 's' : ''} ${changed.join(', ')} edited`]
}

/** One line naming what changed from `before` to `after`, e.g. "message 2 edited; variable tone added; p95 latency 1,500 ms → 1,200 ms". */
export function summarizeChange(before: ContractVersionBody | null, after: ContractVersionBody): string {
  if (!before) return 'First version'
  const parts = [
    ...messageChanges(before.messages, after.messages),
    ...variableChanges(before.variables, after.variables)
  ]
  if (!same(before.output, after.output)) {
    parts.push(before.output.kind !== after.output.kind ? `output ${before.output.kind.replace('_', ' ')} → ${after.output.kind.replace('_', ' ')}` : 'output schema edited')
  }
  if (!same(before.params, after.params)) parts.push('parameters edited')
  parts.push(...budgetChanges(before.budgets, after.budgets))
  parts.push(...listChange('candidate', before.candidates.map(modelKey), after.candidates.map(modelKey)))
  if (!same(before.fallback, after.fallback)) parts.push('fallback policy edited')
  return parts.length === 0 ? 'No change' : parts.join('; ')
}
