// The text's UTF-16 code units in a typed array. Scanning loops read these several times faster
// than charCodeAt, and Buffer's native copy is ~10× cheaper than filling the array by hand.

export function codeUnits(text: string): Uint16Array {
  const bytes = Buffer.from(text, 'utf16le');
  if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  const units = new Uint16Array(text.length); // a pooled Buffer at an odd offset cannot be viewed as 16-bit
  for (let i = 0; i < text.length; i++) units[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
  return units;
}

/** A 64K-entry membership table for code units: one indexed read per character, no hashing. */
export function unitTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
