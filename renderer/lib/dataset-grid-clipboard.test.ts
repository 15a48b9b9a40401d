import { describe, expect, it } from 'vitest'
import { parseClipboardBlock, parseDelimited, toTsv } from './dataset-grid-clipboard'

describe('clipboard blocks', () => {
  it('reads spreadsheet TSV with quoted cells holding tabs, newlines and quotes, and a trailing newline', () => {
    expect(parseClipboardBlock('a\tb\tc\r\n"line 1\nline 2"\t"say ""hi"""\t\n')).toEqual([
      ['a', 'b', 'c'],
      ['line 1\nline 2', 'say "hi"', '']
    ])
  })

  it('reads CSV when asked or when every line splits the same way; otherwise one column', () => {
    expect(parseClipboardBlock('x,y\n"1,5",2\n')).toEqual([['x', 'y'], ['1,5', '2']])
    expect(parseClipboardBlock('Hello, world', true)).toEqual([['Hello', ' world']])
    expect(parseClipboardBlock('Hello, world')).toEqual([['Hello, world']])
    expect(parseClipboardBlock('one, two\nthree')).toEqual([['one, two'], ['three']])
    expect(parseClipboardBlock('"quoted" text')).toEqual([['"quoted" text']])
    expect(parseClipboardBlock('')).toEqual([])
  })

  it('round-trips through toTsv', () => {
    const rows = [['a\tb', 'c'], ['multi\nline', 'q"uote']]
    expect(parseDelimited(toTsv(rows), '\t')).toEqual(rows)
  })
})
