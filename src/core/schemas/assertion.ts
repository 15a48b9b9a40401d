import { z } from 'zod'

/**
 * Assertions as stored in a dataset case or a suite, in promptfoo's shape:
 * `{ type, value?, threshold?, weight?, metric?, provider?, config? }`, any type negated with a `not-` prefix, and
 * `{ type: 'assert-set', assert: [...], threshold?, weight?, metric? }` groups (one level, as in promptfoo).
 *
 * Where a type compares the output with a reference text (equals, contains, icontains, starts-with, levenshtein,
 * similar, factuality), `value` may be left out: the case's expected output is used instead.
 * Objects are strict: a key we do not understand (e.g. promptfoo's `transform`) is an error, never silently dropped.
 */

export const ASSERTION_TYPES = [
  'equals',
  'contains',
  'icontains',
  'contains-any',
  'contains-all',
  'icontains-any',
  'icontains-all',
  'regex',
  'starts-with',
  'is-json',
  'json-schema',
  'json-path',
  'levenshtein',
  'similar',
  'latency',
  'ttft',
  'cost',
  'llm-rubric',
  'factuality',
  'javascript'
] as const
export type AssertionBaseType = (typeof ASSERTION_TYPES)[number]
export type AssertionTypeName = AssertionBaseType | `not-${AssertionBaseType}`

/** Types whose `value` defaults to the case's expected output. */
export const EXPECTED_AS_VALUE_TYPES: ReadonlySet<AssertionBaseType> = new Set([
  'equals',
  'contains',
  'icontains',
  'starts-with',
  'levenshtein',
  'similar',
  'factuality'
])

export function isNegatedType(type: string): boolean {
  return type.startsWith('not-')
}

/** `not-contains` → `contains`; `contains` → `contains`. */
export function assertionBaseType(type: AssertionTypeName): AssertionBaseType {
  return (isNegatedType(type) ? type.slice(4) : type) as AssertionBaseType
}

const KNOWN = `known types: ${ASSERTION_TYPES.join(', ')}, assert-set (each may take a not- prefix, except assert-set)`

const threshold = (what: string) => z.number({ error: `threshold must be a number (${what})` }).finite()
const weight = z.number({ error: 'weight must be a number ≥ 0 (default 1)' }).finite().nonnegative('weight must be ≥ 0 (0 reports the score without ever failing)')
const metric = z.string().trim().min(1, 'metric must be a non-empty name').max(100)
/** A judge or embeddings provider override: an id such as `openai/gpt-4.1-mini` or an object the runner understands. */
const provider = z.union([z.string().min(1), z.record(z.string(), z.unknown())])
const config = z.record(z.string(), z.unknown())

const text = (type: string) =>
  z.union([z.string(), z.number(), z.boolean()], { error: `${type} needs a text value` }).transform(String)
const nonEmptyText = (type: string) =>
  text(type).refine((s) => s.length > 0, `${type} needs a non-empty value (leave value out to use the case's expected output)`)
const textList = (type: string) =>
  z
    .union([z.array(z.union([z.string(), z.number()]).transform(String)), z.string()], {
      error: `${type} needs a list of texts (or one comma-separated text)`
    })
    .transform((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v).filter((s) => s.length > 0))
    .refine((list) => list.length > 0, `${type} needs at least one non-empty text`)
const jsonSchemaValue = (type: string) =>
  z.union([z.record(z.string(), z.unknown()), z.string().min(1)], { error: `${type} needs a JSON Schema (an object, or its JSON text)` })

