// What the shared contact finders report: a span in the ORIGINAL text plus what was found there.
// Spam (as ads) and PII (for masking) both read these, so the shapes live in one place.

export interface Finding {
  start: number;
  end: number;
  /** text.slice(start, end) of the original. */
  text: string;
  /** True when the writer disguised it (dot words, spaced letters, full-width forms, number words). */
  obfuscated: boolean;
}

export interface UrlFinding extends Finding {
  /** Host in lower case, as read after undoing the disguise ("example.com"). */
  host: string;
  /** True for a bare domain ("example.com"), false with a scheme or a www. prefix. */
  bare: boolean;
}

export interface EmailFinding extends Finding {
  /** The address as read after undoing the disguise ("seller@example.com"). */
  address: string;
}

export interface PhoneFinding extends Finding {
  /** The digits as read (ASCII), without separators. */
  digits: string;
  /** How it was found: libphonenumber, digits split by separators, English number words, Chinese numerals. */
  how: 'libphonenumber' | 'split' | 'words' | 'zh';
}

/** Drops findings that overlap an earlier one in `order` (callers put the preferred first). */
export function withoutOverlaps<T extends { start: number; end: number }>(order: readonly T[]): T[] {
  const kept: T[] = [];
  for (const f of order) {
    if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  }
  return kept;
}
