/** Small deterministic PRNG (mulberry32): same seed, same data, on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes several integers into one 32-bit seed (a cheap hash, good enough to decorrelate streams). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/**
 * A v4-shaped UUID that is unique per (stream, index): its last 48 bits are stream and index XOR a seed mask
 * (a bijection), so two contacts can never share an id; the other bits are pseudo-random.
 */
export function uuidFor(rand: () => number, stream: number, index: number, seed: number): string {
  const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, '0').slice(-width);
  const r = () => Math.floor(rand() * 0x100000000);
  const variant = (8 + (r() & 3)).toString(16);
  const node = hex((stream ^ mixSeed(seed, 1)) & 0xffff, 4) + hex(index ^ mixSeed(seed, 2), 8);
  return `${hex(r(), 8)}-${hex(r(), 4)}-4${hex(r(), 3)}-${variant}${hex(r(), 3)}-${node}`;
}

export function pickWeighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rand() * total;
  for (const [item, weight] of items) {
    r -= weight;
    if (r < 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}
