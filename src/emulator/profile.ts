/**
 * Emulator profiles: the zod schemas for a model's latency and failure behaviour, and the profile FILE
 * accepted by `switchyard emulate --profile FILE` (YAML or JSON):
 *
 *   models:
 *     - id: my-slow-model          # new id → added; existing id → overridden
 *       extends: emu-steady        # optional; new models default to extending emu-steady
 *       displayName: My slow model
 *       latency: { ttftMs: { median: 800, p95: 2000 }, tokensPerSecond: 25, jitterMs: 10 }
 *       failure: { mix: [ { kind: rate_limit, probability: 0.2, retryAfterSeconds: 3 } ] }
 *       prices: { inputPerMTok: 3, outputPerMTok: 15 }
 *
 * `ttftMs` may also be a plain number (a fixed delay). `tokensPerSecond: 0` or `null` means unlimited.
 * Per-request header overrides (x-emulator-*) are documented in ./overrides.ts and README.md.
 */
import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import { z } from 'zod'
import { EMULATOR_MODELS } from './models'
import type { EmulatorModel } from './models'
import { formatProfileIssues } from './profile-errors'
import type { ProfileIssue } from './profile-errors'

export const FAILURE_KINDS = [
  'rate_limit',
  'server_error',
  'unavailable',
  'hang_headers',
  'hang_stream',
  'stream_cut',
  'malformed_chunk',
  'unauthorized'
] as const
export const FailureKind = z.enum(FAILURE_KINDS)
export type FailureKind = z.infer<typeof FailureKind>

/** Time to first token, as a log-normal distribution given by its median and 95th percentile (ms). */
export const TtftDistribution = z.strictObject({
  median: z.number().min(0),
  p95: z.number().min(0)
})
export type TtftDistribution = z.infer<typeof TtftDistribution>

export const LatencyProfile = z.strictObject({
  ttftMs: TtftDistribution,
  /** Output speed; 0 or null = unlimited (the whole reply is written at once after the TTFT). */
  tokensPerSecond: z.number().min(0).nullable(),
  /** Each inter-token gap is shifted by a uniform random amount in [-jitterMs, +jitterMs]. */
  jitterMs: z.number().min(0)
})
export type LatencyProfile = z.infer<typeof LatencyProfile>

export const FailureEntry = z.strictObject({
  kind: FailureKind,
  probability: z.number().min(0).max(1),
  /** For rate_limit: the Retry-After value in seconds. Default 1. */
  retryAfterSeconds: z.number().min(0).optional(),
  /** For hang_stream, stream_cut and malformed_chunk: content pieces sent before the fault. Default 3. */
  afterTokens: z.number().int().min(0).optional()
})
export type FailureEntry = z.infer<typeof FailureEntry>

export const FailureProfile = z.strictObject({ mix: z.array(FailureEntry) }).refine(
  (profile) => profile.mix.reduce((sum, entry) => sum + entry.probability, 0) <= 1 + 1e-9,
  { message: 'the probabilities in failure.mix add up to more than 1', path: ['mix'] }
)
export type FailureProfile = z.infer<typeof FailureProfile>

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

const LatencyPatch = z.strictObject({
  ttftMs: z
    .union([z.number().min(0), z.strictObject({ median: z.number().min(0), p95: z.number().min(0).optional() })], {
      error: 'expected a number of milliseconds or { median, p95 }'
    })
    .optional(),
  tokensPerSecond: z.number().min(0).nullable().optional(),
  jitterMs: z.number().min(0).optional()
})

const ModelPatch = z.strictObject({
  id: z.string().regex(MODEL_ID, 'expected letters, digits, ".", "_" or "-" (it is used in URL paths)'),
  extends: z.string().min(1).optional(),
  displayName: z.string().min(1).optional(),
  description: z.string().optional(),
  contextWindow: z.number().int().positive().optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  prices: z
    .strictObject({ inputPerMTok: z.number().min(0).optional(), outputPerMTok: z.number().min(0).optional() })
    .optional(),
  latency: LatencyPatch.optional(),
  failure: FailureProfile.optional()
})
export type EmulatorModelPatch = z.infer<typeof ModelPatch>

export const EmulatorProfileFile = z.strictObject({ models: z.array(ModelPatch) })
export type EmulatorProfileFile = z.infer<typeof EmulatorProfileFile>

/** Thrown for any problem with a profile; `message` is ready to show to a user. */
export class EmulatorProfileError extends Error {
  readonly file: string
  readonly issues: ProfileIssue[]
  constructor(file: string, issues: ProfileIssue[], summary?: string) {
    super(`${summary ?? `Invalid emulator profile ${file}`}:\n${issues.map((i) => `  - ${i.text}`).join('\n')}`)
    this.name = 'EmulatorProfileError'
    this.file = file
    this.issues = issues
  }
}

const DEFAULT_BASE_ID = 'emu-steady'

/**
 * Applies a parsed profile to a catalogue and returns the merged catalogue (the input is not mutated).
 * `source` names the file in error messages.
 */
