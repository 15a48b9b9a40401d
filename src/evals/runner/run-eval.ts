import { getMaxListeners, setMaxListeners } from 'node:events'
import type { CallPolicy } from '../../core/schemas/playground'
import type { ErrorClass } from '../../core/schemas/run'
import { renderMessages } from '../../core/templating'
import { callOfAttempt } from '../../playground/attempt-record'
import { createJsonChecker, type JsonCheck } from '../../playground/json-output-check'
import type { AttemptResult, CallRequest, StreamCall } from '../../providers/call-types'
import { redactSecrets } from '../../providers/redact'
import { cancellableSleep, isRetryable, retryDelayMs } from '../../providers/retry-policy'
import { emptyAttempt } from '../../providers/stream-call'
import { newId } from '../../store/ids'
import type { NewCall } from '../../store/repos/call-repo'
import type { EvalFinalRow } from '../../store/repos/eval-result-repo'
import { cellCount, pendingCells, type EvalCell, type EvalPlan, type EvalVariant } from './eval-plan'
import { createGroupCommitter } from './group-commit'
import { ProviderGate } from './provider-gate'
import { requestKeyer, stableJson } from './request-key'

/** The score row that holds a cell's overall verdict (pass, score, reason) next to its assertions' rows. */
export const VERDICT_TYPE = 'verdict'

/** One assertion's verdict as the scorer reports it (pass null: the assertion could not run — see error). */
export interface AssertionScore {
  type: string
  pass: boolean | null
  score: number | null
  reason: string | null
  weight: number
  error: string | null
}

/** A cell's verdict: pass null means scoring failed (e.g. the judge model erred) — an error, not a fail. */
export interface CellScore {
  pass: boolean | null
  score: number | null
  reason: string | null
  assertions: AssertionScore[]
}

export interface ScoreInput {
  cell: EvalCell
  /** The cell's rendered messages (what was sent). */
  messages: CallRequest['messages']
  output: string
  /** Parsed output when the variant asks for JSON and it parsed. */
  outputJson: unknown
  metrics: { latencyMs: number | null; ttftMs: number | null; costUsd: number | null; inputTokens: number | null; outputTokens: number | null }
  signal: AbortSignal
}

export type CellScorer = (input: ScoreInput) => Promise<CellScore>

/** What the store does for the runner; implemented over SQLite by eval-store.ts. */
export interface EvalSink {
  /** Writes calls (and the final call's scores) in one transaction, here or on a writer thread (a promise). */
  write(batch: Array<{ call: NewCall; scores: AssertionScore[] }>): void | Promise<void>
  /** An earlier ok, final call with this request hash, to serve from the cache. */
  cached(requestHash: string): NewCall | null
}

export type CellStatus = 'passed' | 'failed' | 'score_error' | 'error' | 'cancelled'

export interface CellEvent {
  caseId: string
  variantId: string
  providerId: string
  modelId: string
  repeatIndex: number
  status: CellStatus
  score: number | null
  latencyMs: number | null
  costUsd: number | null
  attempts: number
  cached: boolean
  errorClass: ErrorClass | null
}

export interface EvalTotals {
  cells: number
  /** Cells already done before this session of the run (resume). */
  skipped: number
  completed: number
  passed: number
  failed: number
  scoreErrors: number
  errored: number
  cancelled: number
  /** Call rows written by this session, retries included. */
  calls: number
  cacheHits: number
  costUsd: number
}

export interface RunEvalInput {
  plan: EvalPlan
  /** Keys of cells that already have a final call (resume). */
  done: ReadonlySet<string>
  sink: EvalSink
  streamCall: StreamCall
  score: CellScorer
  signal: AbortSignal
  onCells?: (events: CellEvent[]) => void
  onProgress?: (done: number, total: number) => void
  onRetry?: (info: { providerId: string; modelId: string; errorClass: ErrorClass; waitMs: number }) => void
  /** Each deciding (final) call as the results read it back from the store (EvalFinalRow), once it is committed-bound. */
  onFinal?: (row: EvalFinalRow) => void
  /** Group commits at most this far apart (default 100 ms). */
  commitEveryMs?: number
  random?: () => number
}

function callRequestOf(variant: EvalVariant, messages: CallRequest['messages']): CallRequest {
  return { messages, output: variant.output, ...variant.params }
}

/**
 * Runs every pending cell of an eval plan: per-provider gates with shared backoff, retries per the policy
 * (honouring Retry-After), the response cache, scoring, and group commits of every attempt and score at most
 * `commitEveryMs` apart. Cancelling stops new calls, aborts those in flight (recorded as non-final, so a resume
 * redoes them) and flushes everything finished. Never throws for a provider failure: that is a cell's outcome.
 */
