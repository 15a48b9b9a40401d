/**
 * Reading a judge model's reply. Judges wrap JSON in code fences, add a sentence before it, write `"pass": "yes"` or
 * `"score": "0.8"` or `80%`; all of that is accepted. What cannot be read as a verdict is an error with the reason
 * and the start of the reply — never a silent fail.
 */

const PREVIEW = 200

function preview(reply: string): string {
  const one = reply.replace(/\s+/g, ' ').trim()
  return JSON.stringify(one.length > PREVIEW ? `${one.slice(0, PREVIEW)}…` : one)
}

/** Every top-level `{…}` in the text that parses as a JSON object, in order (string-aware brace matching). */
export function jsonObjectsIn(text: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = []
  for (let start = text.indexOf('{'); start !== -1; ) {
    let depth = 0
    let inString = false
    let end = -1
    for (let i = start; i < text.length; i++) {
      const ch = text[i]
      if (inString) {
        if (ch === '\\') i++
        else if (ch === '"') inString = false
      } else if (ch === '"') inString = true
      else if (ch === '{') depth++
      else if (ch === '}' && --depth === 0) {
        end = i
        break
      }
    }
    if (end === -1) break
    try {
      const value: unknown = JSON.parse(text.slice(start, end + 1))
      if (value && typeof value === 'object' && !Array.isArray(value)) found.push(value as Record<string, unknown>)
      start = text.indexOf('{', end + 1)
    } catch {
      start = text.indexOf('{', start + 1)
    }
  }
  return found
}

/** Lower-cased keys, so `Pass`, `SCORE` and `Reason` work too. */
function lowerKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]))
}

function readBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase()
    if (['true', 'yes', 'pass', 'passed', 'y'].includes(s)) return true
    if (['false', 'no', 'fail', 'failed', 'n'].includes(s)) return false
  }
  return undefined
}

/** A number in 0..1: 0.8, "0.8", "80%". undefined when absent; NaN when present but unreadable or out of range. */
function readScore(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined
  let n: number
  if (typeof v === 'number') n = v
  else if (typeof v === 'string') {
    const s = v.trim()
    const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(s)
    n = percent ? Number(percent[1]) / 100 : s === '' ? Number.NaN : Number(s)
  } else n = Number.NaN
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : Number.NaN
}

function readReason(o: Record<string, unknown>): string | undefined {
  for (const key of ['reason', 'reasoning', 'explanation', 'rationale']) {
    const v = o[key]
    if (typeof v === 'string' && v.trim()) return v.trim()
  }
  return undefined
}

export type RubricVerdict = { pass: boolean; score: number; reason: string } | { error: string }

/**
 * A rubric verdict from `{"reason", "pass", "score"}`. Only a score → pass when score ≥ threshold (0.5 without one);
 * only pass → score 1 or 0. With a threshold, a pass also needs score ≥ threshold. The last object in the reply that
 * carries pass or score wins (judges sometimes echo the format first).
 */
export function parseRubricReply(reply: string, threshold?: number): RubricVerdict {
  const candidates = jsonObjectsIn(reply)
    .map(lowerKeys)
    .filter((o) => 'pass' in o || 'score' in o)
  const verdict = candidates.at(-1)
  if (!verdict) {
    const word = /^\W*(pass|fail|yes|no)\b[\s:.,-]*([\s\S]*)$/i.exec(reply.trim())
    if (word) {
      const pass = readBoolean(word[1]) === true
      return { pass, score: pass ? 1 : 0, reason: (word[2] ?? '').trim() || '(the judge gave no reason)' }
    }
    return { error: `the judge's reply has no verdict (expected JSON with "pass" and "score"): ${preview(reply)}` }
  }
  const rawPass = verdict.pass
  const pass = readBoolean(rawPass)
  const score = readScore(verdict.score)
  if (rawPass !== undefined && pass === undefined) return { error: `the judge's "pass" is not true or false: ${preview(reply)}` }
  if (Number.isNaN(score)) return { error: `the judge's "score" is not a number from 0 to 1: ${preview(reply)}` }
  const reason = readReason(verdict) ?? '(the judge gave no reason)'
  const finalScore = score ?? (pass ? 1 : 0)
  let finalPass = pass ?? finalScore >= (threshold ?? 0.5)
  if (threshold !== undefined && finalScore < threshold) finalPass = false
  return { pass: finalPass, score: finalScore, reason }
}

export type FactualityCategory = 'A' | 'B' | 'C' | 'D' | 'E'
export type FactualityVerdict = { category: FactualityCategory; reason: string } | { error: string }

function readCategory(v: unknown): FactualityCategory | undefined {
  if (typeof v !== 'string') return undefined
  const m = /^\s*\(?([A-Ea-e])\)?(?:\W|$)/.exec(v)
  return m ? ((m[1] as string).toUpperCase() as FactualityCategory) : undefined
}

/** A factuality category from `{"reason", "category"}`, or a reply that states it ("(C)", "Answer: C", "C. …"). */
export function parseFactualityReply(reply: string): FactualityVerdict {
  const objects = jsonObjectsIn(reply)
    .map(lowerKeys)
    .filter((o) => 'category' in o || 'answer' in o || 'choice' in o)
  const last = objects.at(-1)
  if (last) {
    const category = readCategory(last.category ?? last.answer ?? last.choice)
    if (!category) return { error: `the judge's category is not one of A–E: ${preview(reply)}` }
    return { category, reason: readReason(last) ?? '(the judge gave no reason)' }
  }
  const text = reply.trim()
  // "Answer: C", "the category is (B)"; else a line that starts with "(C)", "C." or "C)" or is just "C".
  const stated =
    /\b(?:[Aa]nswer|ANSWER|[Cc]ategory|CATEGORY|[Cc]hoice|CHOICE)\b(?:\s+is)?[^A-Za-z()\n]{0,12}\(?([A-E])\)?(?![A-Za-z])/.exec(text) ??
    /^[ \t]*(?:\(([A-E])\)|([A-E])(?:[.):]|[ \t]*$))/m.exec(text)
  const letter = stated?.[1] ?? stated?.[2]
  if (stated && letter) {
    const rest = text.slice(stated.index + stated[0].length).replace(/^[\s.:)-]+/, '').trim()
    return { category: letter as FactualityCategory, reason: rest || '(the judge gave no reason)' }
  }
  return { error: `the judge's reply names no category A–E: ${preview(reply)}` }
}
