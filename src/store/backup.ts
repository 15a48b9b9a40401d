import fs from 'node:fs'
import path from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { fileStamp } from './ids'

export const KEEP_BACKUPS = 5

export interface BackupOptions {
  /** Folder under which `backups/` is created; default: the database's folder. */
  backupDir?: string
  /** How many `pre-v*` backups of this database to keep; default 5. */
  keep?: number
  now?: () => Date
}

/** `/data/store.db` → `store` (the stem backups are named after). */
function stemOf(dbPath: string): string {
  const base = path.basename(dbPath)
  const ext = path.extname(base)
  return ext ? base.slice(0, -ext.length) : base
}

export function backupFolder(dbPath: string, backupDir?: string): string {
  return path.join(backupDir ?? path.dirname(dbPath), 'backups')
}

/**
 * Writes a consistent copy of the open database to `<backupDir>/backups/<stem>.pre-v<N>.<timestamp>.db` and keeps
 * the newest `keep` of them. Uses `VACUUM INTO` (an online, transactionally consistent snapshot that includes what is
 * still in the -wal) because it is synchronous; better-sqlite3's `db.backup()` returns a Promise, and opening and
 * migrating the store is synchronous. The copy is fsynced before the migration starts.
 */
export function backupBeforeMigration(db: BetterSqlite3.Database, dbPath: string, targetVersion: number, options: BackupOptions = {}): string {
  const folder = backupFolder(dbPath, options.backupDir)
  fs.mkdirSync(folder, { recursive: true })
  const stamp = fileStamp((options.now ?? (() => new Date()))(), true)
  const stem = stemOf(dbPath)
  let target = path.join(folder, `${stem}.pre-v${targetVersion}.${stamp}.db`)
  for (let n = 1; fs.existsSync(target); n++) target = path.join(folder, `${stem}.pre-v${targetVersion}.${stamp}-${n}.db`)
  db.prepare('VACUUM INTO ?').run(target)
  const fd = fs.openSync(target, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  pruneBackups(folder, stem, options.keep ?? KEEP_BACKUPS)
  return target
}

/** Backups of one database, oldest first (the timestamp in the name sorts lexicographically). */
export function listBackups(folder: string, stem: string): string[] {
  if (!fs.existsSync(folder)) return []
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.pre-v\\d+\\.(.+)\\.db$`)
  return fs
    .readdirSync(folder)
    .map((name) => ({ name, stamp: pattern.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; stamp: string } => entry.stamp !== undefined)
    .sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.name.localeCompare(b.name)))
    .map((entry) => path.join(folder, entry.name))
}

function pruneBackups(folder: string, stem: string, keep: number): void {
  const all = listBackups(folder, stem)
  for (const old of all.slice(0, Math.max(0, all.length - keep))) fs.rmSync(old, { force: true })
}
