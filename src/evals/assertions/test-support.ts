import { evaluateAssertions } from './evaluate'
import type { AssertionContext, AssertionResult } from './types'

/** Runs one assertion and returns its result (tests only). */
export async function runOne(assertion: Record<string, unknown>, output: string, context: AssertionContext = {}): Promise<AssertionResult> {
  const outcome = await evaluateAssertions([assertion], output, context)
  const result = outcome.results[0]
  if (!result) throw new Error('no result')
  return result
}
