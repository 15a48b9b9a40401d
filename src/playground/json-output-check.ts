import Ajv, { type ValidateFunction } from 'ajv'
import type { OutputMode } from '../core/schemas/playground'

export interface JsonCheck {
  valid: boolean
  errors: string[]
  /** The parsed value when the text is JSON (even if it fails the schema). */
  value: unknown
  parsed: boolean
}

const MAX_ERRORS = 5

/**
 * Checks a JSON-mode answer: it must parse as JSON (an object for `json_object`) and, for `json_schema`, validate
 * against the schema. One checker per run: the schema compiles once.
 */
export function createJsonChecker(output: OutputMode): ((text: string) => JsonCheck) | null {
  if (output.kind === 'text') return null
  let validate: ValidateFunction | null = null
  let schemaError: string | null = null
  if (output.kind === 'json_schema') {
    try {
      validate = new Ajv({ allErrors: true, strict: false }).compile(output.schema)
    } catch (error) {
      schemaError = `The output schema does not compile: ${error instanceof Error ? error.message : String(error)}`
    }
  }
  return (text) => {
    let value: unknown
    try {
      value = JSON.parse(text.trim())
    } catch (error) {
      return { valid: false, parsed: false, value: undefined, errors: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`] }
    }
    if (output.kind === 'json_object' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      return { valid: false, parsed: true, value, errors: ['Expected a JSON object'] }
    }
    if (schemaError) return { valid: false, parsed: true, value, errors: [schemaError] }
    if (validate && !validate(value)) {
      const errors = (validate.errors ?? []).slice(0, MAX_ERRORS).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
      return { valid: false, parsed: true, value, errors }
    }
    return { valid: true, parsed: true, value, errors: [] }
  }
}
