import { z } from 'zod'
import { AppInfo, Settings } from './schemas/app'
import { call, Empty, Id, job } from './api/define'
import { contractOperations } from './api/contract-operations'
import { datasetEditOperations } from './api/dataset-edit-operations'
import { datasetTransferOperations, ImportMapping } from './api/dataset-transfer-operations'
import { evalOperations } from './api/eval-operations'
import { workspaceFileOperations } from './api/workspace-file-operations'
import { JobInfo, ProgressEvent, StatusEvent } from './schemas/jobs'
import { CostEstimate, PlaygroundEvent, PlaygroundRunRequest } from './schemas/playground'
import { KeyStatus, Model, ProviderKind, ProviderWithStatus } from './schemas/provider'
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

/** A provider as the user configures it; kind-specific options (Azure resource, api version, headers) in options. */
const ProviderInput = z
  .object({
    kind: ProviderKind.exclude(['emulator']),
    name: z.string().trim().min(1, 'give the provider a name').max(80),
    baseUrl: z.string().trim().url('a base URL looks like https://host/v1').nullable().default(null),
    options: z.record(z.string(), z.unknown()).default({})
  })
  .strict()

export const ConnectionTest = z.object({
  ok: z.boolean(),
  /** How the test reached the provider: its models endpoint, or a one-token completion. */
  method: z.enum(['models', 'completion']),
  modelCount: z.number().int().nonnegative().nullable(),
  latencyMs: z.number().nonnegative(),
  errorClass: ErrorClass.nullable(),
  message: z.string()
})
export type ConnectionTest = z.infer<typeof ConnectionTest>

export const LocalServer = z.object({
  kind: z.enum(['ollama', 'lmstudio']),
  baseUrl: z.string(),
  models: z.array(z.string()),
  /** Id of a provider already pointing at this server, if any. */
  providerId: z.string().nullable()
})

