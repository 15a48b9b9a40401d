import type { EvalResults } from '../../core/schemas/eval'

/** Why a failed or errored cell did so, for the report (keyed by `caseId|columnKey|repeat`). */
export type CellReasons = ReadonlyMap<string, string>

export function reasonKey(caseId: string, columnKey: string, repeatIndex: number): string {
  return `${caseId}|${columnKey}|${repeatIndex}`
}

function escapeXml(text: string): string {
  // XML 1.0 forbids most control characters even when escaped: drop them.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string)
}

const seconds = (ms: number | null): string => ((ms ?? 0) / 1000).toFixed(3)

/**
 * JUnit XML of an eval run, as CI systems read it: one <testsuite> per column (variant × model), one <testcase>
 * per case and repeat. A failed cell is a <failure>, a provider or scoring error an <error>, an unfinished cell
 * <skipped>. Gates are one more suite, so a failed gate fails the build even when every case passed.
 */
export function toJUnitXml(results: EvalResults, suiteName: string, reasons: CellReasons = new Map()): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>']
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 }
  const suites: string[] = []
  for (const [col, column] of results.columns.entries()) {
    const cases: string[] = []
    const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 }
    for (const row of results.rows) {
      const cell = row.cells[col]
      if (!cell) continue
      for (const [r, rep] of cell.repeats.entries()) {
        counts.tests++
        const name = `${row.position + 1}. ${row.label}${cell.repeats.length > 1 ? ` (repeat ${r + 1})` : ''}`
        const reason = reasons.get(reasonKey(row.caseId, column.key, r)) ?? ''
        const open = `    <testcase classname="${escapeXml(`${suiteName}.${column.variantLabel}.${column.modelId}`)}" name="${escapeXml(name)}" time="${seconds(rep.latencyMs)}"`
        if (rep.status === 'passed') cases.push(`${open}/>`)
        else if (rep.status === 'failed') {
          counts.failures++
          cases.push(`${open}>`, `      <failure message="${escapeXml(reason.split('\n')[0] ?? 'failed')}">${escapeXml(reason)}</failure>`, '    </testcase>')
        } else if (rep.status === 'pending') {
          counts.skipped++
          cases.push(`${open}>`, '      <skipped message="not run (the run was cancelled or interrupted)"/>', '    </testcase>')
        } else {
          counts.errors++
          const message = rep.status === 'score_error' ? `could not be scored: ${reason}` : `${rep.errorClass ?? 'error'}: ${reason}`
          cases.push(`${open}>`, `      <error type="${escapeXml(rep.errorClass ?? rep.status)}" message="${escapeXml(message.split('\n')[0] ?? '')}">${escapeXml(message)}</error>`, '    </testcase>')
        }
      }
    }
    for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += counts[k]
    suites.push(`  <testsuite name="${escapeXml(`${suiteName} · ${column.variantLabel} · ${column.modelId}`)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}">`, ...cases, '  </testsuite>')
  }
  if (results.gates.length > 0) {
    const failed = results.gates.filter((g) => !g.pass).length
    totals.tests += results.gates.length
    totals.failures += failed
    suites.push(`  <testsuite name="${escapeXml(`${suiteName} · gates`)}" tests="${results.gates.length}" failures="${failed}" errors="0" skipped="0">`)
    for (const gate of results.gates) {
      const open = `    <testcase classname="${escapeXml(`${suiteName}.gates`)}" name="${escapeXml(gate.message)}"`
      suites.push(gate.pass ? `${open}/>` : `${open}>\n      <failure message="${escapeXml(gate.message)}"/>\n    </testcase>`)
    }
    suites.push('  </testsuite>')
  }
  lines.push(`<testsuites name="${escapeXml(suiteName)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}">`, ...suites, '</testsuites>', '')
  return lines.join('\n')
}
