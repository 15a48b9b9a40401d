/**
 * Small, fast, seeded randomness for the emulator. Everything the emulator "decides" (text, JSON values,
 * latency, failures) flows from these functions so that the same seed always gives the same result.
 */

/** A function returning uniformly distributed numbers in [0, 1). */
export type Rng = () => number

/** mulberry32: a tiny 32-bit PRNG, good enough for emulation and very cheap. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a 32-bit hash of a string (UTF-16 code units). Deterministic across runs and platforms. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** Mixes two 32-bit integers into one well-scrambled 32-bit integer (used for seed + counter). */
export function mixSeeds(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** Normalises any finite number (request `seed` params may be negative or large) to an unsigned 32-bit seed. */
export function toSeed(value: number): number {
  if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff) return value
  return hashString(String(value))
}

/** Integer in [min, max] inclusive. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

/** Picks one element of a non-empty array. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick() needs a non-empty array')
  return item
}

/** Standard normal sample (Box-Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng()
  const v = rng()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}
