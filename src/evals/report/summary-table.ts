import type { EvalResults } from '../../core/schemas/eval'

const pct = (n: number | null): string => (n === null ? '—' : `${(n * 100).toFixed(1)}%`)
const ms = (n: number | null): string => (n === null ? '—' : `${Math.round(n).toLocaleString('en-US')} ms`)
function usd(n: number | null): string {
  if (n === null) return '—'
  if (n === 0) return '$0'
  return n < 0.01 ? `$${n.toPrecision(2)}` : `$${n.toFixed(4)}`
}

/** Pads a table of strings into aligned columns (numbers right-aligned). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-—$\d.,%\s(ms)–]*$/.test(r[i] ?? '')))
  const line = (cells: string[]) => cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ').trimEnd()
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** The per-column summary the CLI prints after a run, then the gates and the verdict. */
export function summaryTable(results: EvalResults): string {
  const rows = results.columns.map((column, i) => {
    const s = results.stats[i]!
    const interval = s.passRateInterval ? `${pct(s.passRateInterval.low)}–${pct(s.passRateInterval.high)}` : '—'
    return [
      `${column.variantLabel} · ${column.modelId}`,
      pct(s.passRate),
      interval,
      `${s.passed}/${s.decided}`,
      String(s.errored + s.scoreErrors),
      ms(s.latencyP50Ms),
      ms(s.latencyP95Ms),
      usd(s.costUsd),
      usd(s.costPerSuccessUsd),
      ...(results.repeats > 1 ? [pct(s.passAtK), pct(s.passHatK)] : [])
    ]
  })
  const header = ['Column', 'Pass', '95% CI', 'Passed', 'Errors', 'p50', 'p95', 'Cost', 'Cost/success', ...(results.repeats > 1 ? [`pass@${results.repeats}`, `pass^${results.repeats}`] : [])]
  const out = [formatTable(header, rows)]
  if (results.gates.length > 0) {
    out.push('', 'Gates:')
    for (const g of results.gates) out.push(`  ${g.pass ? 'pass' : 'FAIL'}  ${g.message}`)
  }
  out.push('', results.verdict === 'none' ? 'No gates set: the run does not pass or fail on its own.' : results.verdict === 'pass' ? 'Verdict: PASS — every gate holds.' : 'Verdict: FAIL — a gate does not hold.')
  return out.join('\n')
}
