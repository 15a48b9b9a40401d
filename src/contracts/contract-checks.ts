import { contractValidationError, validateContractBody } from '../core/contract-validation'
import { issuesFromZod } from '../core/errors'
import { ContractBodyInput } from '../core/schemas/contract-editor'
import type { ContractProblem } from '../core/schemas/contract-editor'
import type { ContractVersionBody } from '../core/schemas/workspace'
import { checkOutputSchema } from './output-schema-check'

/** The editor's field order, so problems read top to bottom. */
const FIELD_ORDER = ['messages', 'variables', 'output', 'params', 'budgets', 'candidates', 'fallback']
const rank = (p: ContractProblem): number => {
  const i = FIELD_ORDER.indexOf(p.path.split('.')[0] ?? '')
  return i < 0 ? FIELD_ORDER.length : i
}

/** Every problem of a well-shaped body: the pure checks (template ↔ variables, …) and the output schema (ajv). */
export function checkContractBody(body: ContractVersionBody): ContractProblem[] {
  const problems = validateContractBody(body)
  if (body.output.kind === 'json_schema') problems.push(...checkOutputSchema(body.output.schema))
  return problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p)
}

/** Refuses a body with any error (VALIDATION_FAILED, every error as an issue under `body.`); warnings pass. */
export function assertContractBody(body: ContractVersionBody): void {
  const error = contractValidationError(checkContractBody(body))
  if (error) throw error
}

/** Problems of any value offered as a body: its shape first (zod), then the checks above when it has one. */
export function problemsOfUnknownBody(value: unknown): ContractProblem[] {
  const parsed = ContractBodyInput.safeParse(value)
  if (!parsed.success) return issuesFromZod(parsed.error).map((i) => ({ path: i.path, severity: 'error', message: `${i.path || 'body'}: ${i.message}` }))
  return checkContractBody(parsed.data)
}
