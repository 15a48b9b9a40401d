import { z } from 'zod'
import { AppInfo, Settings } from './schemas/app'
import { JobInfo, JobStarted, ProgressEvent, StatusEvent } from './schemas/jobs'
import { KeyStatus, Model, ProviderWithStatus } from './schemas/provider'
import { ErrorClass, RunDetail, RunKind, RunSummary } from './schemas/run'
import { ContractDetail, ContractSummary, DatasetCase, DatasetSummary } from './schemas/workspace'

/**
 * The API contract: every operation of the engine, declared once. IPC (main/), HTTP + SSE (src/server/), the CLI
 * and the renderer client are bindings of this object; `api-contract.test.ts` and the binding tests check that
 * each operation is bound exactly once on every face.
 *
 * - `call` operations answer once.
 * - `job` operations answer `{ jobId }` at once, then stream typed events (`event`) until a final `status` event;
 *   `jobs.cancel` stops them and `jobs.get` reports their final status.
 */

const Empty = z.object({}).strict()
const Id = z.string().min(1, 'must not be empty').max(200)

interface CallSpec<Req extends z.ZodType, Res extends z.ZodType> {
  kind: 'call'
  summary: string
  request: Req
  response: Res
}
interface JobSpec<Req extends z.ZodType, Ev extends z.ZodType> {
  kind: 'job'
  summary: string
  request: Req
  response: typeof JobStarted
  event: Ev
}

function call<Req extends z.ZodType, Res extends z.ZodType>(summary: string, request: Req, response: Res): CallSpec<Req, Res> {
  return { kind: 'call', summary, request, response }
}
function job<Req extends z.ZodType, Ev extends z.ZodType>(summary: string, request: Req, event: Ev): JobSpec<Req, Ev> {
  return { kind: 'job', summary, request, response: JobStarted, event }
}

/** Events of `providers.probe`: one streamed request per model, with its measured timings. */
export const ProbeEvent = z.discriminatedUnion('type', [
  ProgressEvent,
  StatusEvent,
  z.object({ type: z.literal('call-started'), modelId: z.string() }),
  z.object({ type: z.literal('delta'), modelId: z.string(), text: z.string() }),
  z.object({
    type: z.literal('call-finished'),
    modelId: z.string(),
    callId: z.string(),
    ok: z.boolean(),
    ttftMs: z.number().nullable(),
    latencyMs: z.number().nullable(),
    outputTokens: z.number().nullable(),
    errorClass: ErrorClass.nullable(),
    errorMessage: z.string().nullable()
  })
])
export type ProbeEvent = z.infer<typeof ProbeEvent>

export const apiContract = {
  'app.info': call('Version, face, store, emulator and secret-store state.', Empty, AppInfo),
  'app.ping': call('Round trip check.', Empty, z.object({ pong: z.literal(true), at: z.number() })),

  'store.openFresh': call(
    'When the store file cannot be opened, start a fresh store beside it (never overwriting the bad file).',
    Empty,
    AppInfo
  ),

  'settings.get': call('Current settings.', Empty, Settings),
  'settings.update': call('Change settings; returns the new settings.', Settings.partial().strict(), Settings),

  'providers.list': call('Configured providers with key status (never the key).', Empty, z.array(ProviderWithStatus)),
  'providers.probe': job(
    "Stream a short prompt to a provider's models and report time to first token, latency and tokens; stored as a run.",
    z
      .object({
        providerId: Id,
        modelIds: z.array(Id).max(8, 'at most 8 models at once').optional(),
        prompt: z.string().min(1).max(20_000).default('Say hello in five words.'),
        maxTokens: z.number().int().positive().max(4096).default(64)
      })
      .strict(),
    ProbeEvent
  ),

  'models.list': call(
    'Models known for one provider or all.',
    z.object({ providerId: Id.optional() }).strict(),
    z.array(Model)
  ),

  'secrets.status': call('Key status for every provider.', Empty, z.array(KeyStatus)),
  'secrets.set': call(
    "Set a provider's key (write-only). Returns its status: configured and last four characters.",
    z.object({ providerId: Id, key: z.string().trim().min(8, 'a key has at least 8 characters').max(4096) }).strict(),
    KeyStatus
  ),
  'secrets.clear': call("Forget a provider's stored or session key.", z.object({ providerId: Id }).strict(), KeyStatus),

  'contracts.list': call('Model contracts.', z.object({ includeArchived: z.boolean().default(false) }).strict(), z.array(ContractSummary)),
  'contracts.get': call('One contract with its latest version.', z.object({ id: Id }).strict(), ContractDetail),

  'datasets.list': call('Datasets.', Empty, z.array(DatasetSummary)),
  'datasets.cases': call(
    "A page of a dataset version's cases (latest version when none is named).",
    z
      .object({
        datasetId: Id,
        version: z.number().int().positive().optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(1000).default(200)
      })
      .strict(),
    z.object({ total: z.number().int().nonnegative(), version: z.number().int().nonnegative(), cases: z.array(DatasetCase) })
  ),

  'runs.list': call(
    'Recent runs, newest first.',
    z
      .object({
        kind: RunKind.optional(),
        limit: z.number().int().positive().max(500).default(50),
        offset: z.number().int().nonnegative().default(0)
      })
      .strict(),
    z.array(RunSummary)
  ),
  'runs.get': call('One run with its calls.', z.object({ id: Id }).strict(), RunDetail),

  'jobs.list': call('Jobs of this session, newest first.', Empty, z.array(JobInfo)),
  'jobs.get': call('One job: status, progress, final error.', z.object({ jobId: Id }).strict(), JobInfo),
  'jobs.cancel': call(
    'Cancel a running job; finished work stays stored. Answers with the job as it stands.',
    z.object({ jobId: Id }).strict(),
    JobInfo
  )
} as const

export type ApiContract = typeof apiContract
export type OperationName = keyof ApiContract
export type CallOperation = { [K in OperationName]: ApiContract[K]['kind'] extends 'call' ? K : never }[OperationName]
export type JobOperation = { [K in OperationName]: ApiContract[K]['kind'] extends 'job' ? K : never }[OperationName]

/** Request as the caller writes it (defaults optional). */
export type RequestOf<K extends OperationName> = z.input<ApiContract[K]['request']>
/** Request after validation (defaults filled). */
export type ParsedRequestOf<K extends OperationName> = z.output<ApiContract[K]['request']>
export type ResponseOf<K extends OperationName> = z.output<ApiContract[K]['response']>
export type EventOf<K extends JobOperation> = z.output<ApiContract[K]['event']>

export const OPERATION_NAMES = Object.keys(apiContract) as OperationName[]

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(apiContract, name)
}

/** `providers.probe` → ['providers', 'probe']: how the preload shapes its domain object. */
export function splitOperationName(name: OperationName): [domain: string, verb: string] {
  const dot = name.indexOf('.')
  return [name.slice(0, dot), name.slice(dot + 1)]
}
