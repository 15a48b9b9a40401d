import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackups } from '../backup'
import { createTempSpace } from '../testing/temp-store'
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, MigrationError, SWITCHYARD_APPLICATION_ID, validateMigrations } from './index'
import type { Migration } from './index'

const space = createTempSpace()
afterEach(() => space.cleanup())

/** A closed store at the latest version holding one provider and one run. */
function storeWithData(): string {
  const store = space.open()
  store.providers.create({ id: 'openai', kind: 'openai', name: 'OpenAI', baseUrl: 'https://api.openai.com/v1' })
  store.runs.create({ kind: 'playground', title: 'hello' })
  store.close()
  return store.path
}

function snapshot(db: Database.Database) {
  return {
    version: db.pragma('user_version', { simple: true }),
    schema: db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all(),
    providers: db.prepare('SELECT * FROM provider ORDER BY id').all(),
    runs: db.prepare('SELECT * FROM run ORDER BY id').all()
  }
}

const addNotes: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'add run notes', up: (db) => db.exec("ALTER TABLE run ADD COLUMN notes TEXT NOT NULL DEFAULT ''") }

describe('validateMigrations', () => {
  const up = () => undefined
  it('accepts the shipped list', () => {
    expect(() => validateMigrations(MIGRATIONS)).not.toThrow()
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1))
  })
  it('rejects duplicate versions', () => {
    expect(() => validateMigrations([{ version: 1, name: 'a', up }, { version: 1, name: 'b', up }])).toThrow(/v1 \("b"\) duplicates/)
  })
  it('rejects versions that go down', () => {
    expect(() => validateMigrations([{ version: 2, name: 'a', up }, { version: 1, name: 'b', up }])).toThrow(/strictly increasing/)
  })
  it('rejects version 0, fractions and blank names', () => {
    expect(() => validateMigrations([{ version: 0, name: 'zero', up }])).toThrow(/integers from 1/)
    expect(() => validateMigrations([{ version: 1.5, name: 'half', up }])).toThrow(/integers from 1/)
    expect(() => validateMigrations([{ version: 1, name: '  ', up }])).toThrow(/no name/)
  })
  it('migrate() itself refuses an invalid list before touching the database', () => {
    const db = new Database(':memory:')
    expect(() => migrate(db, [{ version: 1, name: 'a', up }, { version: 1, name: 'b', up }])).toThrow(/duplicates/)
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    db.close()
  })
})