export async function runEval(input: RunEvalInput): Promise<EvalTotals> {
  const { plan, sink, signal } = input
  const cells = pendingCells(plan, input.done)
  const total = cellCount(plan)
  const totals: EvalTotals = {
    cells: total,
    skipped: total - cells.length,
    completed: 0,
    passed: 0,
    failed: 0,
    scoreErrors: 0,
    errored: 0,
    cancelled: 0,
    calls: 0,
    cacheHits: 0,
    costUsd: 0
  }
  // Every call in flight (and every cell waiting at a gate) listens to the run's signal: raise Node's leak warning
  // threshold to what this run legitimately needs.
  const providers = new Set(plan.models.map((m) => m.ref.providerId)).size
  setMaxListeners(Math.max(getMaxListeners(signal), providers * plan.concurrencyPerProvider * 3 + 10), signal)
  const gates = new Map<string, ProviderGate>()
  for (const m of plan.models) {
    if (!gates.has(m.ref.providerId)) gates.set(m.ref.providerId, new ProviderGate({ concurrency: plan.concurrencyPerProvider }))
  }
  const checkers = new Map<string, ((text: string) => JsonCheck) | null>(plan.variants.map((v) => [v.id, createJsonChecker(v.output)]))
  // Request hashes: everything but the messages is fixed per variant and model, so it is serialised once.
  const keyers = new Map<string, (messages: CallRequest['messages'], messagesJson?: string) => string>()
  const keyerOf = (cell: EvalCell): ((messages: CallRequest['messages'], messagesJson?: string) => string) => {
    const id = `${cell.variant.id}\u0000${cell.model.ref.providerId}\u0000${cell.model.ref.modelId}`
    let keyer = keyers.get(id)
    if (!keyer) {
      keyer = requestKeyer({ providerId: cell.model.ref.providerId, modelId: cell.model.ref.modelId, params: cell.variant.params, output: cell.variant.output })
      keyers.set(id, keyer)
    }
    return keyer
  }
  // The cells of one case are consecutive (case-major, models interleaved): its rendering (and the rendering's
  // JSON for the request hash) is made once and shared by its models' cells.
  let lastRender: { variant: EvalVariant; case: EvalCell['case']; messages: CallRequest['messages']; json: string } | null = null
  const renderOf = (cell: EvalCell): { messages: CallRequest['messages']; json: string } => {
    if (lastRender?.variant !== cell.variant || lastRender.case !== cell.case) {
      const messages = renderMessages(cell.variant.messages, cell.case.vars)
      lastRender = { variant: cell.variant, case: cell.case, messages, json: stableJson(messages) }
    }
    return lastRender
  }
  const committer = createGroupCommitter<{ call: NewCall; scores: AssertionScore[] }>({
    write: (batch) => sink.write(batch),
    maxDelayMs: input.commitEveryMs ?? 100,
    onError: () => undefined
  })
  let pendingEvents: CellEvent[] = []
  let eventTimer: ReturnType<typeof setTimeout> | null = null
  const flushEvents = (): void => {
    if (eventTimer) clearTimeout(eventTimer)
    eventTimer = null
    if (pendingEvents.length === 0) return
    const events = pendingEvents
    pendingEvents = []
    input.onCells?.(events)
  }
  let finished = totals.skipped
  input.onProgress?.(finished, total)

  const buildCall = (cell: EvalCell, attempt: AttemptResult, attemptNo: number, final: boolean, hash: string | null, json: JsonCheck | null, cacheHit = false): NewCall => {
    const call = callOfAttempt(
      { runId: plan.runId, providerId: cell.model.ref.providerId, modelId: cell.model.ref.modelId, repeatIndex: cell.repeatIndex, prices: cell.model.prices, apiKey: cell.model.target.apiKey },
      attempt.attempt === attemptNo ? attempt : { ...attempt, attempt: attemptNo },
      json
    )
    // A fresh object from callOfAttempt: completed in place rather than copied (thousands of cells per second).
    call.id = newId()
    call.caseId = cell.case.id
    call.variant = cell.variant.id
    call.requestHash = hash
    call.final = final
    call.cacheHit = cacheHit
    call.feature = cell.variant.feature
    if (cacheHit) call.costUsd = 0
    return call
  }
  const commit = (call: NewCall, scores: AssertionScore[]): NewCall => {
    committer.add({ call, scores })
    totals.calls++
    totals.costUsd += call.costUsd ?? 0
    if (call.final !== false && input.onFinal) input.onFinal(finalRowOf(call, scores.find((s) => s.type === VERDICT_TYPE) ?? null))
    return call
  }
  const record = (cell: EvalCell, attempt: AttemptResult, attemptNo: number, final: boolean, hash: string | null): NewCall =>
    commit(buildCall(cell, attempt, attemptNo, final, hash, null), [])

  const finishCell = (cell: EvalCell, status: CellStatus, call: NewCall | null, attempts: number, cached: boolean, score: number | null): void => {
    if (status === 'cancelled') totals.cancelled++
    else if (status === 'error') totals.errored++
    else {
      totals.completed++
      if (status === 'passed') totals.passed++
      else if (status === 'failed') totals.failed++
      else totals.scoreErrors++
    }
    if (cached) totals.cacheHits++
    finished++
    input.onProgress?.(finished, total)
    pendingEvents.push({
      caseId: cell.case.id,
      variantId: cell.variant.id,
      providerId: cell.model.ref.providerId,
      modelId: cell.model.ref.modelId,
      repeatIndex: cell.repeatIndex,
      status,
      score,
      latencyMs: call?.latencyMs ?? null,
      costUsd: call?.costUsd ?? null,
      attempts,
      cached,
      errorClass: call?.errorClass ?? null
    })
    if (!eventTimer) eventTimer = setTimeout(flushEvents, 100)
  }

  const scoreAndRecord = async (cell: EvalCell, messages: CallRequest['messages'], attempt: AttemptResult, attemptNo: number, hash: string | null, cacheHit: boolean): Promise<void> => {
    const json = checkers.get(cell.variant.id)?.(attempt.text) ?? null
    const call = buildCall(cell, attempt, attemptNo, true, hash, json, cacheHit)
    let verdict: CellScore
    try {
      verdict = await input.score({
        cell,
        messages,
        output: attempt.text,
        outputJson: json?.parsed ? json.value : undefined,
        metrics: {
          latencyMs: call.latencyMs ?? null,
          ttftMs: call.ttftMs ?? null,
          costUsd: call.costUsd ?? null,
          inputTokens: call.inputTokens ?? null,
          outputTokens: call.outputTokens ?? null
        },
        signal
      })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      verdict = { pass: null, score: null, reason: null, assertions: [{ type: 'scorer', pass: null, score: null, reason: null, weight: 1, error: message }] }
    }
    const error = verdict.pass === null ? (verdict.assertions.find((a) => a.error !== null)?.error ?? 'the cell could not be scored') : null
    // The cell's verdict is stored beside its assertions as a weight-0 'verdict' row: results read it directly.
    commit(call, [...verdict.assertions, { type: VERDICT_TYPE, pass: verdict.pass, score: verdict.score, reason: verdict.reason, weight: 0, error }])
    finishCell(cell, verdict.pass === null ? 'score_error' : verdict.pass ? 'passed' : 'failed', call, attemptNo, cacheHit, verdict.score)
  }

  const runCell = async (cell: EvalCell): Promise<void> => {
    const gate = gates.get(cell.model.ref.providerId) as ProviderGate
    const policy: CallPolicy = plan.policy
    const { messages, json } = renderOf(cell)
    const request = callRequestOf(cell.variant, messages)
    const hash = keyerOf(cell)(messages, json)
    if (plan.cache) {
      const hit = sink.cached(hash)
      if (hit) {
        const attempt = attemptOfCachedCall(hit)
        await scoreAndRecord(cell, messages, attempt, 1, hash, true)
        return
      }
    }
    const secrets = cell.model.target.apiKey ? [cell.model.target.apiKey] : []
    for (let attemptNo = 1; ; attemptNo++) {
      let release: () => void
      try {
        release = await gate.acquire(signal)
      } catch {
        finishCell(cell, 'cancelled', null, attemptNo - 1, false, null)
        return
      }
      let attempt: AttemptResult
      const startedAt = Date.now()
      try {
        const attempts = await input.streamCall(cell.model.target, request, { ...policy, retries: 0 }, { signal })
        attempt = attempts[attempts.length - 1] ?? emptyAttempt(attemptNo, { errorClass: 'network', message: 'The call layer returned no attempt.', httpStatus: null, retryAfterMs: null }, startedAt)
      } catch (error) {
        const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets)
        attempt = emptyAttempt(attemptNo, { errorClass: signal.aborted ? 'cancelled' : 'network', message, httpStatus: null, retryAfterMs: null }, startedAt)
      } finally {
        release()
      }
      if (attempt.status === 'cancelled' || signal.aborted) {
        // Not final: a resumed run calls this cell again.
        const call = record(cell, { ...attempt, status: 'cancelled', errorClass: 'cancelled' }, attemptNo, false, hash)
        finishCell(cell, 'cancelled', call, attemptNo, false, null)
        return
      }
      if (attempt.status === 'ok') {
        gate.noteSuccess()
        await scoreAndRecord(cell, messages, attempt, attemptNo, hash, false)
        return
      }
      const errorClass = attempt.errorClass ?? 'network'
      let waitMs: number | null = null
      if (isRetryable(errorClass) && attemptNo <= policy.retries) {
        if (errorClass === 'rate_limited') {
          if (attempt.retryAfterMs === null || attempt.retryAfterMs <= policy.maxRetryAfterMs) waitMs = gate.noteRateLimited(attempt.retryAfterMs)
        } else {
          waitMs = retryDelayMs(attemptNo - 1, { retryAfterMs: attempt.retryAfterMs, maxRetryAfterMs: policy.maxRetryAfterMs, random: input.random ?? Math.random })
        }
      }
      if (waitMs === null) {
        const call = record(cell, attempt, attemptNo, true, hash)
        finishCell(cell, 'error', call, attemptNo, false, null)
        return
      }
      record(cell, attempt, attemptNo, false, hash)
      input.onRetry?.({ providerId: cell.model.ref.providerId, modelId: cell.model.ref.modelId, errorClass, waitMs })
      // A rate limit pauses the provider's gate (the next acquire waits); other errors back off this cell only.
      if (errorClass !== 'rate_limited' && !(await cancellableSleep(waitMs, signal))) {
        finishCell(cell, 'cancelled', null, attemptNo, false, null)
        return
      }
    }
  }

  // One pool per provider, so a provider that is paused or slow never holds workers another provider could use.
  const byProvider = new Map<string, EvalCell[]>()
  for (const cell of cells) {
    const list = byProvider.get(cell.model.ref.providerId) ?? []
    list.push(cell)
    byProvider.set(cell.model.ref.providerId, list)
  }
  const drain = async (queue: { cells: EvalCell[]; next: number }): Promise<void> => {
    while (queue.next < queue.cells.length) {
      const cell = queue.cells[queue.next++] as EvalCell
      if (signal.aborted) finishCell(cell, 'cancelled', null, 0, false, null)
      else await runCell(cell)
    }
  }
  try {
    const queues = [...byProvider.values()].map((list) => ({ cells: list, next: 0 }))
    await Promise.all(queues.flatMap((queue) => Array.from({ length: Math.min(plan.concurrencyPerProvider, queue.cells.length) }, () => drain(queue))))
  } finally {
    for (const gate of gates.values()) gate.close()
    flushEvents()
    await committer.close()
  }
  return totals
}

