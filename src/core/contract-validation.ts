import { AppError } from './errors'
import type { ContractProblem } from './schemas/contract-editor'
import type { ContractVersionBody, ModelRef, VariableSpec } from './schemas/workspace'
import { renderTemplate, templateVariableUses } from './templating'

/**
 * Checks of a contract body beyond its zod shape, each naming the place and the fix:
 * - errors (saving is refused): no message, an empty message, a template that does not parse, a template naming a
 *   variable the table does not declare, a variable declared twice, an example that does not fit its type, a
 *   candidate listed twice;
 * - warnings (shown, saving allowed): a declared variable no message uses, an optional variable the template needs
 *   outside an optional section, a fallback listed twice or equal to the first candidate.
 * The output schema's JSON Schema validity is checked by the engine with ajv (src/contracts/output-schema-check.ts).
 */

type Body = Pick<ContractVersionBody, 'messages' | 'variables'> & Partial<Pick<ContractVersionBody, 'candidates' | 'fallback'>>

const error = (path: string, message: string): ContractProblem => ({ path, severity: 'error', message })
const warning = (path: string, message: string): ContractProblem => ({ path, severity: 'warning', message })

function messageLabel(index: number, role: string): string {
  return `Message ${index + 1} (${role})`
}

function syntaxProblem(content: string): string | null {
  const uses = templateVariableUses(content)
  try {
    renderTemplate(content, Object.fromEntries(uses.map((u) => [u.name, 'x'])))
    return null
  } catch (e) {
    return e instanceof AppError ? e.message : String(e)
  }
}

function exampleProblem(v: VariableSpec): string | null {
  if (v.example === undefined || v.example === '') return null
  if (v.type === 'number' && !Number.isFinite(Number(v.example.trim()))) return `is not a number: write digits such as 42 or 0.5, or change the type to string`
  if (v.type === 'boolean' && !['true', 'false'].includes(v.example.trim())) return `is not a boolean: write true or false, or change the type to string`
  if (v.type === 'json') {
    try {
      JSON.parse(v.example)
    } catch {
      return 'is not valid JSON: write a JSON value such as {"a": 1} or "text" (strings in quotes), or change the type to string'
    }
  }
  return null
}

function modelKey(m: ModelRef): string {
  return `${m.providerId}/${m.modelId}`
}

function templateProblems(body: Body, declared: Map<string, VariableSpec>): ContractProblem[] {
  const problems: ContractProblem[] = []
  if (body.messages.length === 0) {
    problems.push(error('messages', 'The contract has no message: add at least one (usually a system message and a user message with the {{variables}}).'))
  }
  const used = new Map<string, boolean>()
  body.messages.forEach((m, i) => {
    const where = messageLabel(i, m.role)
    const path = `messages.${i}.content`
    if (m.content.trim() === '') {
      problems.push(error(path, `${where} is empty: write its template or remove the message.`))
      return
    }
    const syntax = syntaxProblem(m.content)
    if (syntax) problems.push(error(path, `${where}: ${syntax}`))
    for (const use of templateVariableUses(m.content)) {
      used.set(use.name, (used.get(use.name) ?? false) || use.required)
      if (!declared.has(use.name)) {
        problems.push(
          error(
            path,
            `${where} uses {{${use.name}}}, which is not a declared variable: add "${use.name}" to the variables (or press "Add from template"), or correct the name in the template.`
          )
        )
      }
    }
  })
  for (const [name, spec] of declared) {
    const index = body.variables.indexOf(spec)
    if (!used.has(name)) {
      problems.push(warning(`variables.${index}.name`, `Variable "${name}" is declared but no message uses it: write {{${name}}} in a message or remove the variable.`))
    } else if (used.get(name) && !spec.required) {
      problems.push(
        warning(
          `variables.${index}.required`,
          `Variable "${name}" is marked optional, but a message uses {{${name}}} outside an optional section, so a run without it fails: mark it required, or wrap that use in {{#${name}}}…{{/${name}}}.`
        )
      )
    }
  }
  return problems
}

function variableProblems(variables: readonly VariableSpec[]): { problems: ContractProblem[]; declared: Map<string, VariableSpec> } {
  const problems: ContractProblem[] = []
  const declared = new Map<string, VariableSpec>()
  const firstRow = new Map<string, number>()
  variables.forEach((v, i) => {
    const seen = firstRow.get(v.name)
    if (seen !== undefined) {
      problems.push(error(`variables.${i}.name`, `Variable "${v.name}" is declared twice (rows ${seen + 1} and ${i + 1}): rename or remove one of them.`))
    } else {
      firstRow.set(v.name, i)
      declared.set(v.name, v)
    }
    const example = exampleProblem(v)
    if (example) problems.push(error(`variables.${i}.example`, `The example of "${v.name}" (type ${v.type}) ${example}.`))
  })
  return { problems, declared }
}

function modelProblems(body: Body): ContractProblem[] {
  const problems: ContractProblem[] = []
  const seen = new Set<string>()
  ;(body.candidates ?? []).forEach((c, i) => {
    const key = modelKey(c)
    if (seen.has(key)) problems.push(error(`candidates.${i}`, `Candidate ${key} is listed twice: remove the second one.`))
    seen.add(key)
  })
  const fallbackSeen = new Set<string>()
  const primary = body.candidates?.[0]
  ;(body.fallback?.fallbacks ?? []).forEach((f, i) => {
    const key = modelKey(f)
    if (fallbackSeen.has(key)) problems.push(warning(`fallback.fallbacks.${i}`, `Fallback ${key} is listed twice: remove the second one.`))
    else if (primary && modelKey(primary) === key) {
      problems.push(warning(`fallback.fallbacks.${i}`, `Fallback ${key} is the first candidate itself: a fallback should be another model.`))
    }
    fallbackSeen.add(key)
  })
  return problems
}

/** Every problem of a body, errors and warnings, in the order of the editor's fields. */
export function validateContractBody(body: Body): ContractProblem[] {
  const { problems: variableIssues, declared } = variableProblems(body.variables)
  return [...templateProblems(body, declared), ...variableIssues, ...modelProblems(body)]
}

export function contractErrors(problems: readonly ContractProblem[]): ContractProblem[] {
  return problems.filter((p) => p.severity === 'error')
}

/**
 * The refusal for a body with errors: VALIDATION_FAILED, the first problem in the message, every error as an
 * issue (paths under `prefix`, e.g. `body.`). Null when there is no error.
 */
export function contractValidationError(problems: readonly ContractProblem[], prefix = 'body.'): AppError | null {
  const errors = contractErrors(problems)
  const first = errors[0]
  if (!first) return null
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''
  return new AppError(
    'VALIDATION_FAILED',
    `The contract was not saved: ${first.message}${more}`,
    errors.map((p) => ({ path: `${prefix}${p.path}`, message: p.message }))
  )
}

/**
 * The variables a template uses that the table lacks, as new rows (string, required when used outside a section),
 * for "Add from template". Declared variables are kept as they are.
 */
export function variablesFromTemplate(messages: ContractVersionBody['messages'], existing: readonly VariableSpec[]): VariableSpec[] {
  const have = new Set(existing.map((v) => v.name))
  const found = new Map<string, boolean>()
  for (const m of messages) {
    for (const use of templateVariableUses(m.content)) found.set(use.name, (found.get(use.name) ?? false) || use.required)
  }
  return [...found].filter(([name]) => !have.has(name)).map(([name, required]) => ({ name, type: 'string', description: '', required }))
}
