import { AppError } from '../../src/core/errors'

/** Any rejection as an AppError (stores keep AppErrors so the UI can show the engine's code). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  return new AppError('INTERNAL', error instanceof Error ? error.message : String(error))
}
