import { AssertionList } from '../../src/core/schemas/assertion'
import type { Suite, SuiteRef, SuiteSettings } from '../../src/core/schemas/suite'
import type { ModelRef } from '../../src/core/schemas/workspace'

/**
 * The suite editor's form: text fields as typed, turned into a `suites.create` / `suites.update` request with every
 * problem named by field. Settings the form does not edit are kept as they were (`extra`).
 */

export interface SuiteForm {
  name: string
  contractId: string
  contractVersionId: string
  datasetId: string
  datasetVersionId: string
  /** Other contract versions whose prompts compete (by contract name; version null = the latest). */
  variants: Array<{ name: string; version: number | null }>
  /** candidates: the contract version's candidate models; custom: the models picked here. */
  modelsMode: 'candidates' | 'custom'
  models: ModelRef[]
  /** The suite's assertions as a JSON array, as typed. */
  assertionsText: string
  repeats: string
  concurrency: string
  judge: ModelRef | null
  embeddings: ModelRef | null
  cache: boolean
  /** Gates: a pass rate in percent, milliseconds and US dollars; empty = no gate. */
  minPassRatePct: string
  maxP95LatencyMs: string
  maxCostPerSuccessUsd: string
  extra: Record<string, unknown>
}

export type SuiteField =
  | 'name'
  | 'contract'
  | 'dataset'
  | 'variants'
  | 'models'
  | 'assertions'
  | 'repeats'
  | 'concurrency'
  | 'minPassRate'
  | 'maxP95LatencyMs'
  | 'maxCostPerSuccessUsd'

export interface SuiteProblem {
  field: SuiteField
  message: string
}

export interface SuiteRequest {
  name: string
  contractVersionId: string
  datasetVersionId: string
  settings: SuiteSettings
}

export const DEFAULT_ASSERTIONS_TEXT = '[\n  { "type": "is-json" }\n]\n'

export function emptySuiteForm(): SuiteForm {
  return {
    name: '',
    contractId: '',
    contractVersionId: '',
    datasetId: '',
    datasetVersionId: '',
    variants: [],
    modelsMode: 'candidates',
    models: [],
    assertionsText: DEFAULT_ASSERTIONS_TEXT,
    repeats: '1',
    concurrency: '8',
    judge: null,
    embeddings: null,
    cache: false,
    minPassRatePct: '',
    maxP95LatencyMs: '',
    maxCostPerSuccessUsd: '',
    extra: {}
  }
}

const EDITED = new Set(['models', 'assertions', 'repeats', 'concurrency', 'thresholds', 'variants', 'judge', 'embeddings', 'cache'])

function numberText(value: unknown, scale = 1): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(Number((value * scale).toPrecision(12))) : ''
}

/** A stored suite as the form edits it. */
export function formFromSuite(suite: Suite): SuiteForm {
  const s = suite.settings
  const thresholds = (s.thresholds ?? {}) as Record<string, unknown>
  const extra: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(s)) if (!EDITED.has(key)) extra[key] = value
  return {
    name: suite.name,
    contractId: suite.contractId,
    contractVersionId: suite.contractVersionId,
    datasetId: suite.datasetId ?? '',
    datasetVersionId: suite.datasetVersionId ?? '',
    variants: (s.variants ?? []).map((v) => ({ name: v.name, version: v.version ?? null })),
    modelsMode: s.models && s.models.length > 0 ? 'custom' : 'candidates',
    models: s.models ?? [],
    assertionsText: s.assertions && s.assertions.length > 0 ? `${JSON.stringify(s.assertions, null, 2)}\n` : '[]\n',
    repeats: String(s.repeats ?? 1),
    concurrency: String(s.concurrency ?? 8),
    judge: s.judge ?? null,
    embeddings: s.embeddings ?? null,
    cache: s.cache ?? false,
    minPassRatePct: numberText(thresholds.minPassRate, 100),
    maxP95LatencyMs: numberText(thresholds.maxP95LatencyMs),
    maxCostPerSuccessUsd: numberText(thresholds.maxCostPerSuccessUsd),
    extra
  }
}

