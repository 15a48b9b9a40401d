/**
 * Deterministic reply text. A seed always produces the same sequence of word-ish pieces ("tokens"),
 * and a `maxTokens` limit yields a prefix of the unlimited reply, so truncation behaves like a real
 * model hitting its output limit. Pieces carry their leading space (" model"), punctuation is its own
 * piece, and long words are split in two, roughly like a BPE tokenizer would.
 */
import { createRng, pick, randomInt } from './rng'
import type { Rng } from './rng'

export type FinishKind = 'stop' | 'length'

export interface GeneratedText {
  pieces: string[]
  finish: FinishKind
}

const DETERMINERS = ['the', 'a', 'each', 'every', 'this', 'that', 'our', 'one'] as const
const ADJECTIVES = [
  'cached', 'streaming', 'deterministic', 'sparse', 'quantized', 'robust', 'fast', 'careful', 'structured',
  'noisy', 'stable', 'expensive', 'cheap', 'local', 'remote', 'parallel', 'incremental', 'typed', 'small',
  'large', 'warm', 'cold', 'optimistic', 'fallback'
] as const
const NOUNS = [
  'model', 'router', 'token', 'prompt', 'schema', 'request', 'budget', 'latency', 'benchmark', 'evaluation',
  'contract', 'provider', 'pipeline', 'response', 'context', 'window', 'embedding', 'dataset', 'baseline',
  'retry', 'stream', 'cache', 'gateway', 'metric', 'trace', 'workload', 'endpoint', 'queue', 'reviewer', 'agent'
] as const
const VERBS = [
  'routes', 'samples', 'measures', 'validates', 'streams', 'caches', 'compares', 'scores', 'retries',
  'summarizes', 'parses', 'balances', 'tracks', 'checks', 'improves', 'reduces', 'ranks', 'explains',
  'records', 'replays'
] as const
const PREPOSITIONS = ['for', 'with', 'across', 'before', 'after', 'within', 'under', 'through'] as const
const ADVERBS = ['quickly', 'carefully', 'reliably', 'quietly', 'eventually', 'consistently'] as const

/** Natural reply length range, in pieces, before the sentence in progress is finished. */
const MIN_PIECES = 24
const MAX_PIECES = 80

function nounPhrase(rng: Rng, words: string[]): void {
  words.push(pick(rng, DETERMINERS))
  if (rng() < 0.5) words.push(pick(rng, ADJECTIVES))
  words.push(pick(rng, NOUNS))
}

/** One sentence as a list of words and punctuation marks. */
function sentence(rng: Rng): string[] {
  const words: string[] = []
  const shape = rng()
  if (shape < 0.45) {
    nounPhrase(rng, words)
    words.push(pick(rng, VERBS))
    nounPhrase(rng, words)
    words.push(pick(rng, PREPOSITIONS))
    nounPhrase(rng, words)
  } else if (shape < 0.8) {
    nounPhrase(rng, words)
    words.push(pick(rng, VERBS))
    nounPhrase(rng, words)
    words.push(',', 'and')
    nounPhrase(rng, words)
    words.push(pick(rng, VERBS), pick(rng, ADVERBS))
  } else {
    words.push(pick(rng, ADVERBS), ',')
    nounPhrase(rng, words)
    words.push(pick(rng, VERBS))
    nounPhrase(rng, words)
  }
  words.push('.')
  const first = words[0] ?? ''
  words[0] = first.charAt(0).toUpperCase() + first.slice(1)
  return words
}

function pushWord(pieces: string[], word: string, leadingSpace: boolean): void {
  if (word === ',' || word === '.') {
    pieces.push(word)
    return
  }
  const text = leadingSpace ? ` ${word}` : word
  if (word.length > 8) {
    const cut = Math.ceil(text.length * 0.6)
    pieces.push(text.slice(0, cut), text.slice(cut))
  } else {
    pieces.push(text)
  }
}

/**
 * Generates the reply for `seed`. With `maxTokens`, generation stops after that many pieces and the
 * finish reason is `length` (unless the natural reply was not longer than the limit).
 */
export function generateText(seed: number, maxTokens: number | null, replyTokens?: number): GeneratedText {
  const rng = createRng(seed)
  const natural = randomInt(rng, MIN_PIECES, MAX_PIECES)
  const target = replyTokens ?? natural
  const limit = maxTokens ?? Number.POSITIVE_INFINITY
  const pieces: string[] = []
  while (pieces.length < target && pieces.length <= limit) {
    const words = sentence(rng)
    for (const word of words) pushWord(pieces, word, pieces.length > 0)
  }
  // An exact length was asked for: cut the sentence in progress there.
  if (replyTokens !== undefined && pieces.length > replyTokens) pieces.length = replyTokens
  if (pieces.length > limit) {
    pieces.length = limit
    return { pieces, finish: 'length' }
  }
  return { pieces, finish: 'stop' }
}

/** Splits arbitrary text (e.g. serialized JSON) into word-ish pieces that concatenate back to it. */
export function splitIntoPieces(text: string): string[] {
  return text.match(/\s*[A-Za-z0-9_]+|\s*[^A-Za-z0-9_\s]+|\s+/g) ?? []
}

/** Applies a `maxTokens` limit to already-made pieces. */
export function limitPieces(pieces: string[], maxTokens: number | null): GeneratedText {
  if (maxTokens !== null && pieces.length > maxTokens) return { pieces: pieces.slice(0, maxTokens), finish: 'length' }
  return { pieces, finish: 'stop' }
}

/** `count` lowercase words joined by spaces (for JSON string values). */
export function randomWords(rng: Rng, count: number): string {
  const words: string[] = []
  for (let i = 0; i < count; i++) words.push(rng() < 0.4 ? pick(rng, ADJECTIVES) : pick(rng, NOUNS))
  return words.join(' ')
}

/** One capitalised sentence (for JSON string values). */
export function randomSentence(rng: Rng): string {
  let text = ''
  for (const word of sentence(rng)) text += word === ',' || word === '.' || text === '' ? word : ` ${word}`
  return text
}

/** A lowercase identifier-like word. */
export function randomNoun(rng: Rng): string {
  return pick(rng, NOUNS)
}
