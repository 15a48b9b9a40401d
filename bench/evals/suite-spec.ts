/**
 * The eval suite both tools run (../shared/docs/METRICS.md §2.1): CASES cases × 2 emulator models, one user
 * message, a `contains` assertion, 16-token replies, concurrency 32 in total. The emulator's reply text is seeded
 * by model + messages, so both tools get the same replies and must report the same pass count.
 */

export const CASES = 2000
export const MODELS = ['emu-swift', 'emu-steady'] as const
export const CONCURRENCY = 32
export const REPLY_TOKENS = 16
/** The template in both tools' syntax ({{var}} is Switchyard's and Nunjucks'). */
export const PROMPT = 'Ticket {{n}}: {{question}} Answer in one sentence.'
export const CONTAINS = 'model'
/** Cases of the warm-up suite a "warm" Switchyard run makes first (as the raw client's warm-up: one request per slot). */
export const WARMUP_CASES = CONCURRENCY / 2

const TOPICS = ['routing', 'latency budgets', 'retries', 'caching', 'schemas', 'streaming', 'cost limits', 'fallbacks']

/** Vars of case i (0-based): plain words only, so they need no quoting in CSV. */
export function caseVars(i: number): { n: string; question: string } {
  return { n: String(i + 1), question: `How should request ${i + 1} handle ${TOPICS[i % TOPICS.length]}?` }
}

/** Per-request emulator overrides: the first-token delay, the whole reply at once, exactly REPLY_TOKENS tokens. */
export function emulatorHeaders(delayMs: number): Record<string, string> {
  return { 'x-emulator-ttft-ms': String(delayMs), 'x-emulator-tps': '0', 'x-emulator-reply-tokens': String(REPLY_TOKENS), 'x-emulator-failure': 'none' }
}

/** The throughput a closed loop of CONCURRENCY workers reaches when every call takes exactly delayMs. */
export function idealEvalsPerSec(delayMs: number): number | null {
  return delayMs > 0 ? (CONCURRENCY * 1000) / delayMs : null
}
