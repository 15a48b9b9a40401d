import type BetterSqlite3 from 'better-sqlite3'
import { AppError } from '../../core/errors'
import { ErrorClass } from '../../core/schemas/run'
import type { CallRecord } from '../../core/schemas/run'
import { isForeignKeyViolation, rethrowConstraint } from '../sqlite-errors'
import { newId, toIso } from '../ids'

/** One model request as the engine records it: everything later metrics, breakdowns and replays need. */
export interface NewCall {
  id?: string
  runId: string
  caseId?: string | null
  providerId: string
  modelId: string
  /** Prompt/param variant label within a run (playground compare, A/B), if any. */
  variant?: string | null
  repeatIndex?: number
  attempt?: number
  requestHash?: string | null
  status: CallRecord['status']
  /** Request start: epoch ms, or an ISO string. */
  startedAt: number | string
  firstByteMs?: number | null
  ttftMs?: number | null
  latencyMs?: number | null
  itlP50Ms?: number | null
  itlP95Ms?: number | null
  tokenCountStream?: number | null
  inputTokens?: number | null
  outputTokens?: number | null
  cachedTokens?: number | null
  reasoningTokens?: number | null
  usageEstimated?: boolean
  costUsd?: number | null
  finishReason?: string | null
  errorClass?: ErrorClass | null
  errorMessage?: string | null
  httpStatus?: number | null
  requestId?: string | null
  retryAfterMs?: number | null
  outputText?: string | null
  /** Parsed structured output; stored as JSON. */
  outputJson?: unknown
  /** The contract's feature tag, for per-feature breakdowns. */
  feature?: string | null
  /** False for an attempt that was retried; the final attempt decides the cell (default true). */
  final?: boolean
  /** The output came from the response cache: no request was sent (default false). */
  cacheHit?: boolean
}

interface CallRow {
  id: string
  run_id: string
  case_id: string | null
  provider_id: string
  model_id: string
  attempt: number
  status: CallRecord['status']
  started_at: number
  first_byte_ms: number | null
  ttft_ms: number | null
  latency_ms: number | null
  input_tokens: number | null
  output_tokens: number | null
  cached_tokens: number | null
  reasoning_tokens: number | null
  usage_estimated: number
  cost_usd: number | null
  finish_reason: string | null
  error_class: ErrorClass | null
  error_message: string | null
  http_status: number | null
  output_text: string | null
}

const STATUSES: ReadonlySet<string> = new Set(['ok', 'error', 'cancelled'])
const ERROR_CLASSES: ReadonlySet<string> = new Set(ErrorClass.options)
const DURATIONS = ['firstByteMs', 'ttftMs', 'latencyMs', 'itlP50Ms', 'itlP95Ms', 'retryAfterMs', 'costUsd'] as const
const COUNTS = ['tokenCountStream', 'inputTokens', 'outputTokens', 'cachedTokens', 'reasoningTokens'] as const

const CALL_RECORD_COLUMNS = `id, run_id, case_id, provider_id, model_id, attempt, status, started_at, first_byte_ms, ttft_ms, latency_ms,
  input_tokens, output_tokens, cached_tokens, reasoning_tokens, usage_estimated, cost_usd, finish_reason, error_class,
  error_message, http_status, output_text`

export function toCallRecord(row: CallRow): CallRecord {
  return {
    id: row.id,
    runId: row.run_id,
    caseId: row.case_id,
    providerId: row.provider_id,
    modelId: row.model_id,
    attempt: row.attempt,
    status: row.status,
    startedAt: toIso(row.started_at),
    firstByteMs: row.first_byte_ms,
    ttftMs: row.ttft_ms,
    latencyMs: row.latency_ms,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    cachedTokens: row.cached_tokens,
    reasoningTokens: row.reasoning_tokens,
    usageEstimated: row.usage_estimated === 1,
    costUsd: row.cost_usd,
    finishReason: row.finish_reason,
    errorClass: row.error_class,
    errorMessage: row.error_message,
    httpStatus: row.http_status,
    outputText: row.output_text
  }
}

function invalid(index: number | null, field: string, message: string): AppError {
  const path = index === null ? field : `${index}.${field}`
  return new AppError('VALIDATION_FAILED', `Invalid call: ${path}: ${message}`, [{ path, message }])
}

function startedAtMs(value: number | string, index: number | null): number {
  const ms = typeof value === 'number' ? value : Date.parse(value)
  if (!Number.isFinite(ms)) throw invalid(index, 'startedAt', 'must be epoch milliseconds or an ISO date')
  return Math.round(ms)
}

/** Hand-rolled checks: this is the hot path (100k rows), where a zod parse per row would dominate the cost. */
function check(c: NewCall, index: number | null): void {
  for (const field of ['runId', 'providerId', 'modelId'] as const) {
    if (typeof c[field] !== 'string' || c[field].length === 0) throw invalid(index, field, 'must be a non-empty string')
  }
  if (!STATUSES.has(c.status)) throw invalid(index, 'status', 'must be ok, error or cancelled')
  if (c.errorClass != null && !ERROR_CLASSES.has(c.errorClass)) throw invalid(index, 'errorClass', `must be one of ${ErrorClass.options.join(', ')}`)
  if (c.attempt !== undefined && !(Number.isInteger(c.attempt) && c.attempt >= 1)) throw invalid(index, 'attempt', 'must be an integer from 1')
  if (c.repeatIndex !== undefined && !(Number.isInteger(c.repeatIndex) && c.repeatIndex >= 0)) throw invalid(index, 'repeatIndex', 'must be an integer from 0')
  for (const field of DURATIONS) {
    const v = c[field]
    if (v != null && !(Number.isFinite(v) && v >= 0)) throw invalid(index, field, 'must be a non-negative number or null')
  }
  for (const field of COUNTS) {
    const v = c[field]
    if (v != null && !(Number.isInteger(v) && v >= 0)) throw invalid(index, field, 'must be a non-negative integer or null')
  }
  if (c.httpStatus != null && !Number.isInteger(c.httpStatus)) throw invalid(index, 'httpStatus', 'must be an integer or null')
  startedAtMs(c.startedAt, index)
}

