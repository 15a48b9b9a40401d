import type { ContractProblem } from '../../src/core/schemas/contract-editor'
import { ContractVersionBody } from '../../src/core/schemas/workspace'
import type { ContractDetail, ModelRef, VariableSpec } from '../../src/core/schemas/workspace'

/**
 * The contract editor's form: everything as the user typed it (numbers as text), and the pure functions that turn
 * it into a contract body or say, per field, what keeps it from being one.
 */

export type Role = 'system' | 'user' | 'assistant'
export type VariableType = VariableSpec['type']

export interface FormMessage {
  key: string
  role: Role
  content: string
}

export interface FormVariable {
  key: string
  name: string
  type: VariableType
  description: string
  required: boolean
  example: string
}

export interface ContractForm {
  name: string
  description: string
  feature: string
  messages: FormMessage[]
  variables: FormVariable[]
  outputKind: 'text' | 'json_schema'
  schemaName: string
  schemaText: string
  temperature: string
  topP: string
  maxTokens: string
  seed: string
  /** One stop sequence per line. */
  stop: string
  p95LatencyMs: string
  p95TtftMs: string
  maxCostPerRequestUsd: string
  /** Percent, 0–100. */
  minPassRatePercent: string
  candidates: ModelRef[]
  retries: string
  timeoutMs: string
  fallbacks: ModelRef[]
}

let nextKey = 0
export function formKey(prefix: string): string {
  nextKey += 1
  return `${prefix}${nextKey}`
}

export const STARTER_SCHEMA = `{
  "type": "object",
  "properties": {
    "answer": { "type": "string" }
  },
  "required": ["answer"],
  "additionalProperties": false
}`

const text = (value: number | undefined | null): string => (value === undefined || value === null ? '' : String(value))

/** A new contract: a starter template that already shows how variables work. */
export function emptyForm(): ContractForm {
  return {
    name: '',
    description: '',
    feature: '',
    messages: [
      { key: formKey('m'), role: 'system', content: 'You are a concise assistant.' },
      { key: formKey('m'), role: 'user', content: '{{input}}' }
    ],
    variables: [{ key: formKey('v'), name: 'input', type: 'string', description: 'What the user asks.', required: true, example: '' }],
    outputKind: 'text',
    schemaName: 'output',
    schemaText: STARTER_SCHEMA,
    temperature: '',
    topP: '',
    maxTokens: '',
    seed: '',
    stop: '',
    p95LatencyMs: '',
    p95TtftMs: '',
    maxCostPerRequestUsd: '',
    minPassRatePercent: '',
    candidates: [],
    retries: '2',
    timeoutMs: '30000',
    fallbacks: []
  }
}

/** The form for editing a contract: its meta and its latest version. */
export function formFromContract(contract: ContractDetail): ContractForm {
  const base = emptyForm()
  const v = contract.latest
  const meta = { name: contract.name, description: contract.description, feature: contract.feature ?? '' }
  if (!v) return { ...base, ...meta }
  return {
    ...meta,
    messages: v.messages.map((m) => ({ key: formKey('m'), role: m.role, content: m.content })),
    variables: v.variables.map((x) => ({ key: formKey('v'), name: x.name, type: x.type, description: x.description, required: x.required, example: x.example ?? '' })),
    outputKind: v.output.kind,
    schemaName: v.output.kind === 'json_schema' ? v.output.name : 'output',
    schemaText: v.output.kind === 'json_schema' ? JSON.stringify(v.output.schema, null, 2) : STARTER_SCHEMA,
    temperature: text(v.params.temperature),
    topP: text(v.params.topP),
    maxTokens: text(v.params.maxTokens),
    seed: text(v.params.seed),
    stop: (v.params.stop ?? []).join('\n'),
    p95LatencyMs: text(v.budgets.p95LatencyMs),
    p95TtftMs: text(v.budgets.p95TtftMs),
    maxCostPerRequestUsd: text(v.budgets.maxCostPerRequestUsd),
    minPassRatePercent: v.budgets.minPassRate === null ? '' : String(Math.round(v.budgets.minPassRate * 10_000) / 100),
    candidates: v.candidates,
    retries: String(v.fallback.retries),
    timeoutMs: String(v.fallback.timeoutMs),
    fallbacks: v.fallback.fallbacks
  }
}

/** The form without its row keys: equal snapshots mean nothing was edited. */
export function formSnapshot(form: ContractForm): string {
  return JSON.stringify({
    ...form,
    messages: form.messages.map(({ key: _key, ...m }) => m),
    variables: form.variables.map(({ key: _key, ...v }) => v)
  })
}

interface NumberRule {
  path: string
  label: string
  int?: boolean
  min?: number
  max?: number
  /** The bound itself is not allowed (budgets must be above 0). */
  exclusiveMin?: boolean
}

function parseNumber(raw: string, rule: NumberRule, problems: ContractProblem[]): number | undefined {
  const t = raw.trim()
  if (t === '') return undefined
  const n = Number(t)
  const tooLow = rule.min !== undefined && (rule.exclusiveMin ? n <= rule.min : n < rule.min)
  const tooHigh = rule.max !== undefined && n > rule.max
  if (!Number.isFinite(n) || (rule.int && !Number.isInteger(n)) || tooLow || tooHigh) {
    const range =
      rule.min !== undefined && rule.max !== undefined
        ? ` from ${rule.min} to ${rule.max}`
        : rule.min !== undefined
          ? rule.exclusiveMin
            ? ` above ${rule.min}`
            : ` of at least ${rule.min}`
          : ''
    problems.push({ path: rule.path, severity: 'error', message: `${rule.label} must be ${rule.int ? 'a whole number' : 'a number'}${range}; correct it or leave it empty.` })
    return undefined
  }
  return n
}

