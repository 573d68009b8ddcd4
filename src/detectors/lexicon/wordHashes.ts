// A set of lower-case ASCII words asked by hash, so a scan can test every word of a text without
// cutting it out as a string first. With 170,000 words among 2^32 hashes, about one unknown word in
// 25,000 tests as known; a false "known" only means that word is left as written.

/** FNV-1a over the char codes of s[start, end): what the scan computes as it reads. */
export function hashOf(s: string, start = 0, end = s.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

export class WordHashes {
  readonly #slots: Int32Array;
  readonly #mask: number;

  constructor(words: Iterable<string>) {
    const list = [...words];
    let size = 1;
    while (size < list.length * 2) size <<= 1;
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
    for (const word of list) this.#add(hashOf(word));
  }

  /** `hash` as hashOf gives it. */
  has(hash: number): boolean {
    const h = hash || 1;
    for (let i = h & this.#mask; ; i = (i + 1) & this.#mask) {
      const slot = this.#slots[i];
      if (slot === h) return true;
      if (slot === 0) return false;
    }
  }

  #add(hash: number): void {
    const h = hash || 1;
    let i = h & this.#mask;
    while (this.#slots[i] !== 0 && this.#slots[i] !== h) i = (i + 1) & this.#mask;
    this.#slots[i] = h;
  }
}
