import type BetterSqlite3 from 'better-sqlite3'
import { backupBeforeMigration } from '../backup'
import type { BackupOptions } from '../backup'

/** `PRAGMA application_id` of every Switchyard store ("SwYD"): how we tell our files from other SQLite files. */
export const SWITCHYARD_APPLICATION_ID = 0x53775944

export interface Migration {
  /** The `user_version` the database has after this migration. Versions start at 1 and strictly increase. */
  version: number
  name: string
  /**
   * Table rebuilds (the SQLite way to change a constraint) need foreign keys off while they run; the runner turns
   * them off around the transaction (a pragma that cannot change inside one), then checks every key before committing.
   */
  disableForeignKeys?: boolean
  up(db: BetterSqlite3.Database): void
}

export interface MigrateOptions extends BackupOptions {
  /** File the database lives in (for the backup); default `db.name`. No backup for in-memory databases. */
  dbPath?: string
}

export interface MigrateResult {
  from: number
  to: number
  applied: number[]
  /** The copy taken before migrating a database that already had a schema, else null. */
  backupPath: string | null
}

export class MigrationError extends Error {
  readonly reason: 'too_new' | 'failed'
  /** The version the database is (still) at. */
  readonly version: number
  readonly failedVersion: number | null
  readonly backupPath: string | null

  constructor(reason: 'too_new' | 'failed', message: string, details: { version: number; failedVersion?: number; backupPath?: string | null; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'MigrationError'
    this.reason = reason
    this.version = details.version
    this.failedVersion = details.failedVersion ?? null
    this.backupPath = details.backupPath ?? null
  }
}

/** Checks a migration list once, at load: versions are positive integers, strictly increasing, names non-empty. */
export function validateMigrations(migrations: readonly Migration[]): readonly Migration[] {
  let previous = 0
  for (const [index, migration] of migrations.entries()) {
    if (!Number.isInteger(migration.version) || migration.version < 1) {
      throw new Error(`Migration #${index} ("${migration.name}") has version ${migration.version}; versions are integers from 1.`)
    }
    if (migration.version <= previous) {
      const kind = migration.version === previous ? 'duplicates' : 'comes after a higher'
      throw new Error(`Migration v${migration.version} ("${migration.name}") ${kind} version v${previous}; keep versions strictly increasing.`)
    }
    if (!migration.name.trim()) throw new Error(`Migration v${migration.version} has no name.`)
    previous = migration.version
  }
  return migrations
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0
}

export function userVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

function isFileBacked(dbPath: string): boolean {
  return dbPath !== '' && dbPath !== ':memory:' && !dbPath.startsWith('file::memory:')
}

/**
 * Brings the database to the latest version by `PRAGMA user_version`. Each migration runs in its own IMMEDIATE
 * transaction together with its `user_version` bump and a foreign-key check, so a failure leaves the database at the
 * previous version, unchanged. A database that already has a schema (version ≥ 1) is copied to
 * `backups/<stem>.pre-v<N>.<timestamp>.db` first. The first migration of an empty database also stamps the
 * Switchyard application id.
 */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[], options: MigrateOptions = {}): MigrateResult {
  validateMigrations(migrations)
  const from = userVersion(db)
  const latest = latestVersion(migrations)
  if (from > latest) {
    throw new MigrationError('too_new', `The store is at schema v${from}; this build knows up to v${latest}.`, { version: from })
  }
  const pending = migrations.filter((m) => m.version > from)
  const first = pending[0]
  if (!first) return { from, to: from, applied: [], backupPath: null }

  const dbPath = options.dbPath ?? db.name
  const backupPath = from >= 1 && isFileBacked(dbPath) ? backupBeforeMigration(db, dbPath, first.version, options) : null

  const applied: number[] = []
  for (const migration of pending) {
    const current = userVersion(db)
    const step = db.transaction(() => {
      if (current === 0) db.pragma(`application_id = ${SWITCHYARD_APPLICATION_ID}`)
      migration.up(db)
      const violations = db.pragma('foreign_key_check') as unknown[]
      if (violations.length > 0) throw new Error(`${violations.length} foreign key violation(s) after the migration`)
      db.pragma(`user_version = ${migration.version}`)
    })
    const foreignKeysWereOn = db.pragma('foreign_keys', { simple: true }) === 1
    if (migration.disableForeignKeys && foreignKeysWereOn) db.pragma('foreign_keys = OFF')
    try {
      step.immediate()
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause)
      const where = backupPath ? ` A copy taken before migrating is at ${backupPath}.` : ''
      throw new MigrationError(
        'failed',
        `Migration v${migration.version} ("${migration.name}") failed: ${why}. The store stays at schema v${current}, unchanged.${where}`,
        { version: current, failedVersion: migration.version, backupPath, cause }
      )
    } finally {
      if (migration.disableForeignKeys && foreignKeysWereOn) db.pragma('foreign_keys = ON')
    }
    applied.push(migration.version)
  }
  return { from, to: latest, applied, backupPath }
}