/** `Unexpected token } in JSON at position 42` → line and column of position 42 in `text`. */
function jsonErrorPlace(text: string, message: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(message)
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`
  const position = /position (\d+)/.exec(message)
  if (!position) return ''
  const before = text.slice(0, Number(position[1]))
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}

/**
 * The assertions JSON as typed: an array of assertions (the raw objects, as written), or every problem — a JSON
 * syntax error with its line and column, or each assertion that does not validate, by its number and type.
 */
export function parseAssertions(text: string): { ok: true; value: Array<Record<string, unknown>> } | { ok: false; problems: string[] } {
  if (text.trim() === '') return { ok: true, value: [] }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const place = jsonErrorPlace(text, message)
    return { ok: false, problems: [`Not valid JSON${place ? ` at ${place}` : ''}: ${message.replace(/ in JSON at position \d+.*$/, '')}`] }
  }
  if (!Array.isArray(parsed)) {
    return { ok: false, problems: ['The assertions are a JSON array, e.g. [ { "type": "icontains", "value": "billing" } ]'] }
  }
  const result = AssertionList.safeParse(parsed)
  if (!result.success) {
    const problems = new Set<string>()
    for (const issue of result.error.issues) {
      const [index, ...rest] = issue.path
      if (typeof index !== 'number') {
        problems.add(issue.message)
        continue
      }
      const item = parsed[index] as { type?: unknown } | null
      const type = item && typeof item === 'object' && typeof item.type === 'string' ? ` (${item.type})` : ''
      const where = rest.length > 0 ? ` ${rest.join('.')}` : ''
      problems.add(`Assertion ${index + 1}${type}${where}: ${issue.message}`)
    }
    return { ok: false, problems: [...problems] }
  }
  return { ok: true, value: parsed as Array<Record<string, unknown>> }
}

function wholeNumber(text: string, field: SuiteField, label: string, min: number, max: number, problems: SuiteProblem[]): number | undefined {
  if (text.trim() === '') return undefined
  const n = Number(text)
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push({ field, message: `${label} must be a whole number from ${min} to ${max}.` })
    return undefined
  }
  return n
}

function positiveNumber(text: string, field: SuiteField, label: string, problems: SuiteProblem[], options: { max?: number; allowZero?: boolean } = {}): number | undefined {
  if (text.trim() === '') return undefined
  const n = Number(text)
  const tooSmall = options.allowZero ? n < 0 : n <= 0
  if (!Number.isFinite(n) || tooSmall || (options.max !== undefined && n > options.max)) {
    const range = options.max !== undefined ? ` between 0 and ${options.max}` : options.allowZero ? ' of 0 or more' : ' above 0'
    problems.push({ field, message: `${label} must be a number${range}, or empty for no gate.` })
    return undefined
  }
  return n
}

/** The request the form makes, or its problems (the request is null while any problem stands). */
export function buildSuiteRequest(form: SuiteForm): { request: SuiteRequest | null; problems: SuiteProblem[] } {
  const problems: SuiteProblem[] = []
  const name = form.name.trim()
  if (!name) problems.push({ field: 'name', message: 'Give the suite a name.' })
  if (!form.contractVersionId) problems.push({ field: 'contract', message: 'Pick a contract and its version.' })
  if (!form.datasetVersionId) problems.push({ field: 'dataset', message: 'Pick a dataset and its version: its cases are what the suite runs.' })
  if (form.modelsMode === 'custom' && form.models.length === 0) {
    problems.push({ field: 'models', message: "Pick at least one model, or run the contract's candidate models." })
  }
  if (form.models.length > 16) problems.push({ field: 'models', message: 'At most 16 models in one suite.' })
  const assertions = parseAssertions(form.assertionsText)
  if (!assertions.ok) for (const message of assertions.problems) problems.push({ field: 'assertions', message })
  const repeats = wholeNumber(form.repeats, 'repeats', 'Repeats', 1, 100, problems)
  const concurrency = wholeNumber(form.concurrency, 'concurrency', 'Concurrency', 1, 256, problems)
  const minPassRatePct = positiveNumber(form.minPassRatePct, 'minPassRate', 'The minimum pass rate (%)', problems, { max: 100, allowZero: true })
  const maxP95LatencyMs = positiveNumber(form.maxP95LatencyMs, 'maxP95LatencyMs', 'The maximum p95 latency (ms)', problems)
  const maxCostPerSuccessUsd = positiveNumber(form.maxCostPerSuccessUsd, 'maxCostPerSuccessUsd', 'The maximum cost per success ($)', problems, { allowZero: true })
  const seen = new Set<string>()
  for (const v of form.variants) {
    const key = `${v.name.toLowerCase()}@${v.version ?? 'latest'}`
    if (!v.name.trim()) problems.push({ field: 'variants', message: 'Each prompt variant needs a contract.' })
    else if (seen.has(key)) problems.push({ field: 'variants', message: `${v.name} ${v.version ? `v${v.version}` : '(latest)'} is listed twice.` })
    seen.add(key)
  }
  if (problems.length > 0) return { request: null, problems }

  const thresholds: Record<string, number> = {}
  if (minPassRatePct !== undefined) thresholds.minPassRate = Number((minPassRatePct / 100).toPrecision(12))
  if (maxP95LatencyMs !== undefined) thresholds.maxP95LatencyMs = maxP95LatencyMs
  if (maxCostPerSuccessUsd !== undefined) thresholds.maxCostPerSuccessUsd = maxCostPerSuccessUsd
  const variants: SuiteRef[] = form.variants.map((v) => (v.version === null ? { name: v.name } : { name: v.name, version: v.version }))
  const settings: SuiteSettings = {
    ...form.extra,
    ...(form.modelsMode === 'custom' ? { models: form.models } : {}),
    assertions: assertions.ok ? assertions.value : [],
    repeats: repeats ?? 1,
    concurrency: concurrency ?? 8,
    cache: form.cache,
    ...(Object.keys(thresholds).length > 0 ? { thresholds } : {}),
    ...(variants.length > 0 ? { variants } : {}),
    ...(form.judge ? { judge: form.judge } : {}),
    ...(form.embeddings ? { embeddings: form.embeddings } : {})
  }
  return { request: { name, contractVersionId: form.contractVersionId, datasetVersionId: form.datasetVersionId, settings }, problems }
}

export function problemsFor(problems: readonly SuiteProblem[], field: SuiteField): string[] {
  return problems.filter((p) => p.field === field).map((p) => p.message)
}

/** "local-emulator/emu-swift": a model's key in a <select>. The model id may hold slashes; the provider id does not. */
export function modelKey(ref: ModelRef): string {
  return `${ref.providerId}/${ref.modelId}`
}

export function parseModelKey(key: string): ModelRef | null {
  const slash = key.indexOf('/')
  if (slash <= 0 || slash === key.length - 1) return null
  return { providerId: key.slice(0, slash), modelId: key.slice(slash + 1) }
}
