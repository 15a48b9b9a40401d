import fs from 'node:fs'
import path from 'node:path'
import { fileStamp } from './ids'

export type StoreOpenErrorCode = 'corrupt' | 'not_sqlite' | 'foreign' | 'too_new' | 'io'

/** Why a store file was refused. The file is never modified or overwritten when this is thrown. */
export class StoreOpenError extends Error {
  readonly code: StoreOpenErrorCode
  readonly path: string

  constructor(code: StoreOpenErrorCode, filePath: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreOpenError'
    this.code = code
    this.path = filePath
  }
}

const LEFT_ALONE = 'The file was left untouched.'

export const storeOpenMessages = {
  notSqlite: (file: string) =>
    `${file} is not a Switchyard store: it is not an SQLite database. Choose another store file, or start a fresh store beside it. ${LEFT_ALONE}`,
  corrupt: (file: string, detail: string) =>
    `${file} is damaged (${detail}). Restore it from a copy in the backups folder beside it, or start a fresh store beside it. ${LEFT_ALONE}`,
  foreign: (file: string) =>
    `${file} is an SQLite database from another application, not a Switchyard store. Choose another store file, or start a fresh store beside it. ${LEFT_ALONE}`,
  tooNew: (file: string, version: number, latest: number) =>
    `${file} was created by a newer Switchyard (schema v${version}, this build knows up to v${latest}); upgrade Switchyard or open another store. ${LEFT_ALONE}`,
  io: (file: string, reason: string) => `${file} cannot be opened: ${reason}. Check the path and its permissions, or open another store.`
}

/**
 * A path that does not exist yet, next to a store that could not be opened, for the "start a fresh store" flow:
 * `<dir>/switchyard-fresh-2026-11-27T01-02-03.db` (with `-2`, `-3`, … if taken). The bad file is never reused.
 */
export function freshStorePathBeside(badPath: string, now: Date = new Date()): string {
  const dir = path.dirname(path.resolve(badPath))
  const stem = `switchyard-fresh-${fileStamp(now)}`
  let candidate = path.join(dir, `${stem}.db`)
  for (let n = 2; fs.existsSync(candidate) || fs.existsSync(`${candidate}-wal`); n++) candidate = path.join(dir, `${stem}-${n}.db`)
  return candidate
}
