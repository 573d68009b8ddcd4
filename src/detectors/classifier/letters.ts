// Letters and digits of any script (\p{L}, \p{N}) by code point, the word characters of the
// classifier's text passes: one table read per BMP character instead of a Unicode-property regex.

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

let bmp: Uint8Array | null = null;

function table(): Uint8Array {
  if (bmp) return bmp;
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (LETTER_OR_DIGIT.test(ch)) t[c] = HAN.test(ch) ? 2 : 1;
  }
  return (bmp = t);
}

/** 0: neither; 1: a letter or digit; 2: a Han character. */
export function letterKind(cp: number): number {
  if (cp < 0x10000) return table()[cp];
  const ch = String.fromCodePoint(cp);
  return LETTER_OR_DIGIT.test(ch) ? (HAN.test(ch) ? 2 : 1) : 0;
}

/** Code units the code point takes in a JavaScript string. */
export function unitsOf(cp: number): number { return cp > 0xffff ? 2 : 1; }