export const CatalogEntry = z.object({
  catalogProvider: z.string(),
  modelId: z.string(),
  name: z.string(),
  contextWindow: z.number().int().positive().nullable(),
  inputPricePerMTok: z.number().nonnegative().nullable(),
  outputPricePerMTok: z.number().nonnegative().nullable(),
  cachedInputPricePerMTok: z.number().nonnegative().nullable()
})
export type CatalogEntry = z.infer<typeof CatalogEntry>

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

  'providers.create': call('Add a provider (its key is set separately through secrets.set).', ProviderInput, ProviderWithStatus),
  'providers.update': call(
    'Change a provider: name, base URL, options, enabled.',
    z
      .object({
        id: Id,
        name: z.string().trim().min(1).max(80).optional(),
        baseUrl: z.string().trim().url('a base URL looks like https://host/v1').nullable().optional(),
        options: z.record(z.string(), z.unknown()).optional(),
        enabled: z.boolean().optional()
      })
      .strict(),
    ProviderWithStatus
  ),
  'providers.remove': call('Remove a provider and its stored key (its past calls stay).', z.object({ id: Id }).strict(), z.object({ removed: z.literal(true) })),
  'providers.test': call(
    "Test a provider's connection and key: list its models, or send a one-token request.",
    z.object({ id: Id, modelId: z.string().optional() }).strict(),
    ConnectionTest
  ),
  'providers.detectLocal': call('Look for Ollama (port 11434) and LM Studio (port 1234) on this machine.', Empty, z.array(LocalServer)),

  'models.list': call(
    'Models known for one provider or all.',
    z.object({ providerId: Id.optional() }).strict(),
    z.array(Model)
  ),

  'models.refresh': call(
    "Fetch a provider's models from its models endpoint and merge catalog prices and context windows.",
    z.object({ providerId: Id }).strict(),
    z.object({ added: z.number().int(), updated: z.number().int(), total: z.number().int(), source: z.enum(['endpoint', 'catalog']) })
  ),
  'models.add': call(
    'Add a model by id (e.g. an Azure deployment name), with catalog prices when the catalog knows it.',
    z.object({ providerId: Id, modelId: z.string().trim().min(1).max(200), displayName: z.string().max(200).optional() }).strict(),
    Model
  ),
  'models.update': call(
    'Override prices (USD per million tokens; null clears the override back to the catalog) or enable/disable a model.',
    z
      .object({
        providerId: Id,
        modelId: z.string().min(1),
        enabled: z.boolean().optional(),
        prices: z
          .object({
            inputPricePerMTok: z.number().nonnegative(),
            outputPricePerMTok: z.number().nonnegative(),
            cachedInputPricePerMTok: z.number().nonnegative().nullable().default(null)
          })
          .nullable()
          .optional()
      })
      .strict(),
    Model
  ),
  'catalog.search': call(
    'Search the offline price catalog (@pydantic/genai-prices).',
    z.object({ query: z.string().max(200).default(''), catalogProvider: z.string().optional(), limit: z.number().int().positive().max(500).default(100) }).strict(),
    z.object({ catalogDate: z.string().nullable(), entries: z.array(CatalogEntry) })
  ),

  'playground.estimate': call(
    'Before a run: input tokens (tokenizer estimate) and the cost range per model.',
    PlaygroundRunRequest,
    z.object({ estimates: z.array(CostEstimate), totalMinCostUsd: z.number().nullable(), totalMaxCostUsd: z.number().nullable() })
  ),
  'playground.run': job('Stream one prompt to several models side by side (optionally repeated); stored as a playground run.', PlaygroundRunRequest, PlaygroundEvent),
  'playground.cancelColumn': call(
    'Cancel one column of a running playground job; the others go on.',
    z.object({ jobId: Id, columnId: z.string().min(1) }).strict(),
    z.object({ cancelled: z.boolean() })
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

  'datasets.import': call(
    'Import a CSV, JSONL or JSON file as a new dataset, or as a new version of one. All or nothing: any problem and nothing is written; the problems are listed by line and column (first 100, with the total).',
    z
      .object({
        fileName: z.string().trim().min(1).max(255),
        /** The file's bytes, base64-encoded (so encoding problems can be reported exactly). */
        contentBase64: z.string().max(70_000_000, 'the file is too large to send (40 MB at most)'),
        format: z.enum(['csv', 'jsonl', 'json']).optional(),
        datasetId: Id.optional(),
        newDatasetName: z.string().trim().min(1).max(200).optional(),
        /** What each column becomes (see datasets.previewImport for suggestions); the suggested roles when left out. */
        mapping: ImportMapping.optional()
      })
      .strict()
      .refine((r) => Boolean(r.datasetId) !== Boolean(r.newDatasetName), { message: 'give either datasetId or newDatasetName', path: ['datasetId'] }),
    z.object({ datasetId: z.string(), version: z.number().int().positive(), caseCount: z.number().int().nonnegative() })
  ),

  'runs.list': call(
    'Recent runs, newest first; kind and suiteId filter them, query searches titles, prompts and outputs.',
    z
      .object({
        kind: RunKind.optional(),
        /** Only the runs started from this eval suite. */
        suiteId: Id.optional(),
        query: z.string().max(200).optional(),
        limit: z.number().int().positive().max(500).default(50),
        offset: z.number().int().nonnegative().default(0)
      })
      .strict(),
    z.array(RunSummary)
  ),
  'runs.get': call('One run with its calls.', z.object({ id: Id }).strict(), RunDetail),

  'datasets.addCase': call(
    "Save a test case (e.g. from a playground call) into a dataset, creating the dataset when it is new; saves a new dataset version.",
    z
      .object({
        datasetId: Id.optional(),
        newDatasetName: z.string().trim().min(1).max(120).optional(),
        vars: z.record(z.string(), z.unknown()),
        /** The chosen output: as the expected output, or only as a reference note. */
        output: z.string().max(1_000_000),
        use: z.enum(['expected', 'reference']),
        sourceCallId: z.string().optional(),
        tags: z.array(z.string().max(60)).max(20).default([])
      })
      .strict()
      .refine((r) => Boolean(r.datasetId) !== Boolean(r.newDatasetName), { message: 'give either datasetId or newDatasetName', path: ['datasetId'] }),
    z.object({ datasetId: z.string(), version: z.number().int().positive(), caseId: z.string() })
  ),

  'jobs.list': call('Jobs of this session, newest first.', Empty, z.array(JobInfo)),
  'jobs.get': call('One job: status, progress, final error.', z.object({ jobId: Id }).strict(), JobInfo),
  'jobs.cancel': call(
    'Cancel a running job; finished work stays stored. Answers with the job as it stands.',
    z.object({ jobId: Id }).strict(),
    JobInfo
  ),

  ...contractOperations,
  ...datasetEditOperations,
  ...datasetTransferOperations,
  ...workspaceFileOperations,
  ...evalOperations
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
