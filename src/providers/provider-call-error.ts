import type { ErrorClass } from '../core/schemas/run'

/** A classified provider failure from a non-streaming helper (list models, test connection). Message is redacted. */
export class ProviderCallError extends Error {
  readonly errorClass: ErrorClass
  readonly httpStatus: number | null

  constructor(errorClass: ErrorClass, message: string, httpStatus: number | null = null) {
    super(message)
    this.name = 'ProviderCallError'
    this.errorClass = errorClass
    this.httpStatus = httpStatus
  }
}
