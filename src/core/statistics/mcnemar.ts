/**
 * Exact McNemar test for paired pass/fail outcomes (run A vs run B on the same cases).
 *
 * Only the discordant pairs carry information: b = cases A passed and B failed, c = cases A failed and B passed.
 * Under the null hypothesis (A and B are equally good) each discordant pair is B's win with probability ½, so
 * c ~ Binomial(b + c, ½). The two-sided exact p-value doubles the smaller tail:
 *
 *   p = min(1, 2 · Σ_{i=0}^{min(b,c)} C(n, i) / 2ⁿ),  n = b + c
 *
 * (the "exact conditional" McNemar test; R's `binom.test(min(b, c), b + c)` and `exact2x2::mcnemar.exact` give the
 * same p). Edge cases:
 * - no discordant pairs (n = 0): nothing favours either run, p = 1;
 * - b = c: the doubled tail is ≥ 1, so p = 1;
 * - large n: the terms are summed in log space, so n in the millions neither underflows nor overflows;
 * - concordant pairs (both pass, both fail) do not change p; they are reported for context only.
 * The test is conservative for small n (Fagerland et al. 2013 recommend the mid-p variant, also returned).
 */
export interface McNemarResult {
  /** Pairs where A passed and B failed. */
  aOnly: number
  /** Pairs where B passed and A failed. */
  bOnly: number
  bothPass: number
  bothFail: number
  /** Discordant pairs: aOnly + bOnly. */
  discordant: number
  /** Two-sided exact p-value. */
  p: number
  /** Two-sided mid-p: the exact p minus the probability of the observed count, less conservative for small n. */
  midP: number
}

const LN2 = Math.LN2

/** log(e^a + e^b) without overflow. */
function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b
  if (b === -Infinity) return a
  const max = Math.max(a, b)
  return max + Math.log1p(Math.exp(-Math.abs(a - b)))
}

/** P(X ≤ k) and P(X = k) for X ~ Binomial(n, ½), in log space. */
function lowerTail(n: number, k: number): { logTail: number; logPoint: number } {
  let logTerm = -n * LN2 // log C(n, 0) / 2ⁿ
  let logTail = logTerm
  for (let i = 0; i < k; i++) {
    logTerm += Math.log(n - i) - Math.log(i + 1) // C(n, i+1) = C(n, i) · (n − i) / (i + 1)
    logTail = logAddExp(logTail, logTerm)
  }
  return { logTail, logPoint: logTerm }
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`mcnemarExact needs whole counts ≥ 0; got ${name}=${value}`)
}

/** Exact McNemar test from the discordant counts (aOnly: A passed, B failed; bOnly: B passed, A failed). */
export function mcnemarExact(aOnly: number, bOnly: number, bothPass = 0, bothFail = 0): McNemarResult {
  checkCount('aOnly', aOnly)
  checkCount('bOnly', bOnly)
  checkCount('bothPass', bothPass)
  checkCount('bothFail', bothFail)
  const n = aOnly + bOnly
  const base = { aOnly, bOnly, bothPass, bothFail, discordant: n }
  if (n === 0) return { ...base, p: 1, midP: 1 }
  const { logTail, logPoint } = lowerTail(n, Math.min(aOnly, bOnly))
  const tail = Math.exp(logTail)
  const point = Math.exp(logPoint)
  const p = Math.min(1, 2 * tail)
  // Mid-p counts the observed outcome half: 2·(P(X ≤ k) − ½·P(X = k)); it is exactly 1 when b = c.
  const midP = Math.min(1, 2 * tail - point)
  return { ...base, p, midP }
}

/** Counts the 2×2 table of paired outcomes; the arrays are pass/fail per case, in the same case order. */
export function pairedOutcomes(passA: readonly boolean[], passB: readonly boolean[]): Omit<McNemarResult, 'p' | 'midP'> {
  if (passA.length !== passB.length) {
    throw new RangeError(`paired outcomes need the same cases in both runs; got ${passA.length} and ${passB.length} results`)
  }
  let aOnly = 0
  let bOnly = 0
  let bothPass = 0
  let bothFail = 0
  for (let i = 0; i < passA.length; i++) {
    const a = passA[i]
    const b = passB[i]
    if (a && b) bothPass++
    else if (a) aOnly++
    else if (b) bOnly++
    else bothFail++
  }
  return { aOnly, bOnly, bothPass, bothFail, discordant: aOnly + bOnly }
}

/** McNemar straight from paired pass/fail arrays. */
export function mcnemarFromPairs(passA: readonly boolean[], passB: readonly boolean[]): McNemarResult {
  const t = pairedOutcomes(passA, passB)
  return mcnemarExact(t.aOnly, t.bOnly, t.bothPass, t.bothFail)
}
