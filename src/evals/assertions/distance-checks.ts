import { distance } from 'fastest-levenshtein'
import type { Check, CheckOutcome } from './types'
import { errored, failed, passed, quote } from './values'

/** Edit distance between the output and the reference; passes at most `threshold` edits away (default 5). */
export const DEFAULT_LEVENSHTEIN_THRESHOLD = 5
/** Cosine similarity that passes `similar` by default (promptfoo's default too). */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.75

export const checkLevenshtein: Check<'levenshtein'> = ({ assertion, value, output }) => {
  const reference = String(value)
  const limit = assertion.threshold ?? DEFAULT_LEVENSHTEIN_THRESHOLD
  const d = distance(output, reference)
  return d <= limit
    ? passed(`Levenshtein distance from ${quote(reference, 40)} is ${d} (≤ ${limit})`)
    : failed(`Levenshtein distance from ${quote(reference, 40)} is ${d} (> ${limit})`)
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number
    const y = b[i] as number
    dot += x * y
    na += x * x
    nb += y * y
  }
  return dot / (Math.sqrt(na) * Math.sqrt(nb))
}

function checkVectors(vectors: unknown, count: number): string | null {
  if (!Array.isArray(vectors) || vectors.length !== count) {
    return `the embeddings provider returned ${Array.isArray(vectors) ? vectors.length : 'no'} vectors for ${count} texts`
  }
  const size = (vectors[0] as unknown[] | undefined)?.length ?? 0
  for (const v of vectors) {
    if (!Array.isArray(v) || v.length === 0 || v.length !== size) return 'the embeddings provider returned vectors of different or zero length'
    if (!v.every((x) => typeof x === 'number' && Number.isFinite(x))) return 'the embeddings provider returned a vector with non-numbers'
    if (v.every((x) => x === 0)) return 'the embeddings provider returned an all-zero vector (cosine similarity is undefined)'
  }
  return null
}

/** Cosine similarity of embeddings; with several references the closest one counts. Score = the similarity. */
export const checkSimilar: Check<'similar'> = async ({ assertion, value, output, context }): Promise<CheckOutcome> => {
  if (!context.embed) return errored('similar needs embeddings: configure an embeddings provider in the suite settings')
  const references = (Array.isArray(value) ? value : [value]).map(String)
  const threshold = assertion.threshold ?? DEFAULT_SIMILARITY_THRESHOLD
  let vectors: number[][]
  try {
    vectors = await context.embed([output, ...references], { provider: assertion.provider })
  } catch (error) {
    return errored(`the embeddings provider failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  const problem = checkVectors(vectors, references.length + 1)
  if (problem) return errored(problem)
  const [outputVector, ...referenceVectors] = vectors as [number[], ...number[][]]
  let best = -Infinity
  let bestIndex = 0
  referenceVectors.forEach((v, i) => {
    const s = cosineSimilarity(outputVector, v)
    if (s > best) {
      best = s
      bestIndex = i
    }
  })
  const score = Math.max(0, Math.min(1, best))
  const to = quote(references[bestIndex] as string, 40)
  const shown = best.toFixed(3)
  return best >= threshold
    ? passed(`Cosine similarity to ${to} is ${shown} (≥ ${threshold})`, score)
    : failed(`Cosine similarity to ${to} is ${shown} (< ${threshold})`, score)
}
