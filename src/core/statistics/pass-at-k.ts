/**
 * Repeat-based metrics for one case run n times with c passes.
 *
 * pass@k — the chance that at least one of k attempts passes. The unbiased estimator of Chen et al. 2021
 * ("Evaluating Large Language Models Trained on Code", §2.1), drawing k of the n results without replacement:
 *
 *   pass@k = 1 − C(n − c, k) / C(n, k)
 *
 * computed as their numpy code does, as a product that never forms a large binomial coefficient:
 *   C(n − c, k) / C(n, k) = Π_{i = n − c + 1}^{n} (1 − k / i), and pass@k = 1 when n − c < k.
 *
 * pass^k — consistency: the chance that all k attempts pass (τ-bench, Yao et al. 2024). The matching unbiased
 * estimator is C(c, k) / C(n, k) = Π_{i = 0}^{k − 1} (c − i) / (n − i), and 0 when c < k. pass^1 = pass@1 = c/n;
 * as k grows, pass@k rises towards 1 and pass^k falls towards 0, and the gap between them shows how flaky a case is.
 *
 * Both need whole numbers with 0 ≤ c ≤ n and 1 ≤ k ≤ n (k draws from n results). Averaged over cases they give a
 * suite's pass@k and pass^k.
 */

function check(n: number, c: number, k: number, name: string): void {
  const whole = Number.isInteger(n) && Number.isInteger(c) && Number.isInteger(k)
  if (!whole || c < 0 || c > n || k < 1 || k > n) {
    throw new RangeError(`${name} needs whole numbers with 0 ≤ c ≤ n and 1 ≤ k ≤ n; got n=${n}, c=${c}, k=${k}`)
  }
}

/** Probability that at least one of k attempts (drawn from n results with c passes) passes. */
export function passAtK(n: number, c: number, k: number): number {
  check(n, c, k, 'passAtK')
  if (n - c < k) return 1
  let allFail = 1
  for (let i = n - c + 1; i <= n; i++) allFail *= 1 - k / i
  return 1 - allFail
}

/** Probability that all k attempts (drawn from n results with c passes) pass. */
export function passHatK(n: number, c: number, k: number): number {
  check(n, c, k, 'passHatK')
  if (c < k) return 0
  let allPass = 1
  for (let i = 0; i < k; i++) allPass *= (c - i) / (n - i)
  return allPass
}

/** The mean over cases of pass@k (or pass^k); cases with fewer than k results are skipped and counted. */
export function meanOverCases(
  cases: ReadonlyArray<{ n: number; c: number }>,
  k: number,
  metric: (n: number, c: number, k: number) => number
): { value: number; cases: number; skipped: number } {
  let sum = 0
  let used = 0
  for (const { n, c } of cases) {
    if (n < k) continue
    sum += metric(n, c, k)
    used++
  }
  return { value: used === 0 ? Number.NaN : sum / used, cases: used, skipped: cases.length - used }
}
