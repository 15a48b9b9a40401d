import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, StoreOpenError } from './open-store'
import type { StoreOpenErrorCode } from './open-store'
import { LATEST_SCHEMA_VERSION, SWITCHYARD_APPLICATION_ID } from './migrations'
import { createTempSpace, sha256File, siblings } from './testing/temp-store'

const space = createTempSpace()
afterEach(() => space.cleanup())

/** A real, closed Switchyard store with enough rows to span many pages (no -wal left behind). */
function realStore(): string {
  const store = space.open()
  const runId = store.runs.create({ kind: 'bench', title: 'fill' })
  store.calls.insertMany(
    Array.from({ length: 400 }, (_, i) => ({ runId, providerId: 'p', modelId: 'm', status: 'ok' as const, startedAt: i, outputText: 'x'.repeat(300) }))
  )
  store.runs.finish(runId, 'completed')
  store.close()
  expect(fs.existsSync(`${store.path}-wal`)).toBe(false)
  return store.path
}

function expectRefused(file: string, code: StoreOpenErrorCode, message: RegExp): StoreOpenError {
  const before = sha256File(file)
  const filesBefore = siblings(file)
  let caught: unknown
  try {
    openStore(file)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(StoreOpenError)
  const refusal = caught as StoreOpenError
  expect(refusal.code).toBe(code)
  expect(refusal.path).toBe(path.resolve(file))
  expect(refusal.message).toContain(file)
  expect(refusal.message).toMatch(message)
  expect(sha256File(file)).toBe(before)
  expect(siblings(file)).toEqual(filesBefore)
  return refusal
}

describe('refusing files that are not a usable Switchyard store', () => {
  it('a text file is not_sqlite', () => {
    const file = path.join(space.dir(), 'notes.db')
    fs.writeFileSync(file, 'Meeting notes\n- buy milk\n'.repeat(50))
    expectRefused(file, 'not_sqlite', /not an SQLite database.*fresh store/)
  })

  it('random bytes are not_sqlite', () => {
    const file = path.join(space.dir(), 'random.db')
    fs.writeFileSync(file, crypto.randomBytes(64 * 1024))
    expectRefused(file, 'not_sqlite', /not a Switchyard store/)
  })

  it('garbage written over page 2 of a real store is corrupt', () => {
    const file = realStore()
    const pageSize = new Database(file, { readonly: true }).pragma('page_size', { simple: true }) as number
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, crypto.randomBytes(pageSize), 0, pageSize, pageSize)
    fs.closeSync(fd)
    expectRefused(file, 'corrupt', /damaged.*backups folder/)
  })

  it('garbage deep inside a table is corrupt (found by quick_check)', () => {
    const file = realStore()
    const size = fs.statSync(file).size
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(size / 4096 / 2) * 4096)
    fs.closeSync(fd)
    expectRefused(file, 'corrupt', /damaged/)
  })

  it('a store cut in half is corrupt', () => {
    const file = realStore()
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2) + 123)
    expectRefused(file, 'corrupt', /damaged/)
  })

  it('a store cut inside its header is corrupt', () => {
    const file = realStore()
    fs.truncateSync(file, 60)
    expectRefused(file, 'corrupt', /cut short/)
  })

  it("another application's SQLite database is foreign", () => {
    const file = path.join(space.dir(), 'photos.sqlite')
    const other = new Database(file)
    other.exec("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO album (title) VALUES ('Holiday')")
    other.close()
    expectRefused(file, 'foreign', /another application/)
  })

  it('a database with a different application id is foreign, even when empty', () => {
    const file = path.join(space.dir(), 'other-app.db')
    const other = new Database(file)
    other.pragma('application_id = 1234')
    other.close()
    expectRefused(file, 'foreign', /another application/)
  })

  it('a store from a newer Switchyard is too_new', () => {
    const file = realStore()
    const db = new Database(file)
    db.pragma('journal_mode = DELETE')
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    db.close()
    expect(new Database(file, { readonly: true }).pragma('application_id', { simple: true })).toBe(SWITCHYARD_APPLICATION_ID)
    const refusal = expectRefused(file, 'too_new', /created by a newer Switchyard/)
    expect(refusal.message).toContain(`schema v${LATEST_SCHEMA_VERSION + 5}, this build knows up to v${LATEST_SCHEMA_VERSION}`)
    expect(refusal.message).toMatch(/upgrade Switchyard or open another store/)
  })

  it('a folder where the file should be is an io error', () => {
    const dir = space.dir()
    const folder = path.join(dir, 'store.db')
    fs.mkdirSync(folder)
    expect(() => openStore(folder)).toThrow(expect.objectContaining({ code: 'io' }))
  })
})
