/**
 * mulberry32: a tiny deterministic PRNG, so tests, fixtures and benchmarks see the same shapes every run.
 * @param seed any 32-bit integer
 * @returns a function giving numbers in [0, 1)
 * @example const next = seededRandom(1); next(); // 0.627…
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
