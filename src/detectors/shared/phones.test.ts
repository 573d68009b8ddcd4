// Phone numbers: libphonenumber on digit runs (CN and US regions), digits split apart, numbers in
// English words or Chinese numerals, full-width digits; dates, prices, versions and IDs are not phones.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPhones } from './phones.js';

const phones = (text: string) => findPhones(text).map((p) => [p.text, p.start, p.digits, p.obfuscated]);

test('formatted numbers in both default regions', () => {
  assert.deepEqual(phones('call 415-555-0123 today'), [['415-555-0123', 5, '4155550123', false]]);
  assert.deepEqual(phones('call (415) 555-0123 or +86 138 0013 8000'), [
    ['(415) 555-0123', 5, '4155550123', false], ['+86 138 0013 8000', 23, '8613800138000', false]]);
  assert.deepEqual(phones('我的电话是13800138000，微信同号'), [['13800138000', 5, '13800138000', false]]);
  assert.deepEqual(phones('tel:+8613800138000'), [['+8613800138000', 4, '8613800138000', false]]);
});

test('disguised numbers', () => {
  assert.deepEqual(phones('1 5 5 5 0 1 0 0 1 2 3'), [['1 5 5 5 0 1 0 0 1 2 3', 0, '15550100123', true]]);
  assert.deepEqual(phones('call 1.5.5.5.0.1.0.0.1.2.3 now'), [['1.5.5.5.0.1.0.0.1.2.3', 5, '15550100123', true]]);
  assert.deepEqual(phones('call me: 4-1-5-5-5-5-0-1-2-3'), [['4-1-5-5-5-5-0-1-2-3', 9, '4155550123', true]]);
  assert.deepEqual(phones('call five five five zero one zero zero now'), [['five five five zero one zero zero', 5, '5550100', true]]);
  assert.deepEqual(phones('Five-Five-Five, 0, one, two, 3'), [['Five-Five-Five, 0, one, two, 3', 0, '5550123', true]]);
  assert.deepEqual(phones('电话一三八零零一三八零零零'), [['一三八零零一三八零零零', 2, '13800138000', true]]);
  assert.deepEqual(phones('幺三八 零零幺三 八零零零'), [['幺三八 零零幺三 八零零零', 0, '13800138000', true]]);
  assert.deepEqual(phones('打１３８００１３８０００'), [['１３８００１３８０００', 1, '13800138000', true]]);
});

test('dates, prices, versions, times, IDs and counts are not phones', () => {
  for (const text of [
    'date 2024-01-15 and 2024/01/15 and 15.01.2024', 'price $1,234,567.89', 'order #12345678901', 'v1.2.3 3.14 10:30',
    'ISBN 978-3-16-148410-0', 'card 4111 1111 1111 1111', 'id 11010519491231002X', 'ssn 123-45-6789',
    'in 2023 we sold 1500000 units', 'one two three four five six seven', '一二三四五六七八九十', 'SKU A12345678901',
  ]) {
    assert.deepEqual(phones(text), [], text);
  }
});
