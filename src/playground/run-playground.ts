import type { TokenPrices } from '../core/pricing'
import type { CallPolicy, ColumnRef, PlaygroundRunRequest } from '../core/schemas/playground'
import { renderMessages } from '../core/templating'
import type { JobContext } from '../jobs/job-registry'
import type { AttemptResult, CallRequest, CallTarget, StreamCall } from '../providers/call-types'
import { redactSecrets } from '../providers/redact'
import { emptyAttempt } from '../providers/stream-call'
import type { Store } from '../store/store'
import { callOfAttempt, columnMetrics } from './attempt-record'
import { DeltaBatcher } from './delta-batcher'
import { createJsonChecker, type JsonCheck } from './json-output-check'
import { runPool } from './run-pool'

/** At most this many calls in flight per playground run (repeats of one model may run side by side). */
export const MAX_IN_FLIGHT = 8

export interface PlaygroundInput {
  store: Store
  request: PlaygroundRunRequest
  /** One per `request.models` entry, in the same order. */
  targets: CallTarget[]
  policy: CallPolicy
  streamCall: StreamCall
  /** Filled with one controller per column while the run lasts (playground.cancelColumn aborts one). */
  columnControllers: Map<string, AbortController>
}

interface Column extends ColumnRef {
  target: CallTarget
  controller: AbortController
}

interface ColumnOutcome {
  status: 'ok' | 'error' | 'cancelled'
  attempts: number
  costUsd: number | null
}

export function columnId(modelIndex: number, repeatIndex: number): string {
  return `m${modelIndex}.r${repeatIndex}`
}

function titleOf(request: PlaygroundRunRequest, rendered: Array<{ role: string; content: string }>): string {
  if (request.title?.trim()) return request.title.trim()
  const user = [...rendered].reverse().find((m) => m.role === 'user') ?? rendered[rendered.length - 1]
  const text = (user?.content ?? '').replace(/\s+/g, ' ').trim()
  return text.length > 80 ? `${text.slice(0, 79)}…` : text || 'Playground run'
}

function callRequestOf(request: PlaygroundRunRequest, messages: CallRequest['messages']): CallRequest {
  const p = request.params
  return {
    messages,
    output: p.output,
    ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
    ...(p.topP !== undefined ? { topP: p.topP } : {}),
    ...(p.maxTokens !== undefined ? { maxTokens: p.maxTokens } : {}),
    ...(p.seed !== undefined ? { seed: p.seed } : {}),
    ...(p.stop !== undefined ? { stop: p.stop } : {})
  }
}

/** A stand-in attempt when a column never got to call (cancelled before its turn) or the call layer threw. */
function syntheticAttempt(status: 'error' | 'cancelled', message: string, startedAt: number): AttemptResult {
  return emptyAttempt(1, { errorClass: status === 'cancelled' ? 'cancelled' : 'network', message, httpStatus: null, retryAfterMs: null }, startedAt)
}

/**
 * The playground job: one prompt, rendered once, streamed to every column (model × repeat) at once, at most
 * MAX_IN_FLIGHT in flight. Emits run-created, column-started per attempt, batched deltas, retries and
 * column-finished with metrics; every attempt is stored as a call row, then the run ends with its totals.
 */
export async function runPlayground(job: JobContext, input: PlaygroundInput): Promise<void> {
  const { store, request } = input
  const messages = renderMessages(request.messages, request.variables)
  const runId = store.runs.create({
    kind: 'playground',
    title: titleOf(request, messages),
    config: { ...request, policy: input.policy },
    contractVersionId: request.contractVersionId ?? null
  })
  job.setRunId(runId)

  const columns: Column[] = []
  for (const [i, ref] of request.models.entries()) {
    const target = input.targets[i]
    if (!target) throw new Error(`No call target for models.${i}`)
    for (let r = 0; r < request.repeat; r++) {
      const controller = new AbortController()
      const id = columnId(i, r)
      input.columnControllers.set(id, controller)
      columns.push({ columnId: id, providerId: ref.providerId, modelId: ref.modelId, repeatIndex: r, target, controller })
    }
  }
  const cancelAll = () => {
    for (const c of columns) c.controller.abort(job.signal.reason)
  }
  job.signal.addEventListener('abort', cancelAll, { once: true })
  if (job.signal.aborted) cancelAll()

  job.emit({ type: 'run-created', runId, columns: columns.map(({ columnId: id, providerId, modelId, repeatIndex }) => ({ columnId: id, providerId, modelId, repeatIndex })) })
  job.progress(0, columns.length)

  const callRequest = callRequestOf(request, messages)
  const checkJson = createJsonChecker(request.params.output)
  const outcomes: ColumnOutcome[] = []
  let done = 0
  let failures: unknown[]
  try {
    failures = await runPool(columns, MAX_IN_FLIGHT, async (column) => {
      try {
        outcomes.push(await runColumn(job, input, runId, column, callRequest, checkJson))
      } finally {
        input.columnControllers.delete(column.columnId)
        done += 1
        job.progress(done, columns.length)
      }
    })
  } finally {
    job.signal.removeEventListener('abort', cancelAll)
    for (const c of columns) input.columnControllers.delete(c.columnId)
  }

  const costs = outcomes.map((o) => o.costUsd).filter((c): c is number => c !== null)
  const totals = {
    columns: columns.length,
    ok: outcomes.filter((o) => o.status === 'ok').length,
    errors: outcomes.filter((o) => o.status === 'error').length,
    cancelled: outcomes.filter((o) => o.status === 'cancelled').length,
    calls: outcomes.reduce((n, o) => n + o.attempts, 0),
    costUsd: costs.length ? costs.reduce((a, b) => a + b, 0) : null
  }
  if (failures.length) {
    const message = failures[0] instanceof Error ? failures[0].message : String(failures[0])
    store.runs.finish(runId, 'failed', totals, message)
    throw failures[0]
  }
  store.runs.finish(runId, job.signal.aborted ? 'cancelled' : 'completed', totals)
}

