import { describe, expect, it } from 'vitest'
import { createRng } from './rng'
import { buildSchedule, sampleTtftMs } from './schedule'
import { generateText, splitIntoPieces } from './text-generator'
import { countPromptTokens, MESSAGE_OVERHEAD_TOKENS } from './usage'

describe('generateText', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateText(123, null)).toEqual(generateText(123, null))
    expect(generateText(123, null).pieces.join('')).not.toBe(generateText(124, null).pieces.join(''))
  })

  it('ends naturally with a full sentence and finish stop', () => {
    for (let seed = 0; seed < 30; seed++) {
      const { pieces, finish } = generateText(seed, null)
      expect(finish).toBe('stop')
      expect(pieces.length).toBeGreaterThanOrEqual(24)
      expect(pieces.at(-1)).toBe('.')
      expect(pieces[0]?.startsWith(' ')).toBe(false)
      expect(pieces.join('')).toMatch(/^[A-Z]/)
    }
  })

  it('truncates to maxTokens as a prefix of the natural reply, with finish length', () => {
    const full = generateText(9, null)
    const cut = generateText(9, 7)
    expect(cut.finish).toBe('length')
    expect(cut.pieces).toEqual(full.pieces.slice(0, 7))
    const roomy = generateText(9, full.pieces.length)
    expect(roomy).toEqual(full)
  })

  it('splits text into pieces that join back exactly', () => {
    const json = JSON.stringify({ name: 'Ada Lovelace', tags: ['a b', 'c'], n: 1.5 })
    const pieces = splitIntoPieces(json)
    expect(pieces.join('')).toBe(json)
    expect(pieces.length).toBeGreaterThan(10)
  })
})

describe('usage and schedule', () => {
  it('counts prompt tokens as ceil(chars/4) plus a per-message overhead', () => {
    const tokens = countPromptTokens([
      { role: 'system', text: 'abcd' },
      { role: 'user', text: 'abcdefghi' }
    ])
    expect(tokens).toBe(Math.ceil(13 / 4) + 2 * MESSAGE_OVERHEAD_TOKENS)
  })

  it('samples a log-normal TTFT with the profile median and no negatives', () => {
    const rng = createRng(1)
    const latency = { ttftMs: { median: 100, p95: 250 }, tokensPerSecond: 50, jitterMs: 0 }
    const samples = Array.from({ length: 2000 }, () => sampleTtftMs(latency, rng)).sort((a, b) => a - b)
    expect(samples[0]).toBeGreaterThanOrEqual(0)
    expect(samples[1000]).toBeGreaterThan(90)
    expect(samples[1000]).toBeLessThan(110)
    expect(samples[1900]).toBeGreaterThan(215)
    expect(samples[1900]).toBeLessThan(290)
  })

  it('spaces tokens at tokensPerSecond with jitter, never going backwards', () => {
    const latency = { ttftMs: { median: 10, p95: 10 }, tokensPerSecond: 100, jitterMs: 8 }
    const schedule = buildSchedule(latency, 50, createRng(3))
    expect(schedule.ttftMs).toBe(10)
    expect(schedule.pieceTimesMs[0]).toBe(10)
    for (let i = 1; i < 50; i++) expect(schedule.pieceTimesMs[i]).toBeGreaterThanOrEqual(schedule.pieceTimesMs[i - 1] as number)
    expect(schedule.endMs).toBeGreaterThan(10 + 49 * 10 - 10)
    expect(schedule.endMs).toBeLessThan(10 + 49 * 10 + 10)
    const unlimited = buildSchedule(latency, 5, createRng(3), { ttftMs: 0, tokensPerSecond: null })
    expect([...unlimited.pieceTimesMs]).toEqual([0, 0, 0, 0, 0])
    expect(unlimited.endMs).toBe(0)
  })
})