describe('migrate', () => {
  it('migrates an empty database to the latest version without a backup, stamping the application id', () => {
    const dir = space.dir()
    const file = path.join(dir, 'fresh.db')
    const db = new Database(file)
    const result = migrate(db, MIGRATIONS, { dbPath: file })
    expect(result).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.version), backupPath: null })
    expect(db.pragma('application_id', { simple: true })).toBe(SWITCHYARD_APPLICATION_ID)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(migrate(db, MIGRATIONS).applied).toEqual([])
    db.close()
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false)
  })

  it('backs up a database that has data before migrating it', () => {
    const file = storeWithData()
    const backupDir = space.dir()
    const db = new Database(file)
    const result = migrate(db, [...MIGRATIONS, addNotes], { dbPath: file, backupDir })
    expect(result.from).toBe(LATEST_SCHEMA_VERSION)
    expect(result.applied).toEqual([addNotes.version])
    expect(db.pragma('user_version', { simple: true })).toBe(addNotes.version)
    expect(db.prepare('SELECT notes FROM run').pluck().all()).toEqual([''])
    db.close()

    const backupPath = result.backupPath as string
    expect(path.dirname(backupPath)).toBe(path.join(backupDir, 'backups'))
    expect(path.basename(backupPath)).toMatch(new RegExp(`^store\\.pre-v${addNotes.version}\\.\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z\\.db$`))
    const backup = new Database(backupPath, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(backup.pragma('application_id', { simple: true })).toBe(SWITCHYARD_APPLICATION_ID)
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(backup.prepare('SELECT name FROM provider').pluck().all()).toEqual(['OpenAI'])
    expect(backup.prepare("SELECT count(*) FROM pragma_table_info('run') WHERE name = 'notes'").pluck().get()).toBe(0)
    backup.close()
  })

  it('a failing migration leaves the database at the previous version, unchanged, with the backup present', () => {
    const file = storeWithData()
    const db = new Database(file)
    db.pragma('foreign_keys = ON')
    const before = snapshot(db)
    const failing: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'half-done change',
      up(tx) {
        tx.exec('CREATE TABLE leftover (id TEXT PRIMARY KEY) STRICT')
        tx.exec("UPDATE provider SET name = 'renamed'")
        throw new Error('boom in the middle')
      }
    }
    let caught: unknown
    try {
      migrate(db, [...MIGRATIONS, failing], { dbPath: file })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(MigrationError)
    const failure = caught as MigrationError
    expect(failure.reason).toBe('failed')
    expect(failure.version).toBe(LATEST_SCHEMA_VERSION)
    expect(failure.failedVersion).toBe(failing.version)
    expect(failure.message).toMatch(new RegExp(`"half-done change".*boom in the middle.*stays at schema v${LATEST_SCHEMA_VERSION}, unchanged`))
    expect(snapshot(db)).toEqual(before)
    expect(failure.backupPath).not.toBeNull()
    expect(fs.existsSync(failure.backupPath as string)).toBe(true)
    expect(failure.message).toContain(failure.backupPath as string)
    db.close()
  })

  it('a migration that breaks a foreign key is rolled back', () => {
    const file = storeWithData()
    const db = new Database(file)
    const breaking: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'orphan a model',
      disableForeignKeys: true,
      up: (tx) => tx.exec("INSERT INTO model (id, provider_id, model_id, display_name, created_at, updated_at) VALUES ('m', 'nope', 'x', 'x', 0, 0)")
    }
    expect(() => migrate(db, [...MIGRATIONS, breaking], { dbPath: file })).toThrow(/foreign key violation/)
    expect(db.prepare('SELECT count(*) FROM model').pluck().get()).toBe(0)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('applies earlier steps that succeeded and stops at the one that failed', () => {
    const db = new Database(':memory:')
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (tx) => tx.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'two', up: (tx) => tx.exec('CREATE TABLE b (x)') },
      { version: 3, name: 'three', up: () => { throw new Error('nope') } }
    ]
    expect(() => migrate(db, steps)).toThrow(MigrationError)
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(db.prepare("SELECT name FROM sqlite_schema ORDER BY name").pluck().all()).toEqual(['a', 'b'])
    db.close()
  })

  it('refuses a database newer than the list', () => {
    const db = new Database(':memory:')
    db.pragma('user_version = 9')
    expect(() => migrate(db, MIGRATIONS)).toThrow(expect.objectContaining({ reason: 'too_new', version: 9 }))
    db.close()
  })

  it('keeps only the last five backups', () => {
    const file = storeWithData()
    const db = new Database(file)
    const extra: Migration[] = []
    let clock = Date.parse('2026-01-01T00:00:00.000Z')
    const made: string[] = []
    for (let i = 1; i <= 7; i++) {
      extra.push({ version: LATEST_SCHEMA_VERSION + i, name: `step ${i}`, up: (tx) => tx.exec(`CREATE TABLE extra_${i} (x)`) })
      clock += 60_000
      const at = clock
      made.push(migrate(db, [...MIGRATIONS, ...extra], { dbPath: file, now: () => new Date(at) }).backupPath as string)
    }
    db.close()
    const kept = listBackups(path.join(path.dirname(file), 'backups'), 'store')
    expect(kept).toEqual(made.slice(2))
    expect(kept.map((p) => path.basename(p).split('.')[1])).toEqual([3, 4, 5, 6, 7].map((i) => `pre-v${LATEST_SCHEMA_VERSION + i}`))
  })
})
