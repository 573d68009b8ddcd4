// The 'pii' detector: every kind of personal data with exact spans and mask: true, checksum-valid
// numbers at score >= 0.9, and look-alikes with a wrong checksum or a never-issued range passing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeForMatching } from '../../normalize/index.js';
import type { Detection, TextInput } from '../detector.js';
import { findContacts } from '../shared/index.js';
import { PiiDetector } from './PiiDetector.js';
import { luhn } from './cards.js';
import { validCnId } from './cnId.js';

const detector = new PiiDetector();
const input = (text: string): TextInput => ({ kind: 'text', text, normalized: normalizeForMatching(text) });
const run = (text: string): Promise<Detection> => detector.detect(input(text), {});
const hits = async (text: string) => (await run(text)).evidence.map((e) => [e.rule, e.text, e.span?.start]);

/** Completes 17 digits with the ISO 7064 MOD 11-2 check character. */
function cnId(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

test('each kind of PII with its rule, exact span, severity and mask', async () => {
  const cases: [string, string, string, number, string][] = [
    ['write to jane.doe@example.com', 'pii:email', 'jane.doe@example.com', 9, 'medium'],
    ['mail jane(at)example(dot)com', 'pii:email', 'jane(at)example(dot)com', 5, 'medium'],
    ['my number is +1 415-555-0123', 'pii:phone', '+1 415-555-0123', 13, 'medium'],
    ['我的手机号是13800138000', 'pii:phone', '13800138000', 6, 'medium'],
    ['card 4111 1111 1111 1111 exp 12/27', 'pii:card', '4111 1111 1111 1111', 5, 'high'],
    ['amex 3782-822463-10005', 'pii:card', '3782-822463-10005', 5, 'high'],
    ['mc 5500000000000004.', 'pii:card', '5500000000000004', 3, 'high'],
    ['SSN 123-45-6789', 'pii:ssn', '123-45-6789', 4, 'high'],
    ['ssn: 123456789', 'pii:ssn', '123456789', 5, 'high'],
    ['身份证号 11010519491231002X', 'pii:cn_id', '11010519491231002X', 5, 'high'],
  ];
  for (const [text, rule, span, start, severity] of cases) {
    const { scores, evidence } = await run(text);
    assert.equal(evidence.length, 1, text);
    const [e] = evidence;
    assert.deepEqual([e.rule, e.text, e.span?.start, e.severity, e.mask, e.category], [rule, span, start, severity, true, 'pii'], text);
    if (severity === 'high') assert.ok(e.score >= 0.9 && (scores.pii ?? 0) >= 0.9, text);
  }
});

test('wrong checksums and never-issued ranges are not flagged', async () => {
  for (const text of [
    'card 4111 1111 1111 1112', 'card 4111-1111-1111-1111-2222', '1234 5678 9012 3456',
    'SSN 000-12-3456', 'SSN 666-12-3456', 'SSN 900-12-3456', 'SSN 123-00-4567', 'SSN 123-45-0000', 'SSN 078-05-1120',
    '身份证 110105194912310021', '身份证 ' + cnId('11010519490231001').slice(0, 17) + 'Y',
    '身份证 ' + cnId('11010519490230001'), '身份证 ' + cnId('99010519491231001'), '身份证 ' + cnId('11010530001231001'),
    'order 12345 shipped on 2024-01-15, v1.2.3, total $1,234.56', 'call me at 5',
  ]) {
    assert.deepEqual(await hits(text), [], text);
  }
});

test('checksum helpers', () => {
  assert.ok(luhn('4111111111111111'));
  assert.ok(!luhn('4111111111111112'));
  assert.ok(validCnId('11010519491231002X'));
  assert.ok(validCnId(cnId('44052419800101001')));
  assert.ok(!validCnId('11010519491231002Y'.slice(0, 17) + '1'));
});

test('an 18-digit ID is reported once, as an ID, even if it also passes Luhn', async () => {
  // Find a Gansu (62…) ID whose digits also pass Luhn with a UnionPay prefix.
  let id = '';
  for (let n = 0; n < 1000 && !id; n++) {
    const candidate = cnId(`62010219800101${String(n).padStart(3, '0')}`);
    if (/^\d{18}$/.test(candidate) && luhn(candidate)) id = candidate;
  }
  assert.ok(id, 'found a Luhn-valid ID');
  assert.deepEqual(await hits(`ID ${id}`), [['pii:cn_id', id, 3]]);
});

test('mixed English and Chinese text with several kinds', async () => {
  const text = '联系我 jane@example.com 或 138 0013 8000，card 4111111111111111，身份证11010519491231002X';
  assert.deepEqual(await hits(text), [
    ['pii:email', 'jane@example.com', 4], ['pii:phone', '138 0013 8000', 23],
    ['pii:card', '4111111111111111', 42], ['pii:cn_id', '11010519491231002X', 62]]);
});

test('digits inside a URL or an address are not a phone', async () => {
  assert.deepEqual(await hits('see https://shop.example.com/item/13800138000 or mail 13800138000@qq.com'),
    [['pii:email', '13800138000@qq.com', 54]]);
});

test('contacts are found once per request and shared with the spam detector', () => {
  const shared = input('call 415-555-0123');
  assert.equal(findContacts(shared), findContacts(shared));
});

test('adversarial 10,000-character inputs finish and stay well-formed', async () => {
  for (const text of ['1'.repeat(10_000), '1 '.repeat(5_000), '4111-'.repeat(2_000), '@a.'.repeat(3_333), 'x'.repeat(10_000)]) {
    const { evidence } = await run(text);
    for (const e of evidence) assert.equal(text.slice(e.span!.start, e.span!.end), e.text);
  }
});
