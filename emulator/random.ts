// A small seedable PRNG (mulberry32). Math.random cannot be seeded, and weighted alias invocations and
// fault draws must be reproducible from EmulatorOptions.seed.

export type Random = () => number // uniform in [0, 1)

export function createRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
