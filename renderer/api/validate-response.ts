import { apiContract } from '../../src/core/api-contract'
import type { OperationName, ResponseOf } from '../../src/core/api-contract'
import { AppError, issuesFromZod } from '../../src/core/errors'

/**
 * Checks an engine answer against the contract, so a drift between engine and renderer shows up as one clear
 * error at the boundary instead of as `undefined` deep inside a component.
 */
export function validateResponse<K extends OperationName>(op: K, data: unknown): ResponseOf<K> {
  const parsed = apiContract[op].response.safeParse(data)
  if (parsed.success) return parsed.data as ResponseOf<K>
  const issues = issuesFromZod(parsed.error)
  const first = issues[0]
  const where = first ? ` (${first.path || '(root)'}: ${first.message})` : ''
  return fail(new AppError('INTERNAL', `The engine answered ${op} with an unexpected shape${where}`, issues))
}

function fail(error: AppError): never {
  throw error
}
