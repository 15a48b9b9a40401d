import type { JobEventEnvelope } from '../src/core/schemas/jobs'

/**
 * The part of the engine (src/api/engine.ts) that main/ talks to. Declared locally so main/ compiles and is tested
 * without the engine: `dispatch` validates the request with the contract's zod schema and throws AppError
 * (VALIDATION_FAILED naming the field, NOT_FOUND for an unknown operation).
 */
export type EngineLike = {
  dispatch(op: string, request: unknown): Promise<unknown>
  onJobEvent(listener: (event: JobEventEnvelope) => void): () => void
}
