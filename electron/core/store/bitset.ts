/** A growable set of small non-negative integers (follower slots), 32 per word. */
export class Bitset {
  words: Uint32Array;

  constructor(bits = 0) {
    this.words = new Uint32Array(wordsFor(bits));
  }

  has(i: number): boolean {
    const w = i >>> 5;
    return w < this.words.length && ((this.words[w] >>> (i & 31)) & 1) === 1;
  }

  add(i: number): void {
    const w = i >>> 5;
    if (w >= this.words.length) {
      const grown = new Uint32Array(Math.max(w + 1, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    this.words[w] |= 1 << (i & 31);
  }

  delete(i: number): void {
    const w = i >>> 5;
    if (w < this.words.length) this.words[w] &= ~(1 << (i & 31));
  }
}

export function wordsFor(bits: number): number {
  return (bits + 31) >>> 5;
}

/** target |= source over target's length (missing words in source count as zero). */
export function orInto(target: Uint32Array, source: Uint32Array): void {
  const n = Math.min(target.length, source.length);
  for (let w = 0; w < n; w++) target[w] |= source[w];
}

/** target &= source over target's length (missing words in source count as zero). */
export function andInto(target: Uint32Array, source: Uint32Array): void {
  const n = Math.min(target.length, source.length);
  for (let w = 0; w < n; w++) target[w] &= source[w];
  target.fill(0, n);
}
