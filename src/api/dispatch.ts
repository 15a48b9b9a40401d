import { apiContract, isOperationName, type OperationName, type ParsedRequestOf, type ResponseOf } from '../core/api-contract'
import { AppError, validationError } from '../core/errors'

/** One handler per operation; the compiler rejects a missing or extra one. */
export type Handlers = {
  [K in OperationName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>> | ResponseOf<K>
}

export type Dispatch = (op: string, request: unknown) => Promise<unknown>

/**
 * The single door into the engine for every face: looks the operation up, validates the request with its zod
 * schema (VALIDATION_FAILED naming the field), runs the handler and shapes the response through its schema, which
 * also drops any field the contract does not declare (so nothing undeclared, such as a secret, can leak out).
 */
export function createDispatch(handlers: Handlers): Dispatch {
  return async (op, request) => {
    if (!isOperationName(op)) {
      throw new AppError('NOT_FOUND', `Unknown operation "${op}". Operations are named domain.verb, e.g. "app.info".`)
    }
    const spec = apiContract[op]
    const parsed = spec.request.safeParse(request ?? {})
    if (!parsed.success) throw validationError(`request for ${op}`, parsed.error)
    const handler = handlers[op] as (req: unknown) => Promise<unknown> | unknown
    const result = await handler(parsed.data)
    const shaped = spec.response.safeParse(result)
    if (!shaped.success) {
      throw new AppError('INTERNAL', `The engine produced an invalid response for ${op}: ${shaped.error.issues[0]?.message ?? 'unknown'}`)
    }
    return shaped.data
  }
}
