// The 'pii' detector's examples: checksum-valid identifiers flag, look-alikes with a wrong
// checksum or a never-issued range pass. The conformance suite runs them all.

import type { DetectorExample } from '../detector.js';

export const PII_EXAMPLES: readonly DetectorExample[] = Object.freeze([
  { text: 'write to jane.doe@example.com', expect: { pii: 'flag' } },
  { text: 'my number is +1 415-555-0123', expect: { pii: 'flag' } },
  { text: '我的手机号是13800138000', expect: { pii: 'flag' } },
  { text: 'card 4111 1111 1111 1111 exp 12/27', expect: { pii: 'flag' } },
  { text: 'SSN 123-45-6789', expect: { pii: 'flag' } },
  { text: '身份证号 11010519491231002X', expect: { pii: 'flag' } },
  { text: 'card 4111 1111 1111 1112 (wrong check digit)', expect: { pii: 'pass' } },
  { text: 'SSN 000-12-3456 is never issued', expect: { pii: 'pass' } },
  { text: '身份证号 110105194912310021', expect: { pii: 'pass' } },
  { text: 'order 12345 shipped on 2024-01-15, v1.2.3, total $1,234.56', expect: { pii: 'pass' } },
]);
