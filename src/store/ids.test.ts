import { describe, expect, it } from 'vitest'
import { fileStamp, newId, toIso, toIsoOrNull } from './ids'

describe('ids and times', () => {
  it('newId gives distinct 16-hex ids, optionally prefixed', () => {
    const ids = Array.from({ length: 20_000 }, () => newId())
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{16}$/)
    expect(newId('run')).toMatch(/^run_[0-9a-f]{16}$/)
    const firstChars = new Set(ids.map((id) => id[0]))
    expect(firstChars.size).toBe(16)
  })

  it('formats epoch ms as ISO strings and file-safe stamps', () => {
    expect(toIso(0)).toBe('1970-01-01T00:00:00.000Z')
    expect(toIsoOrNull(null)).toBeNull()
    const date = new Date('2026-11-27T01:02:03.456Z')
    expect(fileStamp(date)).toBe('2026-11-27T01-02-03')
    expect(fileStamp(date, true)).toBe('2026-11-27T01-02-03-456Z')
  })
})
