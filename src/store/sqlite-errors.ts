import { AppError } from '../core/errors'

/** The SQLite extended result code of a better-sqlite3 error (`SQLITE_CONSTRAINT_UNIQUE`, …), if any. */
export function sqliteCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  const code = (error as Error & { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

export function isUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error)
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

export function isForeignKeyViolation(error: unknown): boolean {
  return sqliteCode(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

export function isCheckViolation(error: unknown): boolean {
  const code = sqliteCode(error)
  return code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL' || code === 'SQLITE_CONSTRAINT_DATATYPE'
}

/**
 * Turns a constraint failure the repository did not anticipate into an AppError; anything else is rethrown as is
 * (SQLITE_BUSY/FULL/IOERR must surface unchanged, SECURITY.md §3).
 */
export function rethrowConstraint(error: unknown, what: string): never {
  if (isUniqueViolation(error)) throw new AppError('CONFLICT', `${what} already exists; use another name or id.`)
  if (isForeignKeyViolation(error)) throw new AppError('NOT_FOUND', `${what} refers to something that does not exist; check the ids it names.`)
  if (isCheckViolation(error)) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new AppError('VALIDATION_FAILED', `${what} has an invalid value (${detail}); fix the field it names.`)
  }
  throw error
}

export function notFound(what: string, fix = 'check the id, or list them to see what exists'): AppError {
  return new AppError('NOT_FOUND', `${what} does not exist; ${fix}.`)
}

/** JSON column to value; a malformed column (hand-edited store) yields the fallback instead of crashing a list. */
export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

export function bool(value: boolean): 0 | 1 {
  return value ? 1 : 0
}
