import { createOpenAI } from '@ai-sdk/openai'
import { streamText } from 'ai'
import { AppError } from '../core/errors'
import type { Model, Provider } from '../core/schemas/provider'
import type { JobContext } from '../jobs/job-registry'
import type { Store } from '../store/open-store'
import { classifyError } from './classify-error'
import { costOfUsage } from '../core/pricing'

export interface ProbeInput {
  store: Store
  provider: Provider
  models: Model[]
  prompt: string
  maxTokens: number
  emulatorUrl: string | null
  apiKey: string | undefined
}

/** Kinds whose wire format is OpenAI chat completions, which the probe can reach today. */
const OPENAI_CHAT_KINDS = new Set<Provider['kind']>(['emulator', 'openai', 'openai-compatible', 'ollama', 'lmstudio', 'vllm'])

function baseUrlOf(input: ProbeInput): string {
  if (input.provider.kind === 'emulator') {
    if (!input.emulatorUrl) throw new AppError('UPSTREAM', 'The Local emulator is not running in this session.')
    return `${input.emulatorUrl}/v1`
  }
  if (!input.provider.baseUrl) {
    throw new AppError('VALIDATION_FAILED', `Provider "${input.provider.name}" has no base URL. Set one in Providers.`)
  }
  return input.provider.baseUrl
}

/**
 * Streams one short prompt to each chosen model in parallel and stores the calls as a `probe` run. Emits
 * call-started, delta and call-finished events. Every finished call is committed as it finishes.
 */
export async function runProbe(job: JobContext, input: ProbeInput): Promise<void> {
  if (!OPENAI_CHAT_KINDS.has(input.provider.kind)) {
    throw new AppError('VALIDATION_FAILED', `Probing providers of kind "${input.provider.kind}" is not available yet; the emulator and OpenAI-compatible servers are.`)
  }
  const baseURL = baseUrlOf(input)
  const client = createOpenAI({ baseURL, apiKey: input.apiKey ?? (input.provider.kind === 'emulator' ? 'emulator' : '') })
  const runId = input.store.runs.create({
    kind: 'probe',
    title: `Probe ${input.provider.name}: ${input.models.map((m) => m.modelId).join(', ')}`,
    config: { providerId: input.provider.id, models: input.models.map((m) => m.modelId), prompt: input.prompt, maxTokens: input.maxTokens }
  })
  job.setRunId(runId)
  let done = 0
  let errors = 0
  job.progress(0, input.models.length)
  await Promise.all(
    input.models.map(async (model) => {
      const ok = await probeOne(job, input, runId, client, model)
      if (!ok) errors += 1
      done += 1
      job.progress(done, input.models.length)
    })
  )
  const status = job.signal.aborted ? 'cancelled' : 'completed'
  input.store.runs.finish(runId, status, { calls: input.models.length, errors })
}

async function probeOne(
  job: JobContext,
  input: ProbeInput,
  runId: string,
  client: ReturnType<typeof createOpenAI>,
  model: Model
): Promise<boolean> {
  job.emit({ type: 'call-started', modelId: model.modelId })
  const startedAt = Date.now()
  const t0 = performance.now()
  let ttftMs: number | null = null
  let text = ''
  let failure: unknown = null
  let usage = { input: null as number | null, output: null as number | null, cached: null as number | null, reasoning: null as number | null }
  let finishReason: string | null = null
  if (input.provider.kind !== 'emulator' && !input.apiKey && ['openai', 'openai-compatible'].includes(input.provider.kind)) {
    failure = new AppError('UNAUTHORIZED', `No key for "${input.provider.name}". Set one in Providers.`)
  } else {
    try {
      const result = streamText({
        model: client.chat(model.modelId),
        prompt: input.prompt,
        maxOutputTokens: input.maxTokens,
        maxRetries: 0,
        abortSignal: job.signal
      })
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') {
          if (ttftMs === null) ttftMs = performance.now() - t0
          text += part.text
          job.emit({ type: 'delta', modelId: model.modelId, text: part.text })
        } else if (part.type === 'error') {
          failure = part.error
        } else if (part.type === 'finish') {
          finishReason = part.finishReason
          usage = {
            input: part.totalUsage.inputTokens ?? null,
            output: part.totalUsage.outputTokens ?? null,
            cached: part.totalUsage.inputTokenDetails?.cacheReadTokens ?? null,
            reasoning: part.totalUsage.outputTokenDetails?.reasoningTokens ?? null
          }
        }
      }
    } catch (error) {
      failure = error
    }
  }
  const latencyMs = performance.now() - t0
  const aborted = job.signal.aborted
  const classified =
    failure === null && !aborted
      ? null
      : failure instanceof AppError && failure.code === 'UNAUTHORIZED'
        ? { errorClass: 'missing_key' as const, message: failure.message, httpStatus: null }
        : classifyError(failure, { aborted, sawOutput: text.length > 0 })
  const callId = input.store.calls.insert({
    runId,
    caseId: null,
    providerId: input.provider.id,
    modelId: model.modelId,
    attempt: 1,
    status: classified === null ? 'ok' : classified.errorClass === 'cancelled' ? 'cancelled' : 'error',
    startedAt,
    firstByteMs: null,
    ttftMs,
    latencyMs,
    inputTokens: usage.input,
    outputTokens: usage.output,
    cachedTokens: usage.cached,
    reasoningTokens: usage.reasoning,
    usageEstimated: false,
    costUsd: costOfUsage(model, usage),
    finishReason,
    errorClass: classified?.errorClass ?? null,
    errorMessage: classified?.message ?? null,
    httpStatus: classified?.httpStatus ?? null,
    outputText: text
  })
  job.emit({
    type: 'call-finished',
    modelId: model.modelId,
    callId,
    ok: classified === null,
    ttftMs,
    latencyMs,
    outputTokens: usage.output,
    errorClass: classified?.errorClass ?? null,
    errorMessage: classified?.message ?? null
  })
  return classified === null
}
