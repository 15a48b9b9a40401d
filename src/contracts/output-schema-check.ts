import Ajv, { type ErrorObject } from 'ajv'
import Ajv2019 from 'ajv/dist/2019.js'
import Ajv2020 from 'ajv/dist/2020.js'
import type { ContractProblem } from '../core/schemas/contract-editor'

/**
 * Is a contract's output schema valid JSON Schema? Checked with ajv in strict mode (unknown keywords, `required`
 * naming an undefined property, `properties` without `type: "object"` are refused: each is usually a typo that a
 * provider would reject or ignore). Draft-07 by default; `$schema` may ask for 2019-09 or 2020-12. Formats are
 * not validated (providers accept `format: "email"` and the like).
 *
 * Each problem names the place in the schema as a JSON pointer (`#/properties/age/type`) and the fix.
 */

const PATH = 'output.schema'
const MAX_PROBLEMS = 10

const instances = new Map<string, Ajv>()

/** One ajv per dialect, built once (building one compiles its meta-schemas: about 100 ms). */
function ajvFor(schema: Record<string, unknown>): Ajv {
  const requested = typeof schema.$schema === 'string' ? schema.$schema : ''
  const dialect = requested.includes('2020-12') ? '2020-12' : requested.includes('2019-09') ? '2019-09' : 'draft-07'
  let ajv = instances.get(dialect)
  if (!ajv) {
    const options = { strict: true, allErrors: true, validateFormats: false, logger: false as const }
    ajv = dialect === '2020-12' ? new Ajv2020(options) : dialect === '2019-09' ? new Ajv2019(options) : new Ajv(options)
    instances.set(dialect, ajv)
  }
  return ajv
}

function pointer(instancePath: string): string {
  return `#${instancePath}`
}

function fixFor(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>
  if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) return `use one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
  if (e.keyword === 'type' && typeof params.type === 'string') return `make it ${/^[aeiou]/.test(params.type) ? 'an' : 'a'} ${params.type}`
  if (e.keyword === 'minimum' || e.keyword === 'exclusiveMinimum') return `use a number ${e.message ?? ''}`.trim()
  if (e.keyword === 'uniqueItems') return 'remove the repeated entry'
  if (e.keyword === 'minItems') return 'add at least one entry, or remove the keyword'
  return 'correct the value'
}

/** Meta-schema failures: one per place, the most telling (an enum beats the anyOf that wraps it). */
function metaSchemaProblems(errors: readonly ErrorObject[]): ContractProblem[] {
  const byPlace = new Map<string, ErrorObject>()
  for (const e of errors) {
    if (['anyOf', 'oneOf', 'allOf', 'if'].includes(e.keyword)) continue
    if (!byPlace.has(e.instancePath)) byPlace.set(e.instancePath, e)
  }
  const picked = byPlace.size > 0 ? [...byPlace.values()] : errors.slice(0, 1)
  return picked.slice(0, MAX_PROBLEMS).map((e) => ({
    path: PATH,
    severity: 'error',
    message: `The output schema is not valid JSON Schema at ${pointer(e.instancePath)}: it ${e.message ?? 'is invalid'}; ${fixFor(e)}.`
  }))
}

/** The JSON pointer of the first object (depth first) that has `key`, for errors that do not say where. */
export function findKey(value: unknown, key: string, at = '#'): string | null {
  if (value === null || typeof value !== 'object') return null
  if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, key)) return at
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value)
  for (const [k, v] of entries) {
    const found = findKey(v, key, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    if (found) return found
  }
  return null
}

function compileProblem(schema: Record<string, unknown>, error: unknown): ContractProblem {
  const text = error instanceof Error ? error.message : String(error)
  const problem = (message: string): ContractProblem => ({ path: PATH, severity: 'error', message })
  const unknownKeyword = /^strict mode: unknown keyword: "([^"]+)"/.exec(text)
  if (unknownKeyword) {
    const key = unknownKeyword[1]!
    const where = findKey(schema, key) ?? '#'
    return problem(`The output schema uses the unknown keyword "${key}" at ${where}: correct its spelling (e.g. "properties", "required", "items") or remove it.`)
  }
  const strictRequired = /^strict mode: required property "([^"]+)" is not defined at "([^"]*)"/.exec(text)
  if (strictRequired) {
    const [, name, where] = strictRequired
    return problem(`The output schema requires "${name}" at ${where} but does not define it under "properties": add "${name}" to "properties" or remove it from "required".`)
  }
  const strictTypes = /^strict mode: missing type "([^"]+)" for keyword "([^"]+)" at "([^"]*)"/.exec(text)
  if (strictTypes) {
    const [, type, keyword, where] = strictTypes
    return problem(`The output schema uses "${keyword}" at ${where} without "type": "${type}": add "type": "${type}" there.`)
  }
  const missingRef = /^can't resolve reference (\S+)/.exec(text)
  if (missingRef) {
    const ref = missingRef[1]!
    const where = findKey(schema, '$ref') ?? '#'
    return problem(`The output schema's "$ref": "${ref}" (at ${where}) points nowhere: define it (e.g. under "$defs") or correct the reference.`)
  }
  if (/no schema with key or ref/.test(text)) {
    return problem(`The output schema's "$schema" is not a dialect Switchyard knows (${text}): use draft-07, 2019-09 or 2020-12, or remove "$schema".`)
  }
  return problem(`The output schema does not compile: ${text}. Fix the schema at the place it names.`)
}

/** Problems of an output JSON Schema (none when it is valid), plus a warning when its root is not an object. */
export function checkOutputSchema(schema: Record<string, unknown>): ContractProblem[] {
  const ajv = ajvFor(schema)
  let valid: boolean
  try {
    valid = ajv.validateSchema(schema) as boolean
  } catch (error) {
    return [compileProblem(schema, error)]
  }
  if (!valid) return metaSchemaProblems(ajv.errors ?? [])
  try {
    ajv.compile(schema)
  } catch (error) {
    return [compileProblem(schema, error)]
  } finally {
    // Checked, not kept: the shared instance must not grow with every schema the user types.
    ajv.removeSchema(schema)
  }
  if (schema.type !== 'object') {
    return [
      {
        path: PATH,
        severity: 'warning',
        message: 'The output schema\'s root is not "type": "object": most providers\' structured outputs need an object at the root; wrap the value in an object property.'
      }
    ]
  }
  return []
}
