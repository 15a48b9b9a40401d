import type { Check, CheckOutcome } from './types'
import { failed, jsonEqual, jsonPreview, parseJsonOutput, passed, quote } from './values'

/**
 * Text checks. Reasons state what was observed ("Output contains …" / "Output does not contain …"), so they read
 * right for the `not-` form too.
 */

export const checkEquals: Check<'equals'> = ({ value, output }) => {
  if (typeof value === 'string') {
    return output === value ? passed(`Output equals ${quote(value)}`) : failed(`Output ${quote(output)} does not equal ${quote(value)}`)
  }
  // A non-text value (number, object, list) compares with the output read as JSON.
  const parsed = parseJsonOutput(output)
  if (!parsed.ok) return failed(`Output is not JSON, so it cannot equal ${jsonPreview(value)}: ${parsed.message}`)
  return jsonEqual(parsed.value, value)
    ? passed(`Output equals ${jsonPreview(value)} as JSON`)
    : failed(`Output ${jsonPreview(parsed.value)} does not equal ${jsonPreview(value)} as JSON`)
}

function containsCheck(ignoreCase: boolean): Check<'contains' | 'icontains'> {
  return ({ value, output }) => {
    const needle = String(value)
    const found = ignoreCase ? output.toLowerCase().includes(needle.toLowerCase()) : output.includes(needle)
    const how = ignoreCase ? ' (ignoring case)' : ''
    return found ? passed(`Output contains ${quote(needle)}${how}`) : failed(`Output does not contain ${quote(needle)}${how}`)
  }
}

export const checkContains = containsCheck(false)
export const checkIContains = containsCheck(true)

function listCheck(mode: 'any' | 'all', ignoreCase: boolean): Check<'contains-any' | 'contains-all' | 'icontains-any' | 'icontains-all'> {
  return ({ value, output }): CheckOutcome => {
    const needles = (value as string[]).map(String)
    const haystack = ignoreCase ? output.toLowerCase() : output
    const found = needles.filter((n) => haystack.includes(ignoreCase ? n.toLowerCase() : n))
    const missing = needles.filter((n) => !found.includes(n))
    const how = ignoreCase ? ' (ignoring case)' : ''
    const list = (items: string[]) => items.map((s) => quote(s, 30)).join(', ')
    if (mode === 'any') {
      return found.length > 0
        ? passed(`Output contains ${list(found)}${how}`)
        : failed(`Output contains none of ${list(needles)}${how}`)
    }
    return missing.length === 0
      ? passed(`Output contains all of ${list(needles)}${how}`)
      : failed(`Output does not contain ${list(missing)}${how} (${found.length} of ${needles.length} found)`, found.length / needles.length)
  }
}

export const checkContainsAny = listCheck('any', false)
export const checkContainsAll = listCheck('all', false)
export const checkIContainsAny = listCheck('any', true)
export const checkIContainsAll = listCheck('all', true)

export const checkStartsWith: Check<'starts-with'> = ({ value, output }) => {
  const prefix = String(value)
  return output.startsWith(prefix) ? passed(`Output starts with ${quote(prefix)}`) : failed(`Output starts with ${quote(output, 30)}, not ${quote(prefix)}`)
}

const regexCache = new Map<string, RegExp>()

export const checkRegex: Check<'regex'> = ({ assertion, value, output }) => {
  const flags = (assertion.config?.flags ?? '').replace(/[gy]/g, '') // test() with g or y would keep state between calls
  const key = `${flags}/${String(value)}`
  let pattern = regexCache.get(key)
  if (!pattern) {
    pattern = new RegExp(String(value), flags)
    if (regexCache.size > 500) regexCache.clear()
    regexCache.set(key, pattern)
  }
  const shown = `/${String(value)}/${flags}`
  const match = pattern.exec(output)
  return match ? passed(`Output matches ${shown} at ${quote(match[0], 40)}`) : failed(`Output does not match ${shown}`)
}
