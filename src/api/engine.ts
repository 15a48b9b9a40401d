import type { Face, Settings } from '../core/schemas/app'
import type { JobEventEnvelope } from '../core/schemas/jobs'
import { startEmulator, type RunningEmulator } from '../emulator/server'
import { JobRegistry } from '../jobs/job-registry'
import type { SecretStore } from '../secrets/secret-store'
import { createDispatch, type Dispatch, type Handlers } from './dispatch'
import type { EngineContext } from './engine-context'
import { openEngineStore } from './open-engine-store'
import { appHandlers, appInfo, currentSettings } from './services/app-service'
import { contractEditorHandlers } from './services/contract-editor-service'
import { datasetEditHandlers } from './services/dataset-edit-service'
import { datasetImportHandlers } from './services/dataset-import-service'
import { datasetTransferHandlers } from './services/dataset-transfer-service'
import { evalHandlers } from './services/eval-service'
import { jobHandlers } from './services/job-service'
import { modelHandlers } from './services/model-service'
import { playgroundHandlers } from './services/playground-service'
import { providerAdminHandlers } from './services/provider-admin-service'
import { providerHandlers } from './services/provider-service'
import { workspaceFileHandlers } from './services/workspace-files-service'
import { workspaceHandlers } from './services/workspace-service'
import packageJson from '../../package.json'

export interface EngineOptions {
  face: Face
  storePath: string
  secretStore: SecretStore
  /** Start the in-process provider emulator (the default Local emulator provider). Default true. */
  startEmulator?: boolean
  /** Port for the in-process emulator; 0 (default) picks a free one. */
  emulatorPort?: number
  onStorePathChanged?: (path: string) => void
}

/** The engine every face binds: one dispatch for all operations, job events, and orderly shutdown. */
export interface Engine {
  dispatch: Dispatch
  onJobEvent(listener: (event: JobEventEnvelope) => void): () => void
  /** Buffered events of known jobs, for a subscriber that connects late or reconnects. */
  replayJobEvents(afterSeq?: number): JobEventEnvelope[]
  settings(): Settings
  readonly context: EngineContext
  close(): Promise<void>
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const opened = openEngineStore(options.storePath)
  let emulator: RunningEmulator | null = null
  if (options.startEmulator ?? true) {
    emulator = await startEmulator({ port: options.emulatorPort ?? 0 })
  }
  const context: EngineContext = {
    face: options.face,
    version: packageJson.version,
    secretStore: options.secretStore,
    jobs: new JobRegistry(),
    store: opened.store,
    storeInfo: opened.info,
    emulator,
    onStorePathChanged: options.onStorePathChanged
  }
  const models = modelHandlers(context)
  const handlers: Handlers = {
    ...appHandlers(context),
    ...providerHandlers(context),
    ...providerAdminHandlers(context),
    ...models,
    ...playgroundHandlers(context),
    ...datasetImportHandlers(context),
    ...workspaceHandlers(context),
    ...jobHandlers(context),
    ...contractEditorHandlers(context),
    ...datasetEditHandlers(context),
    ...datasetTransferHandlers(context),
    ...workspaceFileHandlers(context),
    ...evalHandlers(context, async (providerId, modelId) => models['models.add']({ providerId, modelId }))
  }
  const dispatch = createDispatch(handlers)
  let closed = false
  return {
    dispatch,
    context,
    onJobEvent: (listener) => context.jobs.subscribe(listener),
    replayJobEvents: (afterSeq) => context.jobs.replay(afterSeq),
    settings: () => currentSettings(context),
    close: async () => {
      if (closed) return
      closed = true
      await context.jobs.shutdown()
      await context.emulator?.close()
      await context.store?.closeWriter()
      context.store?.close()
    }
  }
}

export { appInfo }
