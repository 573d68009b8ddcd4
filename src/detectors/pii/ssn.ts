// US Social Security numbers: AAA-GG-SSSS (dashes or spaces), or nine bare digits right after the
// words "SSN" / "social security". Ranges the SSA never issues are excluded (000, 666, 9xx, 00, 0000).

import type { Finding } from '../shared/index.js';

const FORMATTED = /(?<![0-9][ -]?)([0-9]{3})([ -])([0-9]{2})\2([0-9]{4})(?![ -]?[0-9])/g;
const BARE_WITH_CONTEXT = /\b(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?)\s{0,3}[:#=]?\s{0,3}([0-9]{9})(?![0-9])/gi;
/** Numbers the SSA voided after they were printed in advertising. */
const VOIDED = new Set(['078051120', '219099999']);

export function findSsns(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(FORMATTED)) {
    if (valid(m[1], m[3], m[4])) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], obfuscated: false });
  }
  for (const m of text.matchAll(BARE_WITH_CONTEXT)) {
    const d = m[1];
    const start = m.index + m[0].length - d.length;
    if (valid(d.slice(0, 3), d.slice(3, 5), d.slice(5))) out.push({ start, end: start + 9, text: d, obfuscated: false });
  }
  return out;
}

export function valid(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  return !VOIDED.has(area + group + serial);
}
