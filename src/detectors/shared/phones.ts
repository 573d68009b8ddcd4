// Finds phone numbers with exact original spans: libphonenumber-js (CN and US default regions) on
// digit runs, digits split apart to dodge filters, and numbers spelled in English words or Chinese.

import { parsePhoneNumberFromString, searchPhoneNumbersInText } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import type { PhoneFinding } from './finding.js';
import { withoutOverlaps } from './finding.js';
import { findSpelledNumbers, plausibleDigits } from './spelledNumbers.js';

const REGIONS: readonly CountryCode[] = ['CN', 'US'];
// Calendar dates (also with an hour glued on: "2018-08-23 12:55") look like numbers; never phones.
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?![0-9])/;

// A run of digits (ASCII or full-width) with phone punctuation; capped so a scan stays linear.
const CANDIDATE = /[+＋]?[(（]?[0-9０-９](?:[0-9０-９ \-.()（）\u00A0\u3000]{0,30}[0-9０-９])?/g;
// Before a number: letters (product codes, "v1.2"), '#' (order numbers) and currency (prices) mean it is no phone.
const BLOCKED_BEFORE = /[A-Za-z0-9#$¥€£＄￥№_@]/;
const FULL_WIDTH_DIGIT = /[０-９]/;
// "call 09050090044": a number right after an invitation to call is a phone even in a region
// libphonenumber was not asked about (only CN and US are default regions).
const CALL_BEFORE = /(?:call|ring|phone|tel|dial|whatsapp|電話|电话|致电|拨打|热线|手机)[^\w\n]{0,3}(?:(?:us|me|now|on|at)[^\w\n]{1,3}){0,2}$/i;

export function findPhones(text: string): PhoneFinding[] {
  const found: PhoneFinding[] = [];
  // Spam repeats itself: each distinct candidate is parsed once per text.
  const memo = new Map<string, readonly [number, number][]>();
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const digits = asciiDigits(m[0]);
    if (digits.length < 7) continue;
    const before = m.index > 0 ? text[m.index - 1] : '';
    const after = text[m.index + m[0].length] ?? '';
    if (BLOCKED_BEFORE.test(before) || /[A-Za-z]/.test(after) || DATE.test(m[0])) continue;
    let spans = memo.get(m[0]);
    if (!spans) memo.set(m[0], spans = inCandidate(m[0], digits));
    if (spans.length === 0 && digits.length >= 9 && digits.length <= 13 && plausibleDigits(digits)
      && CALL_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) spans = [[0, m[0].length]];
    for (const [a, b] of spans) found.push(phone(text, m.index + a, m.index + b));
  }
  found.push(...findSpelledNumbers(text));
  // Longer first, so "+86 138…" wins over a shorter reading of the same digits.
  found.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  return withoutOverlaps(found).sort((a, b) => a.start - b.start);
}

/**
 * Spans of phone numbers inside one candidate. One number usually fills it: a strict parse in the
 * likelier region first (~16 µs). Only candidates that hold more (two numbers, a number and a
 * stray digit) pay for libphonenumber's full search (~40 µs per region).
 */
function inCandidate(candidate: string, digits: string): [number, number][] {
  if (digits.length <= 15) {
    for (const region of likelyRegions(candidate, digits)) {
      const n = parsePhoneNumberFromString(candidate, { defaultCountry: region, extract: false });
      if (n?.isValid()) return [[0, candidate.length]];
    }
    if (isSplit(candidate)) {
      const end = candidate.replace(/[^0-9０-９]+$/, '').length;
      return plausibleDigits(digits) ? [[0, end]] : [];
    }
    if (digits.length < 8 || !/[^0-9０-９]/.test(candidate)) return [];
  }
  const spans: [number, number][] = [];
  for (const region of REGIONS) {
    for (const n of searchPhoneNumbersInText(candidate, { defaultCountry: region })) {
      if (!spans.some(([a, b]) => a < n.endsAt && n.startsAt < b)) spans.push([n.startsAt, n.endsAt]);
    }
  }
  return spans;
}

/**
 * Regions worth a parse, likelier first, from the shape alone: a CN mobile is 11 digits from 13-19,
 * a CN landline starts with the trunk 0, a US number has 10 digits (11 with the leading 1). Other
 * shapes (7-9 digit counts, IDs, amounts) skip libphonenumber entirely.
 */
function likelyRegions(candidate: string, digits: string): readonly (CountryCode | undefined)[] {
  if (/^[+＋]/.test(candidate)) return [undefined];
  if (digits.startsWith('00') || (digits.startsWith('86') && digits.length === 13)) return ['CN'];
  if (digits.length === 11 && /^1[3-9]/.test(digits)) return ['CN', 'US'];
  if (digits.length === 10 || (digits.length === 11 && digits[0] === '1')) return ['US', 'CN'];
  if (digits[0] === '0' && digits.length >= 10 && digits.length <= 12) return ['CN'];
  return [];
}

function phone(text: string, start: number, end: number): PhoneFinding {
  const span = text.slice(start, end);
  const split = isSplit(span);
  const digits = asciiDigits(span);
  return { start, end, text: span, obfuscated: split || FULL_WIDTH_DIGIT.test(span), digits, how: split ? 'split' : 'libphonenumber' };
}

/** Digits pulled apart one or two at a time ("1 5 5 5 0 1 0 0"), not the usual 3-4 digit groups. */
function isSplit(span: string): boolean {
  const groups = span.match(/[0-9０-９]+/g) ?? [];
  if (groups.length < 5) return false;
  const short = groups.filter((g) => g.length <= 2).length;
  return short / groups.length >= 0.7;
}

function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 48 && c <= 57) out += ch;
    else if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
  }
  return out;
}
