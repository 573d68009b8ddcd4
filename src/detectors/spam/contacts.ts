// The 'ads' evidence: URLs, e-mail addresses, phone numbers and messaging handles. A plain link is
// weak (many platforms allow links; shorteners too: Twitter wraps every link in t.co); a disguised
// one or a contact solicitation shows intent.

import type { Span, TextInput } from '../detector.js';
import { findContacts } from '../shared/index.js';
import type { UrlFinding } from '../shared/index.js';
import { findHandles } from './handles.js';

const ADS_SCORE = { url: 0.45, shortener: 0.55, contact: 0.75, handle: 0.9, disguised: 0.97 } as const;

const SHORTENERS = new Set(['bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly',
  'cutt.ly', 'shorturl.at', 'rb.gy', 't.cn', 'dwz.cn', 'url.cn', 'suo.im', 'tiny.cc', 's.id', 'lnkd.in', 'v.gd']);
const MESSAGING_HOSTS: Readonly<Record<string, string>> = {
  't.me': 'telegram', 'telegram.me': 'telegram', 'telegram.dog': 'telegram', 'wa.me': 'whatsapp',
  'chat.whatsapp.com': 'whatsapp', 'api.whatsapp.com': 'whatsapp', 'line.me': 'line', 'qm.qq.com': 'qq',
  'u.wechat.com': 'wechat', 'weixin.qq.com': 'wechat', 'kik.me': 'kik', 'discord.gg': 'discord',
};

/** Ads evidence before the detector gives it a category and a severity. */
export interface Draft { source: string; rule: string; score: number; text: string; span: Span }

export function findAds(input: TextInput): Draft[] {
  const text = input.text;
  const { urls, emails, phones } = findContacts(input);
  const drafts: Draft[] = [
    ...urls.map(urlDraft),
    ...emails.map((e) => draft('email', e.obfuscated ? 'email:obfuscated' : 'email', e.obfuscated ? ADS_SCORE.disguised : ADS_SCORE.contact, e)),
  ];
  for (const p of phones) {
    drafts.push(draft('phone', p.obfuscated ? 'phone:obfuscated' : 'phone', p.obfuscated ? ADS_SCORE.disguised : ADS_SCORE.contact, p));
  }
  for (const h of findHandles(text)) {
    drafts.push(draft('handle', `handle:${h.platform}`, h.score, { ...h, text: text.slice(h.start, h.end) }));
  }
  return withoutContained(drafts);
}

function urlDraft(u: UrlFinding): Draft {
  const host = u.host.replace(/^www\./, '');
  const messaging = MESSAGING_HOSTS[host] ?? (host === 'snapchat.com' && /\/add\//i.test(u.text) ? 'snapchat' : undefined);
  if (messaging) return draft('handle', `handle:${messaging}`, u.obfuscated ? ADS_SCORE.disguised : ADS_SCORE.handle, u);
  if (u.obfuscated) return draft('url', 'url:obfuscated', ADS_SCORE.disguised, u);
  if (SHORTENERS.has(host)) return draft('url', 'url:shortener', ADS_SCORE.shortener, u);
  return draft('url', 'url', ADS_SCORE.url, u);
}

function draft(source: string, rule: string, score: number, f: { start: number; end: number; text: string }): Draft {
  return { source, rule, score, text: f.text, span: { start: f.start, end: f.end } };
}

/** Drops evidence lying inside stronger evidence ("vx 13800138000" holds the phone). */
function withoutContained(drafts: Draft[]): Draft[] {
  const length = (d: Draft): number => d.span.end - d.span.start;
  const order = [...drafts].sort((a, b) => b.score - a.score || length(b) - length(a));
  const kept: Draft[] = [];
  for (const d of order) {
    if (!kept.some((k) => k.span.start <= d.span.start && d.span.end <= k.span.end)) kept.push(d);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}
