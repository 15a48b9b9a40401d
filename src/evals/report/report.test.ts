import { describe, expect, it } from 'vitest'
import { aggregateResults, columnKeyOf, type FinalCallRow } from '../results/aggregate'
import { reasonKey, toJUnitXml } from './junit'
import { formatTable, summaryTable } from './summary-table'

const column = { key: columnKeyOf('v1', 'p', 'm'), variantId: 'v1', variantLabel: 'Triage v1', providerId: 'p', modelId: 'm' }
const row = (caseId: string, status: 'ok' | 'error', pass: boolean | null): FinalCallRow => ({
  callId: caseId,
  caseId,
  variant: 'v1',
  providerId: 'p',
  modelId: 'm',
  repeatIndex: 0,
  status,
  cacheHit: false,
  latencyMs: 1234,
  ttftMs: 100,
  errorClass: status === 'error' ? 'rate_limited' : null,
  pass,
  score: pass === null ? null : pass ? 1 : 0
})
const results = aggregateResults({
  runId: 'r1',
  status: 'completed',
  repeats: 1,
  columns: [column],
  cases: [
    { id: 'a', position: 0, label: 'refund <please> & "thanks"' },
    { id: 'b', position: 1, label: 'dashboard down' },
    { id: 'c', position: 2, label: 'login' },
    { id: 'd', position: 3, label: 'not run' }
  ],
  finals: [row('a', 'ok', true), row('b', 'ok', false), row('c', 'error', null)],
  spend: [{ variant: 'v1', providerId: 'p', modelId: 'm', costUsd: 0.003, inputTokens: 30, outputTokens: 9, calls: 4, finals: 3, cacheHits: 0 }],
  thresholds: { minPassRate: 0.9 }
})

describe('toJUnitXml', () => {
  const xml = toJUnitXml(results, 'Triage', new Map([[reasonKey('b', column.key, 0), 'json-path: expected "bug", got "billing"\nmore']]))
  it('writes one testsuite per column with failures, errors and skipped cells, plus the gates', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="Triage" tests="5" failures="2" errors="1" skipped="1">/)
    expect(xml).toContain('<testsuite name="Triage · Triage v1 · m" tests="4" failures="1" errors="1" skipped="1">')
    expect(xml).toContain('<failure message="json-path: expected &quot;bug&quot;, got &quot;billing&quot;">')
    expect(xml).toContain('<error type="rate_limited"')
    expect(xml).toContain('name="1. refund &lt;please&gt; &amp; &quot;thanks&quot;" time="1.234"/>')
    expect(xml).toMatch(/<testsuite name="Triage · gates" tests="1" failures="1"/)
  })
})

describe('summaryTable', () => {
  it('prints aligned columns, the gates and the verdict', () => {
    const text = summaryTable(results)
    expect(text.split('\n')[0]).toMatch(/^Column\s+Pass\s+95% CI\s+Passed\s+Errors\s+p50\s+p95\s+Cost\s+Cost\/success$/)
    expect(text).toContain('Triage v1 · m')
    expect(text).toContain('1/3')
    expect(text).toContain('FAIL  Triage v1 · m: pass rate 33.3% < 90.0%')
    expect(text).toMatch(/Verdict: FAIL/)
  })
  it('formatTable right-aligns numeric columns', () => {
    expect(formatTable(['a', 'n'], [['x', '1'], ['yy', '100']])).toBe('a     n\n──  ───\nx     1\nyy  100')
  })
})
