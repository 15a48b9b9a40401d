import type { ApiError } from './errors'
import type { CallOperation, JobOperation, OperationName, RequestOf, ResponseOf } from './api-contract'
import type { JobEventEnvelope, JobStarted } from './schemas/jobs'

/**
 * The one interface through which the renderer (and tests) talk to the engine. Two implementations exist in
 * renderer/api/: IPC (Electron window, through the preload bridge) and HTTP + SSE (web mode). Both reject with an
 * AppError carrying the engine's error code.
 */
export interface SwitchyardClient {
  readonly face: 'electron' | 'web'
  call<K extends CallOperation>(op: K, request: RequestOf<K>): Promise<ResponseOf<K>>
  start<K extends JobOperation>(op: K, request: RequestOf<K>): Promise<JobStarted>
  /** Every job event of this session, in order per job. Returns an unsubscribe function. */
  onJobEvent(listener: (event: JobEventEnvelope) => void): () => void
}

/** What an IPC handler answers: Electron carries only `message` of a thrown error, so errors travel as data. */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

type DomainOf<K extends string> = K extends `${infer D}.${string}` ? D : never
type VerbsOf<D extends string> = Extract<OperationName, `${D}.${string}`>
type VerbName<K extends string, D extends string> = K extends `${D}.${infer V}` ? V : never

/**
 * The object the preload exposes as `window.switchyard`: shaped by domain (`switchyard.providers.probe(req)`),
 * derived from the contract, never a generic `invoke(channel)`.
 */
export type BridgeApi = {
  [D in DomainOf<OperationName>]: {
    [K in VerbsOf<D> as VerbName<K, D>]: (request: RequestOf<K>) => Promise<IpcResult<ResponseOf<K>>>
  }
} & {
  events: { onJobEvent(listener: (event: JobEventEnvelope) => void): () => void }
}
