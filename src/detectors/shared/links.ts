// Finds URLs and e-mail addresses, plain or disguised, with exact original spans: linkify-it (fuzzy
// links, the full TLD list) reads the few tokens of the contact view that could hold a link, and
// each match is mapped back.

import { createRequire } from 'node:module';
import { LinkifyIt } from 'linkify-it';
import { MARK_SPOKEN_AT, contactView, hasMark } from './contactView.js';
import type { ContactView } from './contactView.js';
import type { EmailFinding, UrlFinding } from './finding.js';

const tlds = createRequire(import.meta.url)('tlds') as string[];
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true }).tlds(tlds);

/**
 * A bare "word.tld" without scheme, www. or path only counts for these TLDs: the full list holds
 * English words and file extensions ("ok.so", "README.md", "hi.how" are not links).
 */
const BARE_TLDS = new Set(('com net org info biz io co cn xyz top vip shop store online site club app dev ly tv cc '
  + 'ru uk de jp kr hk tw us ca au fr eu nl es br vn th sg ph tr gg link live win bet casino icu cyou tk ml '
  + 'ga cf gq ws su asia mobi cloud ai').split(' '));

/**
 * A disguised bare domain ("example dot com") only counts for the TLDs spammers spell out; chat
 * shorthand glued by the spacing rules ("enjoy . R u" → "enjoy.ru") must not become a link.
 */
const DISGUISED_TLDS = new Set('com net org info biz io co cn xyz top vip shop store site online club app cc tv me ly'.split(' '));

/** Where people mail from; "name at gmail.com" is an address even though only the "at" is spoken. */
const MAIL_PROVIDERS = new Set(('gmail googlemail outlook hotmail live msn yahoo icloud me mac aol proton protonmail '
  + 'gmx mail yandex qq foxmail 163 126 yeah sina sohu 139 aliyun').split(' '));

/**
 * Words that stand before a spoken " at " in prose ("buy at example dot com"): then the "at" is a
 * preposition and what follows is a site, not the domain of an address.
 */
const PROSE_BEFORE_AT = new Set(('look looking buy buying bought shop shopping find found available sold sell selling '
  + 'order ordering visit visiting see seen read check us me him her them it you we they this that these those here '
  + 'there home work school online store stores deal deals price prices stuff info details everything anything items '
  + 'products now only is are was were be been am stay staying meet meeting arrive arrived get got it\'s live lives '
  + 'located hosted posted listed sale cheap cheaper discount discounts').split(' '));

export interface Links { urls: UrlFinding[]; emails: EmailFinding[] }

/** What a view token holds, worked out once per distinct token (spam repeats its links). */
interface Candidate {
  a: number;
  b: number;
  email: boolean;
  /** URLs: passes the bare-domain rules. Emails: always true. */
  keep: boolean;
  host: string;
  bare: boolean;
  tld: string;
  /** Emails: offset of '@', the address, and how to read it if the "at" turns out to be prose. */
  at: number;
  address: string;
  provider: boolean;
  prose: boolean;
  asSite: Candidate | null;
}

export function findLinks(text: string): Links {
  const out: Links = { urls: [], emails: [] };
  if (text.length === 0) return out;
  const view = contactView(text);
  const memo = new Map<string, Candidate[]>();
  for (const [from, to] of linkTokens(view.text)) {
    const token = view.text.slice(from, to);
    let found = memo.get(token);
    if (!found) memo.set(token, found = analyse(token));
    for (const c of found) place(text, view, from, c, out);
  }
  return out;
}

function analyse(token: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of linkify.match(token) ?? []) {
    const raw = token.slice(m.index, m.lastIndex);
    if (m.schema === 'mailto:' && !raw.toLowerCase().startsWith('mailto:')) {
      const at = raw.indexOf('@');
      const domain = raw.slice(at + 1).toLowerCase();
      out.push({
        ...urlCandidate(raw, m.index, m.lastIndex, false), email: true, keep: true, at: m.index + at, address: raw.toLowerCase(),
        provider: MAIL_PROVIDERS.has(domain.split('.', 1)[0]), prose: PROSE_BEFORE_AT.has(raw.slice(0, at).toLowerCase()),
        asSite: urlCandidate(domain, m.index + at + 1, m.lastIndex, false),
      });
    } else {
      out.push(urlCandidate(raw, m.index, m.lastIndex, m.schema !== ''));
    }
  }
  return out;
}

function urlCandidate(raw: string, a: number, b: number, schemed: boolean): Candidate {
  const scheme = raw.indexOf('//');
  const rest = scheme >= 0 && scheme < 12 ? raw.slice(scheme + 2) : raw;
  const hostEnd = rest.search(/[/?#:]|$/);
  const host = rest.slice(0, hostEnd).toLowerCase();
  const www = host.startsWith('www.');
  const hasPath = rest.length > hostEnd + 1;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  const numeric = /^\d+$/.test(host.slice(0, host.indexOf('.'))); // "3.com"-like numerals are rarely links
  const keep = schemed || ((www || hasPath || BARE_TLDS.has(tld)) && !numeric);
  return { a, b, email: false, keep, host, bare: !schemed && !www, tld, at: -1, address: '', provider: false, prose: false, asSite: null };
}

/** Places one candidate at view offset `from`, deciding what depends on the disguise marks there. */
function place(text: string, view: ContactView, from: number, c: Candidate, out: Links): void {
  if (c.email && view.disguised && view.marks[from + c.at] === MARK_SPOKEN_AT) {
    // "look at example.com" is prose pointing at a site: keep the site, drop the address.
    if (c.prose || (!c.provider && !hasMark(view, from + c.at + 1, from + c.b))) {
      if (c.asSite) place(text, view, from, c.asSite, out);
      return;
    }
  }
  if (!c.keep) return;
  const span = original(text, view, from + c.a, from + c.b);
  if (!span) return;
  const obfuscated = hasMark(view, from + c.a, from + c.b);
  if (!c.email && c.bare && obfuscated && !DISGUISED_TLDS.has(c.tld)) return;
  if (c.email) out.emails.push({ start: span.start, end: span.end, text: span.text, obfuscated, address: c.address });
  else out.urls.push({ start: span.start, end: span.end, text: span.text, obfuscated, host: c.host, bare: c.bare });
}

// Links need "x.y", "x@y" or "://". In the view, links are whitespace-delimited (wide scripts
// became spaces), so linkify only reads the few tokens that hold one: much cheaper than the whole text.
const LINK_FEATURE = /[a-z0-9][.@][a-z0-9]|:\/\//gi;

function linkTokens(view: string): [number, number][] {
  const tokens: [number, number][] = [];
  LINK_FEATURE.lastIndex = 0;
  for (let m = LINK_FEATURE.exec(view); m; m = LINK_FEATURE.exec(view)) {
    let from = m.index;
    let to = m.index + m[0].length;
    while (from > 0 && view.charCodeAt(from - 1) !== 32) from--;
    while (to < view.length && view.charCodeAt(to) !== 32) to++;
    tokens.push([from, to]);
    LINK_FEATURE.lastIndex = to;
  }
  return tokens;
}

const isBlank = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000;

/** Maps view [a, b) to the original, trimming spaces a rewrite may have pulled in. */
function original(text: string, view: ContactView, a: number, b: number): { start: number; end: number; text: string } | null {
  let start = view.start[a];
  let end = view.end[b - 1];
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}
