import { describe, expect, it } from 'vitest'
import type { ColumnStats, EvalCell } from '../../src/core/schemas/eval'
import { toCsv } from './csv'
import {
  cellDescription,
  cellText,
  cellTone,
  columnLabel,
  formatElapsed,
  formatGateValue,
  formatInterval,
  formatPoints,
  formatPValue,
  formatRate,
  formatRateWithInterval,
  hasManyVariants,
  statsCsvColumns
} from './eval-format'

const repeat = (status: EvalCell['repeats'][number]['status'], errorClass: EvalCell['repeats'][number]['errorClass'] = null) => ({ callId: null, status, score: null, latencyMs: null, errorClass })

describe('eval formatting', () => {
  it('writes rates and Wilson intervals as percentages', () => {
    expect(formatRate(0.8734)).toBe('87.3%')
    expect(formatRate(1)).toBe('100%')
    expect(formatRate(null)).toBe('—')
    expect(formatRate(Number.NaN)).toBe('—')
    expect(formatInterval({ low: 0.7214, high: 0.914 })).toBe('72.1–91.4%')
    expect(formatInterval(null)).toBe('—')
    expect(formatRateWithInterval(0.9, { low: 0.596, high: 0.982 })).toBe('90% (95% CI 59.6–98.2%)')
    expect(formatRateWithInterval(0.9, null)).toBe('90%')
    expect(formatRateWithInterval(null, null)).toBe('—')
  })

  it('signs differences in points and bounds tiny p-values', () => {
    expect(formatPoints(6.24)).toBe('+6.2')
    expect(formatPoints(-3)).toBe('−3.0')
    expect(formatPoints(0)).toBe('0.0')
    expect(formatPoints(null)).toBe('—')
    expect(formatPValue(0.0042)).toBe('0.004')
    expect(formatPValue(0.00001)).toBe('< 0.001')
    expect(formatPValue(null)).toBe('—')
  })

  it('writes elapsed time in seconds, then minutes and hours', () => {
    expect(formatElapsed(12_340)).toBe('12.3 s')
    expect(formatElapsed(65_000)).toBe('1:05')
    expect(formatElapsed(3_723_000)).toBe('1:02:03')
    expect(formatElapsed(-5)).toBe('0.0 s')
  })

  it('names columns by model, with the variant when several compete', () => {
    const c = { variantId: 'v1', variantLabel: 'Triage v2', modelId: 'emu-swift' }
    expect(columnLabel(c, false)).toBe('emu-swift')
    expect(columnLabel(c, true)).toBe('Triage v2 · emu-swift')
    expect(hasManyVariants([{ variantId: 'a' }, { variantId: 'a' }])).toBe(false)
    expect(hasManyVariants([{ variantId: 'a' }, { variantId: 'b' }])).toBe(true)
  })

  it('marks cells per repeat, with a tone and words', () => {
    const mixed: EvalCell = { columnKey: 'k', repeats: [repeat('passed'), repeat('failed'), repeat('passed')], passRate: 2 / 3, meanScore: 0.667 }
    expect(cellText(mixed)).toBe('✓✗✓ 0.67')
    expect(cellTone(mixed)).toBe('mixed')
    const error: EvalCell = { columnKey: 'k', repeats: [repeat('error', 'rate_limited')], passRate: 0, meanScore: null }
    expect(cellText(error)).toBe('!')
    expect(cellTone(error)).toBe('error')
    expect(cellDescription(error)).toBe('provider error (rate_limited)')
    expect(cellTone({ columnKey: 'k', repeats: [repeat('passed')], passRate: 1, meanScore: 1 })).toBe('pass')
    expect(cellTone({ columnKey: 'k', repeats: [repeat('failed'), repeat('failed')], passRate: 0, meanScore: 0 })).toBe('fail')
    expect(cellTone(undefined)).toBe('pending')
    expect(cellText(undefined)).toBe('·')
  })

  it('writes gate limits in their units', () => {
    expect(formatGateValue('minPassRate', 0.9)).toBe('90%')
    expect(formatGateValue('maxP95LatencyMs', 1500)).toBe('1.50 s')
    expect(formatGateValue('maxCostPerSuccessUsd', 0.5)).toBe('$0.5000')
    expect(formatGateValue('minPassRate', null)).toBe('—')
  })

  it('exports the per-column statistics as raw numbers, with pass@k only for repeats', () => {
    const stats: ColumnStats = {
      columnKey: 'v|p|m',
      cells: 10,
      decided: 10,
      passed: 9,
      failed: 1,
      errored: 0,
      scoreErrors: 0,
      pending: 0,
      passRate: 0.9,
      passRateInterval: { low: 0.596, high: 0.982 },
      meanScore: 0.9,
      latencyP50Ms: 100,
      latencyP95Ms: 200,
      ttftP50Ms: 50,
      ttftP95Ms: 80,
      inputTokens: 1000,
      outputTokens: 200,
      costUsd: 0.01,
      costPerSuccessUsd: 0.0011,
      calls: 11,
      retries: 1,
      cacheHits: 0,
      passAtK: 1,
      passHatK: 0.8
    }
    const columns = [{ key: 'v|p|m', variantId: 'v', variantLabel: 'Triage v1', providerId: 'p', modelId: 'm' }]
    const single = statsCsvColumns(columns, 1)
    expect(single.map((c) => c.header)).not.toContain('pass_at_1')
    const csv = toCsv(statsCsvColumns(columns, 3), [stats])
    const [header, row] = csv.trim().split('\r\n')
    expect(header).toContain('pass_rate_ci_low')
    expect(header!.endsWith('pass_at_3,pass_hat_3')).toBe(true)
    expect(row!.startsWith('Triage v1,p,m,10,9,1,0,0,0.9,0.596,0.982')).toBe(true)
  })
})
