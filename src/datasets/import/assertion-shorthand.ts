/**
 * promptfoo's CSV assertion shorthand (`__expected` columns): `type:value`, `type(threshold):value`, `not-type:value`;
 * `grade:` = llm-rubric, `fn:` / `eval:` = javascript; a bare value means equals.
 */

export type Assertion = Record<string, unknown>

const ALIASES: Record<string, string> = { grade: 'llm-rubric', fn: 'javascript', eval: 'javascript' }

const TYPES = new Set([
  'equals', 'contains', 'icontains', 'contains-any', 'contains-all', 'icontains-any', 'icontains-all', 'starts-with',
  'regex', 'is-json', 'contains-json', 'is-xml', 'contains-xml', 'is-sql', 'contains-sql', 'is-valid-openai-tools-call',
  'is-valid-openai-function-call', 'javascript', 'python', 'webhook', 'levenshtein', 'rouge-n', 'bleu', 'similar',
  'llm-rubric', 'model-graded-closedqa', 'factuality', 'model-graded-factuality', 'answer-relevance', 'context-recall',
  'context-relevance', 'context-faithfulness', 'classifier', 'moderation', 'perplexity', 'perplexity-score', 'cost',
  'latency', 'g-eval', 'select-best', 'word-count', 'is-refusal'
])

/** Types whose value is a comma-separated list. */
const LIST_TYPES = new Set(['contains-any', 'contains-all', 'icontains-any', 'icontains-all'])
/** Types that may be written without a value. */
const VALUELESS = new Set(['is-json', 'contains-json', 'is-xml', 'contains-xml', 'is-sql', 'contains-sql',
  'is-valid-openai-tools-call', 'is-valid-openai-function-call', 'perplexity', 'is-refusal'])

const SHORTHAND = /^(not-)?([a-z][a-z0-9-]*)(?:\(([^)]*)\))?(?::([\s\S]*))?$/

export interface ParsedShorthand {
  assertion: Assertion
  /** True when the cell was a bare value (equals). */
  bare: boolean
}

/** Parses one `__expected` cell; throws an Error with a readable message for a malformed threshold. */
export function parseAssertionShorthand(cell: string): ParsedShorthand {
  const m = SHORTHAND.exec(cell)
  if (m) {
    const negated = m[1] !== undefined
    const rawType = m[2] ?? ''
    const type = ALIASES[rawType] ?? rawType
    const threshold = m[3]
    const value = m[4]
    const known = TYPES.has(type)
    if (known && (value !== undefined || VALUELESS.has(type))) {
      const assertion: Assertion = { type: negated ? `not-${type}` : type }
      if (value !== undefined) {
        assertion.value = LIST_TYPES.has(type)
          ? value.split(',').map((v) => v.trim()).filter((v) => v !== '')
          : value
      }
      if (threshold !== undefined) {
        const t = Number(threshold)
        if (threshold.trim() === '' || !Number.isFinite(t)) {
          throw new Error(`threshold "${threshold}" is not a number — write e.g. ${rawType}(0.8):value`)
        }
        assertion.threshold = t
      }
      return { assertion, bare: false }
    }
  }
  return { assertion: { type: 'equals', value: cell }, bare: true }
}

/**
 * The inverse of `parseAssertionShorthand` for a CSV `__expectedN` cell, or null when the assertion has no shorthand
 * (other keys than type / value / threshold, a non-text value, an unknown type): those go to a JSON column instead.
 * The result always parses back to an equal assertion.
 */
export function toShorthand(assertion: Assertion): string | null {
  const { type, value, threshold, ...rest } = assertion
  if (Object.keys(rest).length > 0 || typeof type !== 'string') return null
  const negated = type.startsWith('not-')
  const base = negated ? type.slice(4) : type
  if (!TYPES.has(base)) return null
  if (threshold !== undefined && (typeof threshold !== 'number' || !Number.isFinite(threshold))) return null
  let text: string
  if (value === undefined) {
    if (!VALUELESS.has(base)) return null
    text = ''
  } else if (LIST_TYPES.has(base)) {
    if (!Array.isArray(value) || value.length === 0) return null
    if (!value.every((v) => typeof v === 'string' && v !== '' && v.trim() === v && !v.includes(','))) return null
    text = `:${value.join(',')}`
  } else if (typeof value === 'string') {
    text = `:${value}`
  } else {
    return null
  }
  const cell = `${type}${threshold !== undefined ? `(${threshold})` : ''}${text}`
  try {
    const back = parseAssertionShorthand(cell)
    const keys = Object.keys(assertion)
    const same = keys.length === Object.keys(back.assertion).length && keys.every((k) => JSON.stringify(back.assertion[k]) === JSON.stringify(assertion[k]))
    return !back.bare && same ? cell : null
  } catch {
    return null
  }
}
