import type { MatchLogic } from '@pydantic/genai-prices'

/**
 * The catalog's MatchLogic, compiled once into a predicate. @pydantic/genai-prices 0.1.8 does not export its
 * matcher, so this mirrors it exactly: equals/starts_with/ends_with/contains compare case-insensitively, `regex`
 * is tested as written (the package lowercases the model id before matching, and so does `normalizeModelId`),
 * `and`/`or` combine. `match-logic.test.ts` checks the result against the package's own `calcPrice` resolution.
 */
export type ModelIdPredicate = (modelId: string) => boolean

export function compileMatch(logic: MatchLogic): ModelIdPredicate {
  if ('or' in logic) {
    const parts = logic.or.map(compileMatch)
    return (id) => parts.some((p) => p(id))
  }
  if ('and' in logic) {
    const parts = logic.and.map(compileMatch)
    return (id) => parts.every((p) => p(id))
  }
  if ('equals' in logic) {
    const value = logic.equals.toLowerCase()
    return (id) => id.toLowerCase() === value
  }
  if ('starts_with' in logic) {
    const value = logic.starts_with.toLowerCase()
    return (id) => id.toLowerCase().startsWith(value)
  }
  if ('ends_with' in logic) {
    const value = logic.ends_with.toLowerCase()
    return (id) => id.toLowerCase().endsWith(value)
  }
  if ('contains' in logic) {
    const value = logic.contains.toLowerCase()
    return (id) => id.toLowerCase().includes(value)
  }
  if ('regex' in logic) {
    const pattern = new RegExp(logic.regex)
    return (id) => pattern.test(id)
  }
  return () => false
}

/** How the package prepares a model id before matching: trimmed and lowercased. */
export function normalizeModelId(modelId: string): string {
  return modelId.toLowerCase().trim()
}

/** A compact date suffix (`-20240620`) as the catalog writes it (`-2024-06-20`); the package's second attempt. */
const COMPACT_DATE = /(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g

export function expandDateSuffix(modelId: string): string {
  return modelId.replace(COMPACT_DATE, (whole: string, dash: string, y: string, m: string, d: string) => {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
    const valid = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)
    return valid ? `${dash}${y}-${m}-${d}` : whole
  })
}
