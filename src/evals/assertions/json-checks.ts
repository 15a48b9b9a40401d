import Ajv, { type ValidateFunction } from 'ajv'
import { query, type JsonValue } from 'jsonpath-rfc9535'
import type { Check, CheckOutcome } from './types'
import { errored, failed, jsonEqual, jsonPreview, parseJsonOutput, passed } from './values'

/**
 * JSON checks. The output must be JSON as a whole (whitespace around it is fine; code fences or prose are not).
 * JSON Schemas compile once and are cached by their text (ajv, all errors, non-strict like the playground's check).
 * JSONPath follows RFC 9535 (jsonpath-rfc9535: no `eval`, filters such as `$.items[?@.price < 10]` included).
 */

const ajv = new Ajv({ allErrors: true, strict: false })
const schemaCache = new Map<string, ValidateFunction | { error: string }>()
const MAX_SCHEMAS = 200
const MAX_ERRORS = 3

function compileSchema(schema: unknown): ValidateFunction | { error: string } {
  let key: string
  let parsed: unknown = schema
  if (typeof schema === 'string') {
    key = schema
    try {
      parsed = JSON.parse(schema)
    } catch (error) {
      return { error: `the JSON Schema is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
    }
  } else {
    key = JSON.stringify(schema)
  }
  const cached = schemaCache.get(key)
  if (cached) return cached
  let compiled: ValidateFunction | { error: string }
  try {
    compiled = ajv.compile(parsed as object)
  } catch (error) {
    compiled = { error: `the JSON Schema does not compile: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (schemaCache.size >= MAX_SCHEMAS) schemaCache.clear()
  schemaCache.set(key, compiled)
  return compiled
}

function validate(schema: unknown, value: unknown, what: string): CheckOutcome {
  const validator = compileSchema(schema)
  if ('error' in validator) return errored(validator.error)
  if (validator(value)) return passed(`${what} and matches the schema`)
  const errors = (validator.errors ?? []).slice(0, MAX_ERRORS).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
  const more = (validator.errors?.length ?? 0) > MAX_ERRORS ? ` (and ${(validator.errors?.length ?? 0) - MAX_ERRORS} more)` : ''
  return failed(`${what} but does not match the schema: ${errors.join('; ')}${more}`)
}

export const checkIsJson: Check<'is-json'> = ({ value, output }) => {
  const parsed = parseJsonOutput(output)
  if (!parsed.ok) return failed(`Output is not valid JSON: ${parsed.message}`)
  if (value === undefined) return passed('Output is valid JSON')
  return validate(value, parsed.value, 'Output is valid JSON')
}

export const checkJsonSchema: Check<'json-schema'> = ({ value, output }) => {
  const parsed = parseJsonOutput(output)
  if (!parsed.ok) return failed(`Output is not valid JSON, so it cannot match the schema: ${parsed.message}`)
  return validate(value, parsed.value, 'Output is JSON')
}

export const checkJsonPath: Check<'json-path'> = ({ value, output }) => {
  const spec = value as { path: string; equals?: unknown; matches?: string }
  const parsed = parseJsonOutput(output)
  if (!parsed.ok) return failed(`Output is not valid JSON, so ${spec.path} cannot be read: ${parsed.message}`)
  let nodes: unknown[]
  try {
    nodes = query(parsed.value as JsonValue, spec.path)
  } catch (error) {
    return errored(`${JSON.stringify(spec.path)} is not a valid JSONPath (RFC 9535): ${error instanceof Error ? error.message : String(error)}`)
  }
  if (nodes.length === 0) return failed(`${spec.path} matches nothing in the output`)
  // One match compares as that value; several compare as the list of matched values.
  const found = nodes.length === 1 ? nodes[0] : nodes
  if (spec.equals !== undefined) {
    return jsonEqual(found, spec.equals)
      ? passed(`${spec.path} equals ${jsonPreview(spec.equals)}`)
      : failed(`${spec.path} is ${jsonPreview(found)}, not ${jsonPreview(spec.equals)}`)
  }
  if (spec.matches !== undefined) {
    const pattern = new RegExp(spec.matches)
    const misses = nodes.filter((n) => !pattern.test(typeof n === 'string' ? n : JSON.stringify(n)))
    return misses.length === 0
      ? passed(`${spec.path} matches /${spec.matches}/ (${nodes.length === 1 ? jsonPreview(found) : `all ${nodes.length} values`})`)
      : failed(`${spec.path} does not match /${spec.matches}/: ${jsonPreview(misses.length === 1 ? misses[0] : misses)}`)
  }
  return passed(`${spec.path} exists (${jsonPreview(found)})`)
}
