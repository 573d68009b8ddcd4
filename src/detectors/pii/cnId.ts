// Chinese resident identity numbers (18 characters): a province code, a real birth date, and the
// ISO 7064 MOD 11-2 check character (0-9 or X). A wrong checksum is not an ID and is not flagged.

import type { Finding } from '../shared/index.js';

const CN_ID = /(?<![0-9A-Za-z])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
  50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]);

export function findCnIds(text: string, now: Date = new Date()): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(CN_ID)) {
    if (validCnId(m[0], now)) out.push({ start: m.index, end: m.index + 18, text: m[0], obfuscated: false });
  }
  return out;
}

export function validCnId(id: string, now: Date = new Date()): boolean {
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false; // 0230, 0431, …
  if (year < 1900 || birth.getTime() > now.getTime()) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11] === id[17].toUpperCase();
}