function compiles(pattern: string, flags: string | undefined): string | null {
  try {
    new RegExp(pattern, flags)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

const RegexConfig = z.strictObject({ flags: z.string().regex(/^[dgimsuvy]*$/, 'flags may only hold d g i m s u v y').optional() })

const JsonPathValue = z
  .strictObject(
    {
      path: z.string({ error: 'json-path needs value.path, e.g. "$.answer"' }).trim().startsWith('$', 'a JSONPath starts with $, e.g. "$.items[0].id"'),
      equals: z.unknown().optional(),
      matches: z.string().optional()
    },
    { error: 'json-path needs value { path, equals? | matches? }' }
  )
  .refine((v) => !(v.equals !== undefined && v.matches !== undefined), 'json-path takes equals or matches, not both')
  .refine((v) => v.matches === undefined || compiles(v.matches, undefined) === null, 'json-path value.matches is not a valid regular expression')

const names = <T extends AssertionBaseType>(base: T) => z.enum([base, `not-${base}`] as [T, `not-${T}`])

/** Common optional keys; `threshold` only where the type uses one. */
const common = { weight: weight.optional(), metric: metric.optional() }

const textTypes = ['equals', 'contains', 'icontains', 'starts-with'] as const
const listTypes = ['contains-any', 'contains-all', 'icontains-any', 'icontains-all'] as const
const metricTypes = { latency: 'milliseconds', ttft: 'milliseconds', cost: 'US dollars' } as const

const singleOptions = [
  z.strictObject({ type: names('equals'), value: z.unknown().optional(), ...common }),
  ...textTypes.slice(1).map((t) => z.strictObject({ type: names(t), value: nonEmptyText(t).optional(), ...common })),
  ...listTypes.map((t) => z.strictObject({ type: names(t), value: textList(t), ...common })),
  z
    .strictObject({
      type: names('regex'),
      value: z.string({ error: 'regex needs a pattern in value' }).min(1, 'regex needs a pattern in value'),
      config: RegexConfig.optional(),
      ...common
    })
    .superRefine((a, ctx) => {
      const problem = compiles(a.value, a.config?.flags)
      if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: `not a valid regular expression: ${problem}` })
    }),
  z.strictObject({ type: names('is-json'), value: jsonSchemaValue('is-json').optional(), ...common }),
  z.strictObject({ type: names('json-schema'), value: jsonSchemaValue('json-schema'), ...common }),
  z.strictObject({ type: names('json-path'), value: JsonPathValue, ...common }),
  z.strictObject({
    type: names('levenshtein'),
    value: text('levenshtein').optional(),
    threshold: threshold('the largest edit distance that passes; default 5').nonnegative().optional(),
    ...common
  }),
  z.strictObject({
    type: names('similar'),
    value: z.union([text('similar'), z.array(text('similar')).min(1)]).optional(),
    threshold: threshold('the smallest cosine similarity that passes, 0..1; default 0.75').min(-1).max(1).optional(),
    provider: provider.optional(),
    ...common
  }),
  ...(Object.entries(metricTypes) as Array<[keyof typeof metricTypes, string]>).map(([t, unit]) =>
    z.strictObject({
      type: names(t),
      threshold: z
        .number({ error: `${t} needs a threshold: the largest value that passes, in ${unit}` })
        .finite()
        .nonnegative(`${t} threshold must be ≥ 0`),
      ...common
    })
  ),
  z.strictObject({
    type: names('llm-rubric'),
    value: z.string({ error: 'llm-rubric needs the rubric text in value' }).trim().min(1, 'llm-rubric needs the rubric text in value'),
    threshold: threshold('the smallest judge score that passes, 0..1').min(0).max(1).optional(),
    provider: provider.optional(),
    ...common
  }),
  z.strictObject({
    type: names('factuality'),
    value: text('factuality').optional(),
    threshold: threshold('the smallest score that passes, 0..1').min(0).max(1).optional(),
    provider: provider.optional(),
    config: z
      .strictObject({
        /** Score per judge category (A subset, B superset, C same, D disagrees, E differs harmlessly). */
        scores: z.partialRecord(z.enum(['A', 'B', 'C', 'D', 'E']), z.number().min(0).max(1)).optional()
      })
      .optional(),
    ...common
  }),
  z.strictObject({
    type: names('javascript'),
    value: z.string({ error: 'javascript needs code in value, e.g. "output.length < 200"' }).trim().min(1, 'javascript needs code in value'),
    threshold: threshold('when the code returns a number, the smallest that passes').optional(),
    config: config.optional(),
    ...common
  })
] as const

function unknownTypeMessage(input: unknown): string {
  const type = input && typeof input === 'object' ? (input as { type?: unknown }).type : undefined
  if (type === undefined) return `an assertion needs a type; ${KNOWN}`
  if (type === 'assert-set') return 'assert-set groups cannot be nested (promptfoo allows one level)'
  if (type === 'not-assert-set') return 'assert-set cannot be negated; negate the assertions inside it'
  return `unknown assertion type ${JSON.stringify(type)}; ${KNOWN}`
}

const unionError = (issue: { code?: string; input?: unknown }) =>
  issue.code === 'invalid_union' ? unknownTypeMessage(issue.input) : undefined

/** One assertion (not a group). */
export const SingleAssertion = z.discriminatedUnion('type', [...singleOptions], { error: unionError })
export type SingleAssertion = z.infer<typeof SingleAssertion>

export const AssertionSet = z.strictObject({
  type: z.literal('assert-set'),
  assert: z.array(SingleAssertion, { error: 'assert-set needs a list of assertions in assert' }).min(1, 'assert-set needs at least one assertion'),
  threshold: threshold('the smallest weighted score of the group that passes, 0..1').min(0).max(1).optional(),
  ...common
})
export type AssertionSet = z.infer<typeof AssertionSet>

/** An assertion or an assert-set group. */
export const Assertion = z.discriminatedUnion('type', [SingleAssertion, AssertionSet], { error: unionError })
export type Assertion = z.infer<typeof Assertion>
/** What a user may write (before defaults and coercions). */
export type AssertionInput = z.input<typeof Assertion>

export const AssertionList = z.array(Assertion)
export type AssertionList = z.infer<typeof AssertionList>
