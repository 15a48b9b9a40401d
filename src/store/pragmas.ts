import type Database from 'better-sqlite3'

export const BUSY_TIMEOUT_MS = 5000

/** The durability and behaviour settings every read-write connection gets (SECURITY.md §3). */
export function applyPragmas(db: Database.Database, readonly = false): void {
  if (!readonly) {
    db.pragma('journal_mode = WAL')
    // better-sqlite3 defaults WAL to NORMAL; FULL syncs the WAL on every commit so a completed result survives power loss.
    db.pragma('synchronous = FULL')
  }
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.pragma('cache_size = -32768')
  db.pragma('temp_store = MEMORY')
}
