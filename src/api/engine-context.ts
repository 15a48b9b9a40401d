import type { Face, StoreInfo } from '../core/schemas/app'
import { AppError } from '../core/errors'
import type { RunningEmulator } from '../emulator/server'
import type { JobRegistry } from '../jobs/job-registry'
import type { SecretStore } from '../secrets/secret-store'
import type { Store } from '../store/open-store'

/** What every service shares: the open store (or why it is not open), secrets, the emulator and jobs. */
export interface EngineContext {
  readonly face: Face
  readonly version: string
  readonly secretStore: SecretStore
  readonly jobs: JobRegistry
  store: Store | null
  storeInfo: StoreInfo
  emulator: RunningEmulator | null
  /** Called when the user switches to another store file (e.g. a fresh one beside a corrupt file). */
  onStorePathChanged: ((path: string) => void) | undefined
}

export function requireStore(context: EngineContext): Store {
  if (context.store) return context.store
  const info = context.storeInfo
  const reason = info.state === 'error' ? info.message : 'the store is not open'
  throw new AppError('STORE_UNAVAILABLE', `The store is unavailable: ${reason}. Use "Open a fresh store" (store.openFresh) or start with --db PATH.`)
}
