/** Bytes → text for dataset imports: size limit, UTF-8 BOM, strict UTF-8, newline normalisation. */
import { ImportError } from './import-errors'

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024

export interface DecodeOptions {
  fileName?: string
  maxBytes?: number
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / (1024 * 1024)).toFixed(1)} MB`
}

/** Throws an ImportError when `size` is over the limit. Exported so callers can check a file's size before reading it. */
export function checkSize(size: number, fileName: string, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (size > maxBytes) {
    throw new ImportError(fileName, [
      { line: 1, column: null, field: null, message: `file is ${formatBytes(size)} (${size} bytes), over the ${formatBytes(maxBytes)} (${maxBytes} bytes) import limit — split it into smaller files` }
    ])
  }
}

/** Converts CRLF and lone CR to LF. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. Only run after TextDecoder has rejected the bytes. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  const n = bytes.length
  while (i < n) {
    const b = bytes[i] ?? 0
    if (b < 0x80) { i++; continue }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80 }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800 }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000 }
    else return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

/** Decodes `bytes` as strict UTF-8 (BOM stripped, newlines normalised) or throws an ImportError. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const fileName = options.fileName ?? 'input'
  checkSize(bytes.length, fileName, options.maxBytes)
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hasBom ? bytes.subarray(3) : bytes
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(body))
    let line = 1
    let lineStart = 0
    for (let i = 0; i < bad; i++) {
      const b = body[i]
      if (b === 0x0a || (b === 0x0d && body[i + 1] !== 0x0a)) { line++; lineStart = i + 1 }
    }
    const offset = bad + (hasBom ? 3 : 0)
    const hex = (body[bad] ?? 0).toString(16).padStart(2, '0')
    throw new ImportError(fileName, [
      {
        line,
        column: bad - lineStart + 1,
        field: null,
        message: `not valid UTF-8: byte 0x${hex} at byte offset ${offset} — re-save the file as UTF-8`
      }
    ])
  }
  return normalizeNewlines(text)
}
