// URLs and e-mail addresses, plain and disguised, with exact original spans; prose look-alikes
// (times, versions, file names, "I'm at home") find nothing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findLinks } from './links.js';

const urls = (text: string) => findLinks(text).urls.map((u) => [u.text, u.start, u.obfuscated]);
const emails = (text: string) => findLinks(text).emails.map((e) => [e.text, e.start, e.obfuscated, e.address]);

test('plain URLs and bare domains', () => {
  assert.deepEqual(urls('visit example.com now'), [['example.com', 6, false]]);
  assert.deepEqual(urls('go to bit.ly/x'), [['bit.ly/x', 6, false]]);
  assert.deepEqual(urls('see https://x.example.org/a?b=1.'), [['https://x.example.org/a?b=1', 4, false]]);
  assert.deepEqual(urls('我在example.com卖东西'), [['example.com', 2, false]]);
  assert.deepEqual(urls('访问www.example.cn看看'), [['www.example.cn', 2, false]]);
});

test('disguised URLs map back to the whole disguise', () => {
  const cases: [string, string, number][] = [
    ['buy at example dot com today', 'example dot com', 7],
    ['example [.] com', 'example [.] com', 0],
    ['see example(dot)com', 'example(dot)com', 4],
    ['w w w . x . com', 'w w w . x . com', 0],
    ['去www。example。com看', 'www。example。com', 1],
    ['h t t p s : / / example . com', 'h t t p s : / / example . com', 0],
    ['ｅｘａｍｐｌｅ．ｃｏｍ', 'ｅｘａｍｐｌｅ．ｃｏｍ', 0],
    ['example点com', 'example点com', 0],
    ['www.exa\u200Bmple.com', 'www.exa\u200Bmple.com', 0],
  ];
  for (const [text, span, start] of cases) assert.deepEqual(urls(text), [[span, start, true]], text);
});

test('e-mail addresses, plain and disguised', () => {
  assert.deepEqual(emails('mail me at bob@gmail.com'), [['bob@gmail.com', 11, false, 'bob@gmail.com']]);
  assert.deepEqual(emails('seller(at)example(dot)com'), [['seller(at)example(dot)com', 0, true, 'seller@example.com']]);
  assert.deepEqual(emails('write seller at example dot com'), [['seller at example dot com', 6, true, 'seller@example.com']]);
  assert.deepEqual(emails('seller [at] example [dot] com'), [['seller [at] example [dot] com', 0, true, 'seller@example.com']]);
  assert.deepEqual(emails('bob at gmail.com'), [['bob at gmail.com', 0, true, 'bob@gmail.com']]);
});

test('"look at example.com" is a site, not an address', () => {
  assert.deepEqual(emails('look at example.com'), []);
  assert.deepEqual(urls('look at example.com'), [['example.com', 8, false]]);
});

test('prose and numbers are not links', () => {
  for (const text of [
    "I'm at home", 'see you at 5', "dot the i's", 'v1.2.3 and 3.14 and 10:30', 'read README.md and main.py',
    'hi.how are you', 'ok.so what now', 'Plan B. Me too', 'Thanks. Com is fine', 'e.g. this, i.e. that', '3点30见',
    'node.js is fast', 'a.b.'.repeat(2_500),
  ]) {
    assert.deepEqual(findLinks(text), { urls: [], emails: [] }, text);
  }
});
