// Phone numbers written out to dodge digit filters: "five five five zero one zero zero",
// "一三八零零一三八零零零", "幺三八…", or mixed with digits. Seven or more digits in a row count.

import type { PhoneFinding } from './finding.js';

const EN_WORDS: Readonly<Record<string, string>> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5',
  six: '6', seven: '7', eight: '8', nine: '9', niner: '9',
};
const ZH_DIGITS: Readonly<Record<string, string>> = {
  零: '0', 〇: '0', '○': '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 两: '2', 贰: '2', 貳: '2', 三: '3', 叁: '3', 參: '3',
  四: '4', 肆: '4', 五: '5', 伍: '5', 六: '6', 陆: '6', 陸: '6', 七: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 玖: '9',
};

const EN_TOKEN = '(?:zero|oh|one|two|three|four|five|six|seven|eight|niner|nine|[0-9])';
// Tokens joined by at most three separators: no nested unbounded quantifiers.
const EN_RUN = new RegExp(`\\b${EN_TOKEN}(?:[\\s,.\\-]{1,3}${EN_TOKEN}){6,19}\\b`, 'gi');
const ZH_CHARS = `[0-9${Object.keys(ZH_DIGITS).join('')}]`;
const ZH_RUN = new RegExp(`${ZH_CHARS}(?:[\\s,.\\-、，·]{0,2}${ZH_CHARS}){6,19}`, 'g');
const ZH_ALL = new RegExp(`[${Object.keys(ZH_DIGITS).join('')}]`, 'g');
const EN_WORD = /[a-z]/i;

export function findSpelledNumbers(text: string): PhoneFinding[] {
  const out: PhoneFinding[] = [];
  for (const m of text.matchAll(EN_RUN)) {
    if (!EN_WORD.test(m[0])) continue; // all digits: the digit finder's business
    const digits = m[0].toLowerCase().split(/[\s,.\-]+/).map((t) => EN_WORDS[t] ?? t).join('');
    if (plausibleDigits(digits)) out.push(finding(m.index, m[0], digits, 'words'));
  }
  for (const m of text.matchAll(ZH_RUN)) {
    // At least three Chinese numerals: "15268086178陆小姐" is a number and a surname (陆), not a disguise.
    if ((m[0].match(ZH_ALL) ?? []).length < 3) continue;
    let digits = '';
    for (const ch of m[0]) digits += ZH_DIGITS[ch] ?? (/[0-9]/.test(ch) ? ch : '');
    if (plausibleDigits(digits)) out.push(finding(m.index, m[0], digits, 'zh'));
  }
  return out;
}

function finding(start: number, text: string, digits: string, how: 'words' | 'zh'): PhoneFinding {
  return { start, end: start + text.length, text, obfuscated: true, digits, how };
}

/** 7-15 digits that are not a count ("1234567"), a countdown or one digit over and over. */
export function plausibleDigits(digits: string): boolean {
  if (digits.length < 7 || digits.length > 15) return false;
  if (new Set(digits).size < 3) return false;
  let up = true;
  let down = true;
  for (let i = 1; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - digits.charCodeAt(i - 1);
    if (d !== 1 && d !== -9) up = false;
    if (d !== -1 && d !== 9) down = false;
  }
  return !up && !down;
}
