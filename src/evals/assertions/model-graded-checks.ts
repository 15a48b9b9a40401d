import { factualityPrompt, llmRubricPrompt } from './judge-prompts'
import { parseFactualityReply, parseRubricReply, type FactualityCategory } from './judge-reply'
import type { Check, CheckOutcome, JudgeFn } from './types'
import { errored, failed, passed } from './values'

/**
 * Model-graded checks ask the judge model through `context.judge`. No judge, a judge call that fails, or a reply
 * that cannot be read are errors (the assertion could not be evaluated), never fails.
 */

const NO_JUDGE = (type: string) => `${type} needs a judge model: choose one in the suite settings`

async function askJudge(judge: JudgeFn, prompt: string, options: Parameters<JudgeFn>[1]): Promise<{ reply: string } | { error: string }> {
  try {
    const reply = await judge(prompt, options)
    if (typeof reply !== 'string' || reply.trim() === '') return { error: 'the judge model returned an empty reply' }
    return { reply }
  } catch (error) {
    return { error: `the judge model failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

export const checkLlmRubric: Check<'llm-rubric'> = async ({ assertion, value, output, context }): Promise<CheckOutcome> => {
  if (!context.judge) return errored(NO_JUDGE('llm-rubric'))
  const prompt = llmRubricPrompt({ rubric: String(value), output, question: context.prompt })
  const asked = await askJudge(context.judge, prompt, { provider: assertion.provider, type: 'llm-rubric' })
  if ('error' in asked) return errored(asked.error)
  const verdict = parseRubricReply(asked.reply, assertion.threshold)
  if ('error' in verdict) return errored(verdict.error)
  const below = assertion.threshold !== undefined && verdict.score < assertion.threshold ? ` (score ${verdict.score} < ${assertion.threshold})` : ''
  return verdict.pass ? passed(verdict.reason, verdict.score) : failed(`${verdict.reason}${below}`, verdict.score)
}

/** Default score per category: only a disagreement (D) fails, as in promptfoo. */
export const FACTUALITY_SCORES: Readonly<Record<FactualityCategory, number>> = { A: 1, B: 1, C: 1, D: 0, E: 1 }

const CATEGORY_MEANING: Record<FactualityCategory, string> = {
  A: 'a consistent subset of the reference',
  B: 'a consistent superset of the reference',
  C: 'the same details as the reference',
  D: 'in disagreement with the reference',
  E: 'different from the reference in ways that do not matter for factuality'
}

export const checkFactuality: Check<'factuality'> = async ({ assertion, value, output, context }): Promise<CheckOutcome> => {
  if (!context.judge) return errored(NO_JUDGE('factuality'))
  const prompt = factualityPrompt({ question: context.prompt, reference: String(value), output })
  const asked = await askJudge(context.judge, prompt, { provider: assertion.provider, type: 'factuality' })
  if ('error' in asked) return errored(asked.error)
  const verdict = parseFactualityReply(asked.reply)
  if ('error' in verdict) return errored(verdict.error)
  const score = assertion.config?.scores?.[verdict.category] ?? FACTUALITY_SCORES[verdict.category]
  const pass = assertion.threshold !== undefined ? score >= assertion.threshold : score > 0
  const reason = `(${verdict.category}) Output is ${CATEGORY_MEANING[verdict.category]}: ${verdict.reason}`
  return pass ? passed(reason, score) : failed(reason, score)
}
