import { AppError } from '../core/errors'
import { costOfUsage } from '../core/pricing'
import { CallPolicy } from '../core/schemas/playground'
import type { Model, Provider } from '../core/schemas/provider'
import type { JobContext } from '../jobs/job-registry'
import type { Store } from '../store/open-store'
import type { AttemptResult, CallTarget } from './call-types'
import { resolveBaseUrl } from './language-model'
import { ProviderCallError } from './provider-call-error'
import { streamCall } from './stream-call'

export interface ProbeInput {
  store: Store
  provider: Provider
  models: Model[]
  prompt: string
  maxTokens: number
  emulatorUrl: string | null
  apiKey: string | undefined
  /** Defaults to CallPolicy's defaults (SECURITY.md §4). */
  policy?: CallPolicy
}

function checkReachable(input: ProbeInput, target: CallTarget): void {
  try {
    resolveBaseUrl(target)
  } catch (error) {
    if (!(error instanceof ProviderCallError)) throw error
    if (input.provider.kind === 'emulator') throw new AppError('UPSTREAM', 'The Local emulator is not running in this session.')
    throw new AppError('VALIDATION_FAILED', error.message)
  }
}

/**
 * Streams one short prompt to each chosen model in parallel (any provider kind, via streamCall) and stores the
 * calls as a `probe` run, one row per attempt with transport timings. Emits call-started, delta and
 * call-finished events. Every finished call is committed as it finishes.
 */
export async function runProbe(job: JobContext, input: ProbeInput): Promise<void> {
  const targetOf = (model: Model): CallTarget => ({ provider: input.provider, model, apiKey: input.apiKey, emulatorUrl: input.emulatorUrl })
  const first = input.models[0]
  if (first) checkReachable(input, targetOf(first))
  const runId = input.store.runs.create({
    kind: 'probe',
    title: `Probe ${input.provider.name}: ${input.models.map((m) => m.modelId).join(', ')}`,
    config: { providerId: input.provider.id, models: input.models.map((m) => m.modelId), prompt: input.prompt, maxTokens: input.maxTokens }
  })
  job.setRunId(runId)
  const policy = input.policy ?? CallPolicy.parse({})
  let done = 0
  let errors = 0
  job.progress(0, input.models.length)
  await Promise.all(
    input.models.map(async (model) => {
      const ok = await probeOne(job, input, runId, targetOf(model), policy)
      if (!ok) errors += 1
      done += 1
      job.progress(done, input.models.length)
    })
  )
  const status = job.signal.aborted ? 'cancelled' : 'completed'
  input.store.runs.finish(runId, status, { calls: input.models.length, errors })
}

function store(input: ProbeInput, runId: string, model: Model, a: AttemptResult): string {
  return input.store.calls.insert({
    runId,
    caseId: null,
    providerId: input.provider.id,
    modelId: model.modelId,
    attempt: a.attempt,
    status: a.status,
    startedAt: a.startedAt,
    firstByteMs: a.timings.firstByteMs,
    ttftMs: a.timings.ttftMs,
    latencyMs: a.timings.latencyMs,
    itlP50Ms: a.timings.itlP50Ms,
    itlP95Ms: a.timings.itlP95Ms,
    tokenCountStream: a.timings.deltaCount,
    inputTokens: a.inputTokens,
    outputTokens: a.outputTokens,
    cachedTokens: a.cachedTokens,
    reasoningTokens: a.reasoningTokens,
    usageEstimated: a.usageEstimated,
    costUsd: costOfUsage(model, { input: a.inputTokens, output: a.outputTokens, cached: a.cachedTokens }),
    finishReason: a.finishReason,
    errorClass: a.errorClass,
    errorMessage: a.errorMessage,
    httpStatus: a.httpStatus,
    requestId: a.requestId,
    retryAfterMs: a.retryAfterMs,
    outputText: a.text
  })
}

async function probeOne(job: JobContext, input: ProbeInput, runId: string, target: CallTarget, policy: CallPolicy): Promise<boolean> {
  const { model } = target
  job.emit({ type: 'call-started', modelId: model.modelId })
  const attempts = await streamCall(
    target,
    { messages: [{ role: 'user', content: input.prompt }], maxTokens: input.maxTokens, output: { kind: 'text' } },
    policy,
    { signal: job.signal, onDelta: (text) => job.emit({ type: 'delta', modelId: model.modelId, text }) }
  )
  let callId = ''
  for (const attempt of attempts) callId = store(input, runId, model, attempt)
  const last = attempts[attempts.length - 1]
  const ok = last?.status === 'ok'
  job.emit({
    type: 'call-finished',
    modelId: model.modelId,
    callId,
    ok,
    ttftMs: last?.timings.ttftMs ?? null,
    latencyMs: last?.timings.latencyMs ?? null,
    outputTokens: last?.outputTokens ?? null,
    errorClass: last?.errorClass ?? null,
    errorMessage: last?.errorMessage ?? null
  })
  return ok
}
