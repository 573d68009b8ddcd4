// Both detectors read the same contacts from the same request: found once, then reused. The key is
// the request's NormalizedText (the pipeline builds one per text and hands it to every detector).
// One slot, not a WeakMap: the pipeline runs detectors back to back, and WeakMap entries cost GC time.

import type { NormalizedText } from '../../normalize/index.js';
import type { TextInput } from '../detector.js';
import type { EmailFinding, PhoneFinding, UrlFinding } from './finding.js';
import { findLinks } from './links.js';
import { findPhones } from './phones.js';

export interface Contacts {
  readonly urls: readonly UrlFinding[];
  readonly emails: readonly EmailFinding[];
  readonly phones: readonly PhoneFinding[];
}

let last: { key: NormalizedText; text: string; contacts: Contacts } | null = null;

export function findContacts(input: TextInput): Contacts {
  if (last && last.key === input.normalized && last.text === input.text) return last.contacts;
  const { urls, emails } = findLinks(input.text);
  const links = [...urls, ...emails];
  // Digits inside a URL or an address are part of it ("…/item/13800138000", "123456@qq.com").
  const phones = findPhones(input.text).filter((p) => !links.some((l) => l.start <= p.start && p.end <= l.end));
  const contacts: Contacts = Object.freeze({ urls, emails, phones });
  last = { key: input.normalized, text: input.text, contacts };
  return contacts;
}
