/**
 * A small seeded pseudo-random generator, so statistical resampling is reproducible: the same seed gives the same
 * sequence on every machine. sfc32 (Chris Doty-Humphrey's "small fast counter", from PractRand) seeded through
 * splitmix32; it passes PractRand and BigCrush and needs only 32-bit integer arithmetic. Not for cryptography.
 */

/** splitmix32: spreads a seed into well-mixed 32-bit words. */
function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0
  let z = state
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return [state, (z ^ (z >>> 16)) >>> 0]
}

/** The four sfc32 state words for a seed (any number; its low 32 bits are used). */
export function sfc32State(seed: number): Uint32Array {
  const state = new Uint32Array(4)
  let s = seed | 0
  for (let i = 0; i < 4; i++) {
    const [next, word] = splitmix32(s)
    s = next
    state[i] = word
  }
  return state
}

/** One sfc32 step on the state (mutated); returns a uint32. */
export function sfc32Next(st: Uint32Array): number {
  const a = st[0] as number
  const b = st[1] as number
  const c = st[2] as number
  const d = st[3] as number
  const t = (((a + b) | 0) + d) | 0
  st[3] = (d + 1) | 0
  st[0] = b ^ (b >>> 9)
  st[1] = (c + (c << 3)) | 0
  st[2] = ((c << 21) | (c >>> 11)) + t
  return t >>> 0
}

/** A seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  const st = sfc32State(seed)
  for (let i = 0; i < 12; i++) sfc32Next(st) // discard the first outputs, as the reference code does
  return () => sfc32Next(st) / 4294967296
}
