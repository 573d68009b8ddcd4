// maskedText: the original with every masked evidence span replaced by '*' (one per code point),
// so a platform can show the message with the abuse and personal data blotted out.

import type { Span } from '../detectors/index.js';

export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    out += text.slice(at, from);
    for (const ch of text.slice(from, end)) out += /\s/.test(ch) ? ch : '*';
    at = end;
  }
  return out + text.slice(at);
}
