import type { CheckOutcome } from './types'

/** A short quoted preview of a text for reasons: `"Hello wor…"` (60 characters at most). */
export function quote(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ')
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine)
}

export function passed(reason: string, score = 1): CheckOutcome {
  return { pass: true, score, reason }
}

export function failed(reason: string, score = 0): CheckOutcome {
  return { pass: false, score, reason }
}

export function errored(error: string): CheckOutcome {
  return { error }
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string }

/** The whole output as JSON (surrounding whitespace allowed; no code fences or prose). */
export function parseJsonOutput(output: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(output) }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/** Structural equality of JSON values (object key order does not matter, array order does). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]))
  }
  const ak = Object.keys(a as object)
  const bk = Object.keys(b as object)
  if (ak.length !== bk.length) return false
  const bo = b as Record<string, unknown>
  return ak.every((k) => Object.hasOwn(bo, k) && jsonEqual((a as Record<string, unknown>)[k], bo[k]))
}

/** Compact JSON for reasons, shortened. */
export function jsonPreview(value: unknown, max = 60): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > max ? `${text.slice(0, max)}…` : text
}
