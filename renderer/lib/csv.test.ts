import { describe, expect, it } from 'vitest'
import { csvCell, csvFileName, toCsv } from './csv'

describe('csv', () => {
  it('quotes cells with commas, quotes and new lines', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(12.5)).toBe('12.5')
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"')
  })

  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(csvCell('@cmd')).toBe("'@cmd")
    expect(csvCell('-3.5')).toBe('-3.5')
    expect(csvCell(-2)).toBe('-2')
  })

  it('writes a header and one CRLF line per row', () => {
    const csv = toCsv(
      [
        { header: 'Model', value: (r: { id: string; ms: number | null }) => r.id },
        { header: 'Latency', value: (r: { id: string; ms: number | null }) => r.ms }
      ],
      [
        { id: 'emu-swift', ms: 120 },
        { id: 'emu-hang', ms: null }
      ]
    )
    expect(csv).toBe('Model,Latency\r\nemu-swift,120\r\nemu-hang,\r\n')
  })

  it('makes safe file names', () => {
    expect(csvFileName('Local emulator models')).toBe('local-emulator-models.csv')
    expect(csvFileName('***')).toBe('table.csv')
  })
})
