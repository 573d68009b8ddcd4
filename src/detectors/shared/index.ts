// Finders both the spam (ads) and the PII detector use, so neither duplicates the other:
// URLs and e-mail addresses (plain or disguised) and phone numbers (plain, split or spelled).

export { findContacts } from './contacts.js';
export type { Contacts } from './contacts.js';
export { findLinks } from './links.js';
export type { Links } from './links.js';
export { findPhones } from './phones.js';
export { withoutOverlaps } from './finding.js';
export { codeUnits, unitTable } from './codeUnits.js';
export type { EmailFinding, Finding, PhoneFinding, UrlFinding } from './finding.js';
