/**
 * Turns zod issues from a profile file into one-line messages of the form
 * `models.0.latency.tokensPerSecond: expected number, received string. Fix: …`.
 */
import type { z } from 'zod'

export interface ProfileIssue {
  /** Dotted path of the offending field (empty for the root). */
  path: string
  /** The full user-facing line: `path: problem. Fix: how to fix.` */
  text: string
}

type Issue = z.ZodError['issues'][number]

const ALLOWED_KEYS: Record<string, string[]> = {
  root: ['models'],
  model: ['id', 'extends', 'displayName', 'description', 'contextWindow', 'maxOutputTokens', 'prices', 'latency', 'failure'],
  latency: ['ttftMs', 'tokensPerSecond', 'jitterMs'],
  ttftMs: ['median', 'p95'],
  prices: ['inputPerMTok', 'outputPerMTok'],
  failure: ['mix'],
  mixEntry: ['kind', 'probability', 'retryAfterSeconds', 'afterTokens']
}

const FIELD_HINTS: Record<string, string> = {
  model: 'a model entry such as `{ id: my-model, extends: emu-steady }`',
  mixEntry: 'a failure entry such as `{ kind: rate_limit, probability: 0.1 }`',
  models: 'a list of models, e.g. `models: [{ id: my-model, extends: emu-steady }]`',
  id: 'a model id made of letters, digits, ".", "_" or "-", e.g. `my-model`',
  extends: 'the id of an existing model, e.g. `extends: emu-steady`',
  displayName: 'a non-empty string',
  description: 'a string',
  contextWindow: 'a positive whole number of tokens, e.g. `contextWindow: 128000`',
  maxOutputTokens: 'a positive whole number of tokens, e.g. `maxOutputTokens: 8192`',
  prices: 'an object like `prices: { inputPerMTok: 1, outputPerMTok: 4 }` (USD per million tokens)',
  inputPerMTok: 'a number >= 0 (USD per million input tokens)',
  outputPerMTok: 'a number >= 0 (USD per million output tokens)',
  latency: 'an object like `latency: { ttftMs: { median: 150, p95: 300 }, tokensPerSecond: 90, jitterMs: 4 }`',
  ttftMs: 'milliseconds as a number (`ttftMs: 120`) or `ttftMs: { median: 120, p95: 300 }`',
  median: 'a number of milliseconds >= 0',
  p95: 'a number of milliseconds >= the median',
  tokensPerSecond: 'a number >= 0 (0 or null = unlimited)',
  jitterMs: 'a number of milliseconds >= 0',
  failure: 'an object like `failure: { mix: [ { kind: rate_limit, probability: 0.1 } ] }` (use `mix: []` for none)',
  mix: 'a list of `{ kind, probability, retryAfterSeconds?, afterTokens? }` whose probabilities add up to at most 1',
  kind: 'one of rate_limit, server_error, unavailable, hang_headers, hang_stream, stream_cut, malformed_chunk, unauthorized',
  probability: 'a number between 0 and 1',
  retryAfterSeconds: 'a number of seconds >= 0',
  afterTokens: 'a whole number >= 0'
}

/** The name used to look up a hint: the last key, or `model` / `mixEntry` for list elements. */
function lastKey(path: readonly PropertyKey[]): string | undefined {
  const last = path[path.length - 1]
  if (typeof last === 'number') return objectKind(path)
  return typeof last === 'string' ? last : undefined
}

/** Which object an issue path points into, to list its allowed keys. */
function objectKind(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return 'root'
  const last = path[path.length - 1]
  const beforeLast = path[path.length - 2]
  if (typeof last === 'number' && beforeLast === 'models') return 'model'
  if (typeof last === 'number' && beforeLast === 'mix') return 'mixEntry'
  return typeof last === 'string' && last in ALLOWED_KEYS ? last : undefined
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

function formatOne(issue: Issue, input: unknown): ProfileIssue {
  const path = issue.path.map(String).join('.')
  const label = path === '' ? '(root)' : path
  const key = lastKey(issue.path)
  const hint = key ? FIELD_HINTS[key] : undefined
  let problem = issue.message
  let fix = hint ? `set it to ${hint}` : 'see src/emulator/README.md for the profile format'
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, issue.path)
      problem = value === undefined ? `missing required field (expected ${issue.expected})` : `expected ${issue.expected}, got ${describe(value)}`
      if (value === undefined && hint) fix = `add it: ${hint}`
      break
    }
    case 'unrecognized_keys': {
      const kind = objectKind(issue.path)
      const allowed = kind ? ALLOWED_KEYS[kind] : undefined
      problem = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      fix = `remove or rename ${issue.keys.length > 1 ? 'them' : 'it'}${allowed ? `; allowed keys here: ${allowed.join(', ')}` : ''}`
      break
    }
    case 'invalid_value':
      problem = `got ${JSON.stringify(valueAt(input, issue.path))}`
      fix = `use one of ${issue.values.map((v) => String(v)).join(', ')}`
      break
    case 'too_small':
    case 'too_big':
      problem = issue.message.replace(/^Too (small|big): /, 'value out of range: ')
      break
    default:
      break
  }
  return { path, text: `${label}: ${problem}. Fix: ${fix}.` }
}

export function formatProfileIssues(issues: readonly Issue[], input: unknown): ProfileIssue[] {
  return issues.map((issue) => formatOne(issue, input))
}
