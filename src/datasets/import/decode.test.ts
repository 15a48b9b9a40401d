import { describe, expect, it } from 'vitest'
import { decodeText, firstInvalidUtf8 } from './decode'
import { ImportError } from './import-errors'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

function decodeError(bytes: Uint8Array, maxBytes?: number): ImportError {
  try {
    decodeText(bytes, { fileName: 'cases.csv', maxBytes })
  } catch (e) {
    if (e instanceof ImportError) return e
    throw e
  }
  throw new Error('expected an ImportError')
}

describe('decodeText', () => {
  it('strips a UTF-8 BOM and normalises CRLF and CR', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('a,b\r\n1,2\r3,é\n')])
    expect(decodeText(bytes)).toBe('a,b\n1,2\n3,é\n')
  })

  it('rejects non-UTF-8 bytes with the line, column and byte offset of the first bad sequence', () => {
    const bytes = new Uint8Array([...enc('a,b\n1,ok\n2,caf'), 0xe9, ...enc(',x\n')])
    const err = decodeError(bytes)
    expect(err.total).toBe(1)
    expect(err.issues[0]).toEqual({
      line: 3,
      column: 6,
      field: null,
      message: 'not valid UTF-8: byte 0xe9 at byte offset 14 — re-save the file as UTF-8'
    })
    expect(err.message).toContain('1 problem in cases.csv; first: line 3, column 6: not valid UTF-8')
  })

  it('counts CRLF and lone CR as line breaks and the BOM in the byte offset', () => {
    expect(decodeError(new Uint8Array([0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63, 0xff])).issues[0]).toMatchObject({ line: 3, column: 2 })
    const err = decodeError(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff]))
    expect(err.issues[0]?.message).toContain('byte 0xff at byte offset 4')
  })

  it('finds overlong, surrogate and truncated sequences', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1)
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0)
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2)
    expect(firstInvalidUtf8(enc('ok €😀'))).toBe(-1)
  })

  it('rejects a file over the size limit, naming the size', () => {
    const err = decodeError(enc('x'.repeat(2048)), 1024)
    expect(err.issues[0]?.line).toBe(1)
    expect(err.issues[0]?.message).toBe(
      'file is 2.0 KB (2048 bytes), over the 1.0 KB (1024 bytes) import limit — split it into smaller files'
    )
  })
})
