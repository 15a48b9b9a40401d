import { PlaygroundRunRequest } from '../../src/core/schemas/playground'
import type { OutputMode } from '../../src/core/schemas/playground'
import type { ModelRef } from '../../src/core/schemas/workspace'
import { templateVariables } from '../../src/core/templating'

export type Role = 'system' | 'user' | 'assistant'
export type OutputKind = OutputMode['kind']

export interface DraftMessage {
  id: string
  role: Role
  content: string
}

/** What the playground editor holds: everything as the user typed it (numbers as text). */
export interface PlaygroundDraft {
  messages: DraftMessage[]
  values: Record<string, string>
  temperature: string
  topP: string
  maxTokens: string
  seed: string
  /** One stop sequence per line. */
  stop: string
  output: OutputKind
  schemaText: string
  repeat: string
  models: ModelRef[]
}

export const MAX_MODELS = 8

let nextId = 0
export function messageId(): string {
  nextId += 1
  return `m${nextId}`
}

export const DEFAULT_SCHEMA = `{
  "type": "object",
  "properties": {
    "answer": { "type": "string" }
  },
  "required": ["answer"]
}`

export function emptyDraft(): PlaygroundDraft {
  return {
    messages: [
      { id: messageId(), role: 'system', content: 'You are a concise assistant.' },
      { id: messageId(), role: 'user', content: 'Summarise in one sentence: {{text}}' }
    ],
    values: {},
    temperature: '',
    topP: '',
    maxTokens: '256',
    seed: '',
    stop: '',
    output: 'text',
    schemaText: DEFAULT_SCHEMA,
    repeat: '1',
    models: []
  }
}

export function draftVariables(messages: readonly DraftMessage[]): string[] {
  return [...new Set(messages.flatMap((m) => templateVariables(m.content)))]
}

export interface DraftProblem {
  field: string
  message: string
}

function num(text: string, field: string, problems: DraftProblem[], opts: { int?: boolean; min?: number; max?: number }): number | undefined {
  const t = text.trim()
  if (t === '') return undefined
  const n = Number(t)
  const bad = !Number.isFinite(n) || (opts.int && !Number.isInteger(n)) || (opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)
  if (bad) {
    const range = opts.min !== undefined && opts.max !== undefined ? ` between ${opts.min} and ${opts.max}` : opts.min !== undefined ? ` of at least ${opts.min}` : ''
    problems.push({ field, message: `${field} must be ${opts.int ? 'a whole number' : 'a number'}${range}` })
    return undefined
  }
  return n
}

export function sameModel(a: ModelRef, b: ModelRef): boolean {
  return a.providerId === b.providerId && a.modelId === b.modelId
}

/** The run request the draft stands for, or what keeps it from being one. Pure: unit-tested. */
export function buildRequest(draft: PlaygroundDraft): { request: PlaygroundRunRequest | null; problems: DraftProblem[] } {
  const problems: DraftProblem[] = []
  const temperature = num(draft.temperature, 'Temperature', problems, { min: 0, max: 2 })
  const topP = num(draft.topP, 'Top P', problems, { min: 0, max: 1 })
  const maxTokens = num(draft.maxTokens, 'Max tokens', problems, { int: true, min: 1, max: 200_000 })
  const seed = num(draft.seed, 'Seed', problems, { int: true })
  const repeat = num(draft.repeat, 'Repeat', problems, { int: true, min: 1, max: 20 }) ?? 1
  const stop = draft.stop.split('\n').filter((s) => s !== '')
  if (stop.length > 4) problems.push({ field: 'Stop sequences', message: 'at most 4 stop sequences' })

  let output: OutputMode = { kind: 'text' }
  if (draft.output === 'json_object') output = { kind: 'json_object' }
  if (draft.output === 'json_schema') {
    try {
      const schema: unknown = JSON.parse(draft.schemaText)
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error('not an object')
      output = { kind: 'json_schema', name: 'output', schema: schema as Record<string, unknown> }
    } catch {
      problems.push({ field: 'JSON schema', message: 'the JSON schema is not a valid JSON object' })
    }
  }

  const names = draftVariables(draft.messages)
  const variables: Record<string, string> = {}
  for (const name of names) variables[name] = draft.values[name] ?? ''
  if (draft.messages.length === 0) problems.push({ field: 'Messages', message: 'add at least one message' })
  if (draft.models.length === 0) problems.push({ field: 'Models', message: 'choose at least one model' })
  if (draft.models.length > MAX_MODELS) problems.push({ field: 'Models', message: `at most ${MAX_MODELS} models side by side` })
  if (problems.length > 0) return { request: null, problems }

  const parsed = PlaygroundRunRequest.safeParse({
    messages: draft.messages.map((m) => ({ role: m.role, content: m.content })),
    variables,
    params: {
      ...(temperature !== undefined ? { temperature } : {}),
      ...(topP !== undefined ? { topP } : {}),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(stop.length > 0 ? { stop } : {}),
      output
    },
    models: draft.models,
    repeat
  })
  if (!parsed.success) return { request: null, problems: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'Request', message: i.message })) }
  return { request: parsed.data, problems: [] }
}

function text(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)
}

/** A stored run's config (the request that started it) back as a draft; null when it is not a playground request. */
export function draftFromConfig(config: unknown): PlaygroundDraft | null {
  const parsed = PlaygroundRunRequest.safeParse(config)
  if (!parsed.success) return null
  const r = parsed.data
  const values: Record<string, string> = {}
  for (const [k, v] of Object.entries(r.variables)) values[k] = text(v)
  return {
    messages: r.messages.map((m) => ({ id: messageId(), role: m.role, content: m.content })),
    values,
    temperature: text(r.params.temperature),
    topP: text(r.params.topP),
    maxTokens: text(r.params.maxTokens),
    seed: text(r.params.seed),
    stop: (r.params.stop ?? []).join('\n'),
    output: r.params.output.kind,
    schemaText: r.params.output.kind === 'json_schema' ? JSON.stringify(r.params.output.schema, null, 2) : DEFAULT_SCHEMA,
    repeat: String(r.repeat),
    models: r.models.slice(0, MAX_MODELS)
  }
}