const PARAM_COUNT = 34

/** Writes a call's column values into `p` (reused across rows on the hot path: no per-row allocation). */
function fillParams(p: unknown[], c: NewCall, id: string, index: number | null): unknown[] {
  p[0] = id
  p[1] = c.runId
  p[2] = c.caseId ?? null
  p[3] = c.providerId
  p[4] = c.modelId
  p[5] = c.variant ?? null
  p[6] = c.repeatIndex ?? 0
  p[7] = c.attempt ?? 1
  p[8] = c.requestHash ?? null
  p[9] = c.status
  p[10] = startedAtMs(c.startedAt, index)
  p[11] = c.firstByteMs ?? null
  p[12] = c.ttftMs ?? null
  p[13] = c.latencyMs ?? null
  p[14] = c.itlP50Ms ?? null
  p[15] = c.itlP95Ms ?? null
  p[16] = c.tokenCountStream ?? null
  p[17] = c.inputTokens ?? null
  p[18] = c.outputTokens ?? null
  p[19] = c.cachedTokens ?? null
  p[20] = c.reasoningTokens ?? null
  p[21] = c.usageEstimated ? 1 : 0
  p[22] = c.costUsd ?? null
  p[23] = c.finishReason ?? null
  p[24] = c.errorClass ?? null
  p[25] = c.errorMessage ?? null
  p[26] = c.httpStatus ?? null
  p[27] = c.requestId ?? null
  p[28] = c.retryAfterMs ?? null
  p[29] = c.outputText ?? null
  p[30] = c.outputJson === undefined || c.outputJson === null ? null : JSON.stringify(c.outputJson)
  p[31] = c.feature ?? null
  p[32] = c.final === false ? 0 : 1
  p[33] = c.cacheHit ? 1 : 0
  return p
}

export type CallRepo = ReturnType<typeof createCallRepo>

export function createCallRepo(db: BetterSqlite3.Database) {
  const insertRow = db.prepare(
    `INSERT INTO call (id, run_id, case_id, provider_id, model_id, variant, repeat_index, attempt, request_hash, status,
       started_at, first_byte_ms, ttft_ms, latency_ms, itl_p50_ms, itl_p95_ms, token_count_stream, input_tokens,
       output_tokens, cached_tokens, reasoning_tokens, usage_estimated, cost_usd, finish_reason, error_class,
       error_message, http_status, request_id, retry_after_ms, output_text, output_json, feature, final, cache_hit)
     VALUES (${Array.from({ length: PARAM_COUNT }, () => '?').join(', ')})`
  )
  const selectByRun = db.prepare(`SELECT ${CALL_RECORD_COLUMNS} FROM call WHERE run_id = ? ORDER BY started_at, rowid`)
  const selectOne = db.prepare(`SELECT ${CALL_RECORD_COLUMNS} FROM call WHERE id = ?`)
  const countRun = db.prepare('SELECT count(*) FROM call WHERE run_id = ?').pluck()
  const runExists = db.prepare('SELECT 1 FROM run WHERE id = ?').pluck()

  function explain(error: unknown, c: NewCall): never {
    if (isForeignKeyViolation(error)) {
      if (!runExists.get(c.runId)) throw new AppError('NOT_FOUND', `Run "${c.runId}" does not exist; create the run before recording its calls.`)
      throw new AppError('NOT_FOUND', `Dataset case "${c.caseId}" does not exist; record the call without a case or use a case id from the dataset.`)
    }
    rethrowConstraint(error, `Call "${c.id ?? '(new)'}"`)
  }

  const params = new Array<unknown>(PARAM_COUNT)
  const insertAll = db.transaction((calls: readonly NewCall[], ids: readonly string[]) => {
    for (let i = 0; i < calls.length; i++) {
      const c = calls[i] as NewCall
      try {
        insertRow.run(fillParams(params, c, ids[i] as string, i))
      } catch (error) {
        explain(error, c)
      }
    }
  })

  return {
    /** One call, committed in its own short transaction as soon as it completes. Returns its id. */
    insert(call: NewCall): string {
      check(call, null)
      const id = call.id ?? newId()
      try {
        insertRow.run(fillParams(new Array<unknown>(PARAM_COUNT), call, id, null))
      } catch (error) {
        explain(error, call)
      }
      return id
    },
    /** Many calls in one transaction: all or none. Returns their ids in order. */
    insertMany(calls: readonly NewCall[]): string[] {
      // Validate everything before the transaction opens: a bad row fails fast, before any write.
      const ids = new Array<string>(calls.length)
      for (let i = 0; i < calls.length; i++) {
        const c = calls[i] as NewCall
        check(c, i)
        ids[i] = c.id ?? newId()
      }
      insertAll(calls, ids)
      return ids
    },
    find(id: string): CallRecord | null {
      const row = selectOne.get(id) as CallRow | undefined
      return row ? toCallRecord(row) : null
    },
    listByRun(runId: string): CallRecord[] {
      return (selectByRun.all(runId) as CallRow[]).map(toCallRecord)
    },
    countByRun(runId: string): number {
      return countRun.get(runId) as number
    }
  }
}
