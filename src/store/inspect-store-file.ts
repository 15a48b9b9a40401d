import { connectionOptions } from './native-binding'
import fs from 'node:fs'
import Database from 'better-sqlite3'
import { SWITCHYARD_APPLICATION_ID } from './migrations/migrate'
import { sqliteCode } from './sqlite-errors'
import { StoreOpenError, storeOpenMessages } from './store-open-error'

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
const HEADER_SIZE = 100

/** What is at the store path, judged without writing a byte to it. */
export type StoreFileState = { state: 'new' } | { state: 'ours'; version: number }

function ioError(file: string, error: unknown): StoreOpenError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'SQLITE_BUSY'
          ? 'another program holds it locked'
          : error instanceof Error
            ? error.message
            : String(error)
  return new StoreOpenError('io', file, storeOpenMessages.io(file, reason), { cause: error })
}

function readHeader(file: string): { size: number; header: Buffer } | null {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw ioError(file, error)
  }
  try {
    const stat = fs.fstatSync(fd)
    if (stat.isDirectory()) throw ioError(file, Object.assign(new Error('it is a folder'), { code: 'EISDIR' }))
    const header = Buffer.alloc(HEADER_SIZE)
    const read = fs.readSync(fd, header, 0, HEADER_SIZE, 0)
    return { size: stat.size, header: header.subarray(0, read) }
  } catch (error) {
    if (error instanceof StoreOpenError) throw error
    throw ioError(file, error)
  } finally {
    fs.closeSync(fd)
  }
}

/** Classifies the file from its first 100 bytes: not SQLite at all, a damaged header, or worth opening. */
function checkHeader(file: string, size: number, header: Buffer): void {
  const magicLength = Math.min(header.length, SQLITE_MAGIC.length)
  if (header.length === 0 || !header.subarray(0, magicLength).equals(SQLITE_MAGIC.subarray(0, magicLength))) {
    throw new StoreOpenError('not_sqlite', file, storeOpenMessages.notSqlite(file))
  }
  if (header.length < HEADER_SIZE) throw new StoreOpenError('corrupt', file, storeOpenMessages.corrupt(file, `only ${size} bytes: the file was cut short`))
  const rawPageSize = header.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new StoreOpenError('corrupt', file, storeOpenMessages.corrupt(file, 'its header names an impossible page size'))
  }
}

const SIDECARS = ['-wal', '-shm', '-journal'] as const

/**
 * A read-only connection to a WAL-mode file still creates an empty `-wal` and a `-shm` beside it. When the file is
 * refused, this removes the ones the probe created (never ones that were there before), so the refused file is left
 * exactly as it was found. If the `-wal` is no longer empty, another program opened the file meanwhile: both stay.
 */
function removeProbeSidecars(file: string, existedBefore: ReadonlySet<string>): void {
  const created = SIDECARS.map((suffix) => file + suffix).filter((sidecar) => !existedBefore.has(sidecar) && fs.existsSync(sidecar))
  const walInUse = created.includes(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0
  if (walInUse) return
  for (const sidecar of created) fs.rmSync(sidecar, { force: true })
}

function corruptFrom(file: string, error: unknown): StoreOpenError | null {
  const code = sqliteCode(error) ?? ''
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    const detail = error instanceof Error ? error.message : code
    return new StoreOpenError('corrupt', file, storeOpenMessages.corrupt(file, detail), { cause: error })
  }
  return null
}

/**
 * Decides whether the file at `file` may be opened as a Switchyard store, without modifying it: the header is read
 * with plain file I/O, then a read-only connection (which never checkpoints a -wal nor rolls back a journal) runs
 * `PRAGMA quick_check` and reads the application id, user_version and schema. Throws StoreOpenError for a file that
 * is not SQLite, damaged, another application's database, or from a newer Switchyard.
 */
export function inspectStoreFile(file: string, latestVersion: number): StoreFileState {
  const found = readHeader(file)
  if (found === null || found.size === 0) return { state: 'new' }
  checkHeader(file, found.size, found.header)

  const existedBefore = new Set(SIDECARS.map((suffix) => file + suffix).filter((sidecar) => fs.existsSync(sidecar)))
  let probe: Database.Database | null = null
  try {
    probe = new Database(file, connectionOptions({ readonly: true, fileMustExist: true }))
    return judge(probe, file, latestVersion)
  } catch (error) {
    const refusal = error instanceof StoreOpenError ? error : (corruptFrom(file, error) ?? ioError(file, error))
    probe?.close()
    probe = null
    removeProbeSidecars(file, existedBefore)
    throw refusal
  } finally {
    probe?.close()
  }
}

/** The verdict on an SQLite file that opened: damaged, ours (maybe too new), empty, or someone else's. */
function judge(probe: Database.Database, file: string, latestVersion: number): StoreFileState {
  const check = probe.pragma('quick_check') as Array<{ quick_check: string }>
  if (check.length !== 1 || check[0]?.quick_check !== 'ok') {
    const detail = check.map((row) => row.quick_check).join('; ').slice(0, 300)
    throw new StoreOpenError('corrupt', file, storeOpenMessages.corrupt(file, `integrity check: ${detail}`))
  }
  const applicationId = probe.pragma('application_id', { simple: true }) as number
  const version = probe.pragma('user_version', { simple: true }) as number
  const objects = probe.prepare("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").pluck().get() as number
  if (applicationId === SWITCHYARD_APPLICATION_ID) {
    if (version > latestVersion) throw new StoreOpenError('too_new', file, storeOpenMessages.tooNew(file, version, latestVersion))
    return { state: 'ours', version }
  }
  if (applicationId === 0 && version === 0 && objects === 0) return { state: 'new' }
  throw new StoreOpenError('foreign', file, storeOpenMessages.foreign(file))
}

export { corruptFrom, ioError }
