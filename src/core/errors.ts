import { z } from 'zod'

/**
 * Error codes shared by every face. The engine throws AppError; IPC, HTTP and the CLI serialise it as
 * an ApiError envelope ({ code, message, issues? }) because Electron only carries `message` across IPC.
 */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'CONFLICT',
  'STORE_UNAVAILABLE',
  'STORE_TOO_NEW',
  'CANCELLED',
  'UPSTREAM',
  'INTERNAL'
])
export type ErrorCode = z.infer<typeof ErrorCode>

export const ApiIssue = z.object({
  /** Dotted path of the offending field, e.g. `providerId` or `messages.0.content`. Empty for the root. */
  path: z.string(),
  message: z.string()
})
export type ApiIssue = z.infer<typeof ApiIssue>

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ApiIssue).optional()
})
export type ApiError = z.infer<typeof ApiError>

export class AppError extends Error {
  readonly code: ErrorCode
  readonly issues: ApiIssue[] | undefined

  constructor(code: ErrorCode, message: string, issues?: ApiIssue[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.issues = issues
  }

  toJSON(): ApiError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message }
  }
}

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  STORE_UNAVAILABLE: 503,
  STORE_TOO_NEW: 503,
  CANCELLED: 409,
  UPSTREAM: 502,
  INTERNAL: 500
}

/** Turns a zod error into issues that name the bad field, for a VALIDATION_FAILED AppError. */
export function issuesFromZod(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message
  }))
}

export function validationError(where: string, error: z.ZodError): AppError {
  const issues = issuesFromZod(error)
  const first = issues[0]
  const summary = first ? `${first.path || '(root)'}: ${first.message}` : 'invalid input'
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  return new AppError('VALIDATION_FAILED', `Invalid ${where}: ${summary}${more}`, issues)
}

/** Any thrown value as an ApiError; unknown errors become INTERNAL with their message. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toJSON()
  if (error instanceof z.ZodError) return validationError('value', error).toJSON()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message }
}

export function fromApiError(error: ApiError): AppError {
  return new AppError(error.code, error.message, error.issues)
}