/** The row `evalResults.finals` reads back for this call once it is stored (same fields, same null rules). */
function finalRowOf(call: NewCall, verdict: AssertionScore | null): EvalFinalRow {
  return {
    callId: call.id as string,
    caseId: call.caseId as string,
    variant: call.variant ?? '',
    providerId: call.providerId,
    modelId: call.modelId,
    repeatIndex: call.repeatIndex ?? 0,
    status: call.status,
    cacheHit: call.cacheHit ?? false,
    latencyMs: call.latencyMs ?? null,
    ttftMs: call.ttftMs ?? null,
    errorClass: call.errorClass ?? null,
    pass: verdict?.pass ?? null,
    score: verdict?.score !== null && verdict?.score !== undefined && Number.isFinite(verdict.score) ? verdict.score : null
  }
}

/** A stored call served again from the cache: its text, usage and timings (cost is zero: nothing was sent). */
function attemptOfCachedCall(call: NewCall): AttemptResult {
  return {
    attempt: 1,
    status: 'ok',
    startedAt: Date.now(),
    timings: {
      firstByteMs: call.firstByteMs ?? null,
      ttftMs: call.ttftMs ?? null,
      latencyMs: call.latencyMs ?? null,
      itlP50Ms: call.itlP50Ms ?? null,
      itlP95Ms: call.itlP95Ms ?? null,
      deltaCount: call.tokenCountStream ?? 0
    },
    inputTokens: call.inputTokens ?? null,
    outputTokens: call.outputTokens ?? null,
    cachedTokens: call.cachedTokens ?? null,
    reasoningTokens: call.reasoningTokens ?? null,
    usageEstimated: call.usageEstimated ?? false,
    finishReason: call.finishReason ?? null,
    errorClass: null,
    errorMessage: null,
    httpStatus: call.httpStatus ?? null,
    retryAfterMs: null,
    requestId: call.requestId ?? null,
    text: call.outputText ?? ''
  }
}
