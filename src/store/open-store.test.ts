import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { freshStorePathBeside, openStore, StoreOpenError } from './open-store'
import { LATEST_SCHEMA_VERSION, SWITCHYARD_APPLICATION_ID } from './migrations'
import { createTempSpace } from './testing/temp-store'

const space = createTempSpace()
afterEach(() => space.cleanup())

const TABLES = [
  'call', 'contract', 'contract_version', 'dataset', 'dataset_case', 'dataset_version', 'export', 'feedback', 'model',
  'provider', 'routing_policy', 'run', 'score', 'setting', 'suite'
]

describe('openStore', () => {
  it('applies WAL, synchronous=FULL, foreign keys and the busy timeout', () => {
    const store = space.open()
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2)
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  it('creates missing parent folders and migrates an empty file to the latest schema', () => {
    const file = path.join(space.dir(), 'nested', 'deeper', 'store.db')
    const store = space.open(file)
    expect(fs.existsSync(file)).toBe(true)
    expect(store.path).toBe(file)
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(store.db.pragma('application_id', { simple: true })).toBe(SWITCHYARD_APPLICATION_ID)
    const tables = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all()
    expect(tables).toEqual(TABLES)
    const strict = store.db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name").pluck().all()
    expect(strict).toEqual(TABLES)
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(store.db.pragma('foreign_key_check')).toEqual([])
    expect(store.backupPath).toBeNull()
  })

  it('creates the indexes later breakdowns need', () => {
    const store = space.open()
    const indexColumns = (table: string) =>
      (store.db.prepare(`SELECT name FROM pragma_index_list(?)`).pluck().all(table) as string[]).map((index) =>
        (store.db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index) as string[]).join(',')
      )
    expect(indexColumns('call')).toEqual(
      expect.arrayContaining(['run_id,status,cost_usd', 'provider_id,model_id,started_at', 'case_id', 'request_hash', 'feature,started_at'])
    )
    expect(indexColumns('run')).toContain('kind,started_at')
    expect(indexColumns('score')).toContain('call_id')
    expect(indexColumns('feedback')).toContain('call_id')
    expect(indexColumns('dataset_case')).toContain('dataset_version_id,position')
    expect(indexColumns('contract_version')).toContain('contract_id,version')
    expect(indexColumns('dataset_version')).toContain('dataset_id,version')
  })

  it('has no column that could hold a provider key', () => {
    const store = space.open()
    const columns = store.db.prepare("SELECT name FROM pragma_table_info('provider')").pluck().all() as string[]
    expect(columns.filter((c) => /key|secret|token/i.test(c))).toEqual([])
  })

  it('reopens an existing store without migrating or backing it up again', () => {
    const first = space.open()
    first.providers.create({ kind: 'openai', name: 'OpenAI', baseUrl: 'https://api.openai.com/v1' })
    first.close()
    const again = space.open(first.path)
    expect(again.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(again.backupPath).toBeNull()
    expect(again.providers.list().map((p) => p.name)).toEqual(['OpenAI'])
    expect(fs.existsSync(path.join(path.dirname(first.path), 'backups'))).toBe(false)
  })

  it('marks runs left running or queued as interrupted, and reports how many', () => {
    const store = space.open()
    const running = store.runs.create({ kind: 'eval', title: 'left running' })
    const queued = store.runs.create({ kind: 'bench', title: 'left queued', status: 'queued' })
    const done = store.runs.create({ kind: 'playground', title: 'finished' })
    store.runs.finish(done, 'completed')
    store.close()

    const reopened = space.open(store.path)
    expect(reopened.recoveredRuns).toBe(2)
    expect(reopened.runs.summary(running).status).toBe('interrupted')
    expect(reopened.runs.summary(running).finishedAt).not.toBeNull()
    expect(reopened.runs.meta(running).error).toMatch(/stopped before this run finished/)
    expect(reopened.runs.summary(queued).status).toBe('interrupted')
    expect(reopened.runs.summary(done).status).toBe('completed')
    reopened.close()
    expect(space.open(store.path).recoveredRuns).toBe(0)
  })

  it('opens read-only without writing, and refuses read-only when there is no store yet', () => {
    const store = space.open()
    store.providers.create({ kind: 'groq', name: 'Groq', baseUrl: null })
    const reader = space.open(store.path, { readonly: true })
    expect(reader.readonly).toBe(true)
    expect(reader.providers.list()).toHaveLength(1)
    expect(() => reader.providers.create({ kind: 'xai', name: 'xAI', baseUrl: null })).toThrow(/readonly/i)
    const missing = path.join(space.dir(), 'missing.db')
    expect(() => openStore(missing, { readonly: true })).toThrow(StoreOpenError)
    expect(fs.existsSync(missing)).toBe(false)
  })

  it('close() is idempotent', () => {
    const store = space.open()
    store.close()
    expect(() => store.close()).not.toThrow()
    expect(store.db.open).toBe(false)
  })
})

describe('freshStorePathBeside', () => {
  it('names a file that does not exist yet, next to the bad one', () => {
    const dir = space.dir()
    const bad = path.join(dir, 'store.db')
    fs.writeFileSync(bad, 'not a database')
    const now = new Date('2026-11-27T01:02:03.456Z')
    const fresh = freshStorePathBeside(bad, now)
    expect(fresh).toBe(path.join(dir, 'switchyard-fresh-2026-11-27T01-02-03.db'))
    fs.writeFileSync(fresh, '')
    const second = freshStorePathBeside(bad, now)
    expect(second).toBe(path.join(dir, 'switchyard-fresh-2026-11-27T01-02-03-2.db'))
    expect(fs.existsSync(second)).toBe(false)
  })

  it('gives a path a fresh store opens at, leaving the bad file alone', () => {
    const dir = space.dir()
    const bad = path.join(dir, 'store.db')
    fs.writeFileSync(bad, 'hello, I am a text file\n')
    expect(() => openStore(bad)).toThrow(StoreOpenError)
    const store = space.open(freshStorePathBeside(bad))
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(fs.readFileSync(bad, 'utf8')).toBe('hello, I am a text file\n')
  })
})

describe('a zero-byte or empty SQLite file', () => {
  it('is treated as a new store', () => {
    const dir = space.dir()
    const empty = path.join(dir, 'empty.db')
    fs.writeFileSync(empty, '')
    expect(space.open(empty).schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    const blank = path.join(dir, 'blank.db')
    new Database(blank).exec('CREATE TABLE scratch (a); DROP TABLE scratch').close()
    expect(fs.statSync(blank).size).toBeGreaterThan(0)
    expect(space.open(blank).schemaVersion).toBe(LATEST_SCHEMA_VERSION)
  })
})