/** Where a JSON.parse error points, as "line L, column C" (from "position N" in the engine's message). */
export function jsonErrorPlace(source: string, message: string): string | null {
  const lineCol = /line (\d+) column (\d+)/.exec(message)
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`
  const position = /position (\d+)/.exec(message)
  if (!position) return null
  const before = source.slice(0, Number(position[1]))
  const line = before.split('\n').length
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`
}

function parseSchema(form: ContractForm, problems: ContractProblem[]): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(form.schemaText)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ path: 'output.schema', severity: 'error', message: 'The output schema must be a JSON object such as {"type": "object", "properties": {…}}.' })
      return null
    }
    return value as Record<string, unknown>
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const place = jsonErrorPlace(form.schemaText, message)
    problems.push({ path: 'output.schema', severity: 'error', message: `The output schema is not valid JSON${place ? ` at ${place}` : ''} (${message}): fix it there.` })
    return null
  }
}

/** The body the form stands for, or the problems (by field path) that keep it from being one. Pure. */
export function buildBody(form: ContractForm): { body: ContractVersionBody | null; problems: ContractProblem[] } {
  const problems: ContractProblem[] = []
  const num = (raw: string, rule: NumberRule): number | undefined => parseNumber(raw, rule, problems)
  const temperature = num(form.temperature, { path: 'params.temperature', label: 'Temperature', min: 0, max: 2 })
  const topP = num(form.topP, { path: 'params.topP', label: 'Top P', min: 0, max: 1 })
  const maxTokens = num(form.maxTokens, { path: 'params.maxTokens', label: 'Max tokens', int: true, min: 1 })
  const seed = num(form.seed, { path: 'params.seed', label: 'Seed', int: true })
  const stop = form.stop.split('\n').filter((s) => s !== '')
  const p95LatencyMs = num(form.p95LatencyMs, { path: 'budgets.p95LatencyMs', label: 'The p95 latency budget', min: 0, exclusiveMin: true })
  const p95TtftMs = num(form.p95TtftMs, { path: 'budgets.p95TtftMs', label: 'The p95 time to first token budget', min: 0, exclusiveMin: true })
  const maxCost = num(form.maxCostPerRequestUsd, { path: 'budgets.maxCostPerRequestUsd', label: 'The cost per request budget', min: 0 })
  const minPass = num(form.minPassRatePercent, { path: 'budgets.minPassRate', label: 'The minimum pass rate', min: 0, max: 100 })
  const retries = num(form.retries, { path: 'fallback.retries', label: 'Retries', int: true, min: 0, max: 10 })
  const timeoutMs = num(form.timeoutMs, { path: 'fallback.timeoutMs', label: 'Timeout', int: true, min: 1 })
  form.variables.forEach((v, i) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v.name)) {
      problems.push({
        path: `variables.${i}.name`,
        severity: 'error',
        message: v.name === '' ? `Variable ${i + 1} has no name: give it one (letters, digits and _), or remove it.` : `"${v.name}" is not a variable name: start with a letter or _ and use only letters, digits and _.`
      })
    }
  })
  const schema = form.outputKind === 'json_schema' ? parseSchema(form, problems) : null
  if (problems.length > 0) return { body: null, problems }

  const parsed = ContractVersionBody.safeParse({
    messages: form.messages.map((m) => ({ role: m.role, content: m.content })),
    variables: form.variables.map((v) => ({
      name: v.name,
      type: v.type,
      description: v.description,
      required: v.required,
      ...(v.example !== '' ? { example: v.example } : {})
    })),
    output: form.outputKind === 'json_schema' ? { kind: 'json_schema', name: form.schemaName.trim() || 'output', schema } : { kind: 'text' },
    params: {
      ...(temperature !== undefined ? { temperature } : {}),
      ...(topP !== undefined ? { topP } : {}),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(stop.length > 0 ? { stop } : {})
    },
    budgets: {
      p95LatencyMs: p95LatencyMs ?? null,
      p95TtftMs: p95TtftMs ?? null,
      maxCostPerRequestUsd: maxCost ?? null,
      minPassRate: minPass === undefined ? null : minPass / 100
    },
    candidates: form.candidates,
    fallback: { retries: retries ?? 2, timeoutMs: timeoutMs ?? 300_000, fallbacks: form.fallbacks }
  })
  if (!parsed.success) {
    // Only an empty message list reaches here (the form checks everything else); the engine's checks word it.
    return { body: null, problems: parsed.error.issues.map((i) => ({ path: i.path.join('.'), severity: 'error', message: messageFor(i.path.join('.'), i.message) })) }
  }
  return { body: parsed.data, problems: [] }
}

function messageFor(path: string, fallback: string): string {
  if (path === 'messages') return 'The contract has no message: add at least one (usually a system message and a user message with the {{variables}}).'
  return `${path}: ${fallback}`
}

/** Problems whose path is `path` or lies under it (`messages.1` matches `messages.1.content`). */
export function problemsAt(problems: readonly ContractProblem[], path: string): ContractProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`))
}