export function mergeEmulatorProfile(
  profile: unknown,
  source: string,
  base: readonly EmulatorModel[] = EMULATOR_MODELS
): EmulatorModel[] {
  const parsed = EmulatorProfileFile.safeParse(profile)
  if (!parsed.success) {
    throw new EmulatorProfileError(source, formatProfileIssues(parsed.error.issues, profile))
  }
  const merged = base.map((model) => structuredClone(model))
  const seen = new Set<string>()
  const issues: ProfileIssue[] = []
  parsed.data.models.forEach((patch, index) => {
    const at = `models.${index}`
    if (seen.has(patch.id)) {
      issues.push({ path: `${at}.id`, text: `${at}.id: duplicate id "${patch.id}". Fix: give each entry a unique id.` })
      return
    }
    seen.add(patch.id)
    const existingIndex = merged.findIndex((model) => model.id === patch.id)
    const parentId = patch.extends ?? (existingIndex >= 0 ? patch.id : DEFAULT_BASE_ID)
    const parent = merged.find((model) => model.id === parentId)
    if (!parent) {
      issues.push({
        path: `${at}.extends`,
        text: `${at}.extends: there is no model "${parentId}" to extend. Fix: use one of ${merged.map((m) => m.id).join(', ')} (models defined earlier in the file count too).`
      })
      return
    }
    const model = applyPatch(parent, patch, existingIndex >= 0, source)
    if (model.latency.ttftMs.p95 < model.latency.ttftMs.median) {
      issues.push({
        path: `${at}.latency.ttftMs.p95`,
        text: `${at}.latency.ttftMs.p95: p95 (${model.latency.ttftMs.p95}) is below the median (${model.latency.ttftMs.median}). Fix: set p95 >= median.`
      })
      return
    }
    if (existingIndex >= 0) merged[existingIndex] = model
    else merged.push(model)
  })
  if (issues.length > 0) throw new EmulatorProfileError(source, issues)
  return merged
}

function applyPatch(parent: EmulatorModel, patch: EmulatorModelPatch, overriding: boolean, source: string): EmulatorModel {
  const latency: LatencyProfile = structuredClone(parent.latency)
  const lat = patch.latency
  if (lat?.ttftMs !== undefined) {
    latency.ttftMs =
      typeof lat.ttftMs === 'number'
        ? { median: lat.ttftMs, p95: lat.ttftMs }
        : { median: lat.ttftMs.median, p95: lat.ttftMs.p95 ?? lat.ttftMs.median }
  }
  if (lat?.tokensPerSecond !== undefined) latency.tokensPerSecond = lat.tokensPerSecond
  if (lat?.jitterMs !== undefined) latency.jitterMs = lat.jitterMs
  const inherited = overriding && parent.id === patch.id
  return {
    id: patch.id,
    displayName: patch.displayName ?? (inherited ? parent.displayName : patch.id),
    description:
      patch.description ?? (inherited ? parent.description : `Custom emulator model from ${source}, based on ${parent.id}.`),
    contextWindow: patch.contextWindow ?? parent.contextWindow,
    maxOutputTokens: patch.maxOutputTokens ?? parent.maxOutputTokens,
    inputPricePerMTok: patch.prices?.inputPerMTok ?? parent.inputPricePerMTok,
    outputPricePerMTok: patch.prices?.outputPerMTok ?? parent.outputPricePerMTok,
    latency,
    failure: patch.failure ? structuredClone(patch.failure) : structuredClone(parent.failure)
  }
}

/** Parses profile text (YAML or JSON, which is valid YAML) and merges it into `base`. */
export function parseEmulatorProfileText(
  text: string,
  source: string,
  base: readonly EmulatorModel[] = EMULATOR_MODELS
): EmulatorModel[] {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error) => {
      const pos = error.linePos?.[0]
      const where = pos ? `${source}:${pos.line}:${pos.col}` : source
      const firstLine = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '')
      return {
        path: '',
        text: `${where}: YAML syntax error: ${firstLine}. Fix: check the indentation, quoting and brackets${pos ? ` on or just before line ${pos.line}` : ''}.`
      }
    })
    throw new EmulatorProfileError(source, issues, `Cannot parse emulator profile ${source}`)
  }
  const data: unknown = doc.toJS()
  if (data === null || data === undefined) {
    throw new EmulatorProfileError(source, [
      { path: '', text: '(root): the file is empty. Fix: add a `models:` list, e.g. `models: [{ id: my-model, extends: emu-steady }]`.' }
    ])
  }
  return mergeEmulatorProfile(data, source, base)
}

/** Reads a profile file (YAML or JSON) and returns the built-in catalogue with the file's models merged in. */
export function loadEmulatorProfileFile(path: string): EmulatorModel[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new EmulatorProfileError(path, [{ path: '', text: `cannot read the file (${reason}). Fix: check the path passed to --profile.` }], `Cannot load emulator profile ${path}`)
  }
  return parseEmulatorProfileText(text, path)
}