async function runColumn(
  job: JobContext,
  input: PlaygroundInput,
  runId: string,
  column: Column,
  callRequest: CallRequest,
  checkJson: ((text: string) => JsonCheck) | null
): Promise<ColumnOutcome> {
  const { store } = input
  const { target, controller } = column
  const deltas = new DeltaBatcher((text) => job.emit({ type: 'delta', columnId: column.columnId, text }))
  const announced = new Set<number>()
  const announce = (attempt: number) => {
    if (announced.has(attempt)) return
    announced.add(attempt)
    deltas.flush()
    job.emit({ type: 'column-started', columnId: column.columnId, attempt })
  }
  // Every attempt is committed the moment it ends (before any retry wait), with the prices in force then.
  const stored: Array<{ id: string; call: ReturnType<typeof callOfAttempt>; json: JsonCheck | null }> = []
  const committed = new Set<AttemptResult>()
  const commit = (attempt: AttemptResult): void => {
    if (committed.has(attempt)) return
    committed.add(attempt)
    const prices: TokenPrices = store.models.find(target.provider.id, target.model.modelId) ?? target.model
    const ctx = { runId, providerId: target.provider.id, modelId: target.model.modelId, repeatIndex: column.repeatIndex, prices, apiKey: target.apiKey }
    const json = checkJson && attempt.status === 'ok' ? checkJson(attempt.text) : null
    const call = callOfAttempt(ctx, attempt, json)
    stored.push({ id: store.calls.insert(call), call, json })
  }
  const startedAt = Date.now()
  let attempts: AttemptResult[]
  if (controller.signal.aborted) {
    attempts = [syntheticAttempt('cancelled', 'Cancelled before the call started.', startedAt)]
  } else {
    try {
      attempts = await input.streamCall(target, callRequest, input.policy, {
        signal: controller.signal,
        onAttemptStarted: announce,
        onAttemptFinished: commit,
        onDelta: (text) => {
          if (announced.size === 0) announce(1)
          deltas.push(text)
        },
        onRetry: (info) => {
          deltas.flush()
          job.emit({ type: 'retry', columnId: column.columnId, attempt: info.attempt, waitMs: info.waitMs, errorClass: info.errorClass, message: redactSecrets(info.message, target.apiKey ? [target.apiKey] : []) })
        }
      })
    } catch (error) {
      const message = redactSecrets(error instanceof Error ? error.message : String(error), target.apiKey ? [target.apiKey] : [])
      attempts = [syntheticAttempt(controller.signal.aborted ? 'cancelled' : 'error', controller.signal.aborted ? 'Cancelled.' : message, startedAt)]
    }
    if (attempts.length === 0) attempts = [syntheticAttempt('error', 'The call layer returned no attempt.', startedAt)]
  }
  deltas.close()

  for (const attempt of attempts) commit(attempt)
  const final = stored[stored.length - 1]
  if (!final) throw new Error('unreachable: a column has at least one attempt')
  job.emit({ type: 'column-finished', columnId: column.columnId, metrics: columnMetrics(final.id, stored.length, final.call, final.json) })
  const costs = stored.map((s) => s.call.costUsd).filter((c): c is number => c != null)
  return { status: final.call.status, attempts: stored.length, costUsd: costs.length ? costs.reduce((a, b) => a + b, 0) : null }
}
