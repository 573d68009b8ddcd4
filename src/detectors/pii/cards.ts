// Payment card numbers: 13-19 digits, optionally grouped by spaces or dashes, that pass the Luhn
// check and start with an issuer prefix (IIN) of a known network for that length.

import type { Finding } from '../shared/index.js';

// Bounded repetition of (digit, optional separator): linear, no nested unbounded quantifiers.
const CARD = /(?<![0-9０-９][ -]?)[0-9](?:[ -]?[0-9]){12,18}(?![ -]?[0-9])/g;

interface Network { name: string; prefix: RegExp; lengths: readonly number[] }

const NETWORKS: readonly Network[] = [
  { name: 'visa', prefix: /^4/, lengths: [13, 16, 19] },
  { name: 'mastercard', prefix: /^(?:5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/, lengths: [16] },
  { name: 'amex', prefix: /^3[47]/, lengths: [15] },
  { name: 'discover', prefix: /^(?:6011|64[4-9]|65)/, lengths: [16, 17, 18, 19] },
  { name: 'jcb', prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
  { name: 'diners', prefix: /^(?:30[0-5]|3095|36|3[89])/, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'unionpay', prefix: /^62/, lengths: [16, 17, 18, 19] },
  { name: 'mir', prefix: /^220[0-4]/, lengths: [16, 17, 18, 19] },
  { name: 'maestro', prefix: /^(?:5018|5020|5038|5893|6304|6759|676[1-3])/, lengths: [13, 14, 15, 16, 17, 18, 19] },
];

export interface CardFinding extends Finding { network: string }

export function findCards(text: string): CardFinding[] {
  const out: CardFinding[] = [];
  for (const m of text.matchAll(CARD)) {
    if (!consistentGroups(m[0])) continue;
    const digits = m[0].replace(/[ -]/g, '');
    const network = NETWORKS.find((n) => n.lengths.includes(digits.length) && n.prefix.test(digits));
    if (!network || !luhn(digits)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], obfuscated: false, network: network.name });
  }
  return out;
}

/** Separators are all spaces or all dashes, and groups are 2-8 digits long ("4111 1111 1111 1111"). */
function consistentGroups(s: string): boolean {
  const seps = new Set(s.replace(/[0-9]/g, ''));
  if (seps.size > 1) return false;
  if (seps.size === 0) return true;
  return s.split(/[ -]/).every((g) => g.length >= 2 && g.length <= 8);
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}
