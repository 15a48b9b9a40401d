import { statSync } from 'node:fs'
import type { StoreInfo } from '../core/schemas/app'
import { EMULATOR_MODELS } from '../emulator/models'
import { openStore, StoreOpenError, type Store } from '../store/open-store'
import { seedFreshStore } from '../store/seed'

export interface OpenedStore {
  store: Store | null
  info: StoreInfo
}

/** Opens (and on first use seeds) the store; a store that cannot be opened is reported, never overwritten. */
export function openEngineStore(path: string): OpenedStore {
  try {
    const store = openStore(path)
    seedFreshStore(store, { emulatorModels: EMULATOR_MODELS })
    return { store, info: storeInfoOf(store) }
  } catch (error) {
    if (error instanceof StoreOpenError) {
      return { store: null, info: { state: 'error', path, code: error.code, message: error.message } }
    }
    const message = error instanceof Error ? error.message : String(error)
    return { store: null, info: { state: 'error', path, code: 'io', message: `Could not open the store at ${path}: ${message}` } }
  }
}

export function storeInfoOf(store: Store): StoreInfo {
  // The WAL holds recent commits until a checkpoint, so it counts towards the store's size.
  let sizeBytes = 0
  for (const file of [store.path, `${store.path}-wal`]) {
    try {
      sizeBytes += statSync(file).size
    } catch {
      // A missing WAL is normal after a clean close.
    }
  }
  return { state: 'ok', path: store.path, schemaVersion: store.schemaVersion, sizeBytes, recoveredRuns: store.recoveredRuns }
}
