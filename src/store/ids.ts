import { randomFillSync } from 'node:crypto'

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const pool = Buffer.allocUnsafe(8 * 1024)
let poolOffset = pool.length

function hexByte(index: number): string {
  return HEX[pool[index] as number] as string
}

/**
 * A short random id: 16 hex characters (64 bits from the OS CSPRNG). Bytes come from a pooled buffer refilled with
 * `randomFillSync`, about 10x cheaper than slicing a `randomUUID()`, which matters on the call hot path (100k rows).
 * With a prefix: `prefix_<16 hex>`.
 */
export function newId(prefix?: string): string {
  if (poolOffset + 8 > pool.length) {
    randomFillSync(pool)
    poolOffset = 0
  }
  const o = poolOffset
  poolOffset += 8
  const hex =
    hexByte(o) + hexByte(o + 1) + hexByte(o + 2) + hexByte(o + 3) + hexByte(o + 4) + hexByte(o + 5) + hexByte(o + 6) + hexByte(o + 7)
  return prefix ? `${prefix}_${hex}` : hex
}

/** Epoch milliseconds (storage) to an ISO string (core types). */
export function toIso(ms: number): string {
  return new Date(ms).toISOString()
}

export function toIsoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString()
}

/** A filesystem-safe UTC timestamp, e.g. `2026-11-27T01-02-03`. With `withMs`: `2026-11-27T01-02-03-456Z`. */
export function fileStamp(date: Date, withMs = false): string {
  const iso = date.toISOString()
  return (withMs ? iso : iso.slice(0, 19)).replace(/[:.]/g, '-')
}
