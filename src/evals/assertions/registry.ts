import type { AssertionBaseType } from '../../core/schemas/assertion'
import { checkLevenshtein, checkSimilar } from './distance-checks'
import { checkJavascript } from './javascript-check'
import { checkIsJson, checkJsonPath, checkJsonSchema } from './json-checks'
import { checkCost, checkLatency, checkTtft } from './metric-checks'
import { checkFactuality, checkLlmRubric } from './model-graded-checks'
import {
  checkContains,
  checkContainsAll,
  checkContainsAny,
  checkEquals,
  checkIContains,
  checkIContainsAll,
  checkIContainsAny,
  checkRegex,
  checkStartsWith
} from './text-checks'
import type { Check } from './types'

/** The check for every base type (negation, weights and groups are handled by evaluateAssertions). */
export const CHECKS: { readonly [T in AssertionBaseType]: Check<T> } = {
  equals: checkEquals,
  contains: checkContains,
  icontains: checkIContains,
  'contains-any': checkContainsAny,
  'contains-all': checkContainsAll,
  'icontains-any': checkIContainsAny,
  'icontains-all': checkIContainsAll,
  regex: checkRegex,
  'starts-with': checkStartsWith,
  'is-json': checkIsJson,
  'json-schema': checkJsonSchema,
  'json-path': checkJsonPath,
  levenshtein: checkLevenshtein,
  similar: checkSimilar,
  latency: checkLatency,
  ttft: checkTtft,
  cost: checkCost,
  'llm-rubric': checkLlmRubric,
  factuality: checkFactuality,
  javascript: checkJavascript
}

/** Types that call a model (judge or embeddings): the runner may want to count or limit them. */
export const MODEL_CALLING_TYPES: ReadonlySet<AssertionBaseType> = new Set(['llm-rubric', 'factuality', 'similar'])
