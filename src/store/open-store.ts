import { connectionOptions } from './native-binding'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { inspectStoreFile, corruptFrom, ioError } from './inspect-store-file'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, MigrationError, userVersion } from './migrations'
import { createRepos } from './store'
import type { Store } from './store'
import { BUSY_TIMEOUT_MS, applyPragmas } from './pragmas'
import { StoreOpenError, storeOpenMessages } from './store-open-error'
import { createBackgroundWriter, type BackgroundWriter } from './writer/background-writer'

export { StoreOpenError, freshStorePathBeside } from './store-open-error'
export type { StoreOpenErrorCode } from './store-open-error'
export type { Store } from './store'

export interface OpenStoreOptions {
  /** Folder under which `backups/` is kept; default: the store's folder. */
  backupDir?: string
  /** Read-only connection (e.g. for a worker doing heavy aggregation): no migration, no recovery. */
  readonly?: boolean
}

export { BUSY_TIMEOUT_MS, applyPragmas } from './pragmas'

function openConnection(file: string, readonly: boolean): Database.Database {
  try {
    return new Database(file, connectionOptions(readonly ? { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS } : { timeout: BUSY_TIMEOUT_MS }))
  } catch (error) {
    throw corruptFrom(file, error) ?? ioError(file, error)
  }
}

function migrateOrRefuse(db: Database.Database, file: string, backupDir: string | undefined) {
  try {
    return migrate(db, MIGRATIONS, { dbPath: file, backupDir })
  } catch (error) {
    if (error instanceof MigrationError && error.reason === 'too_new') {
      throw new StoreOpenError('too_new', file, storeOpenMessages.tooNew(file, error.version, LATEST_SCHEMA_VERSION), { cause: error })
    }
    const reason = error instanceof Error ? error.message : String(error)
    throw new StoreOpenError('io', file, storeOpenMessages.io(file, reason), { cause: error })
  }
}

/**
 * Opens (or creates) the Switchyard store at `file`. A file that is not SQLite, damaged, another application's
 * database or from a newer Switchyard is refused with a StoreOpenError and left byte-for-byte unchanged. Then:
 * WAL + synchronous=FULL + foreign keys + busy timeout, migrations (with a backup first when the store has data),
 * and runs left running by a previous process marked `interrupted`.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const absolute = path.resolve(file)
  const readonly = options.readonly ?? false
  if (!readonly) {
    try {
      fs.mkdirSync(path.dirname(absolute), { recursive: true })
    } catch (error) {
      throw ioError(absolute, error)
    }
  }

  const found = inspectStoreFile(absolute, LATEST_SCHEMA_VERSION)
  if (readonly && (found.state === 'new' || found.version < LATEST_SCHEMA_VERSION)) {
    const reason = found.state === 'new' ? 'there is no store there yet' : `it is at schema v${found.version} and needs an upgrade`
    throw new StoreOpenError('io', absolute, storeOpenMessages.io(absolute, `${reason}; open it read-write once first`))
  }

  const db = openConnection(absolute, readonly)
  try {
    applyPragmas(db, readonly)
    const migrated = readonly ? null : migrateOrRefuse(db, absolute, options.backupDir)
    const repos = createRepos(db)
    const recoveredRuns = readonly ? 0 : repos.runs.markInterrupted()
    let writer: BackgroundWriter | null = null
    return {
      ...repos,
      db,
      path: absolute,
      schemaVersion: userVersion(db),
      recoveredRuns,
      backupPath: migrated?.backupPath ?? null,
      readonly,
      transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
      backgroundWriter(): BackgroundWriter {
        if (readonly) throw new Error('A read-only store has no writer.')
        writer ??= createBackgroundWriter({
          path: absolute,
          evalCells: repos.evalCells,
          calls: repos.calls,
          onWarning: (message) => process.emitWarning(message, { code: 'SWITCHYARD_STORE_WRITER' })
        })
        return writer
      },
      closeWriter: async (): Promise<void> => {
        await writer?.close()
      },
      close(): void {
        if (!db.open) return
        // Runners wait for their last commit before they end, so the writer thread has nothing left to confirm;
        // callers that can wait (engine.close) end it first with closeWriter().
        void writer?.close()
        if (!readonly) db.pragma('optimize')
        db.close()
      }
    }
  } catch (error) {
    db.close()
    if (error instanceof StoreOpenError) throw error
    throw corruptFrom(absolute, error) ?? error
  }
}
