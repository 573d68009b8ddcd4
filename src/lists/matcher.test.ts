// The matching engine on plain lowercase text: boundaries, stars, masks, spans, CJK, scale.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AhoCorasick } from './ahoCorasick.js';
import { compileMatcher } from './matcher.js';
import type { MatcherEntry } from './matcher.js';
import { plainText } from './plainText.js';

function words(list: string[]): MatcherEntry<string>[] {
  return list.map((w) => ({ pattern: w, payload: w, masked: true }));
}

function found(entries: MatcherEntry<string>[], text: string): string[] {
  return compileMatcher(entries).find(plainText(text)).map((h) => `${h.payload}@${h.span.start}-${h.span.end}`);
}

test('Aho-Corasick reports every overlapping occurrence', () => {
  const ac = new AhoCorasick(['he', 'she', 'his', 'hers', 'she']);
  const out: string[] = [];
  ac.scan('ushers', (p, end) => { out.push(`${ac.patterns[p]}:${end}`); });
  assert.deepEqual(out.sort(), ['he:4', 'hers:6', 'she:4']);
});

test('Aho-Corasick handles empty sets and non-BMP text', () => {
  const ac = new AhoCorasick([]);
  ac.scan('anything 😀', () => assert.fail('no patterns'));
  const emoji = new AhoCorasick(['😀x']);
  let n = 0;
  emoji.scan('a😀x😀', () => { n++; });
  assert.equal(n, 1);
});

test('Aho-Corasick agrees with a naive search on random patterns and texts', () => {
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const alphabet = ['a', 'b', 'c', ' ', 'é', '中'];
  const draw = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  for (let round = 0; round < 200; round++) {
    const patterns = [...new Set(Array.from({ length: 1 + Math.floor(random() * 12) }, () => draw(1 + Math.floor(random() * 4))))];
    const text = draw(60);
    const ac = new AhoCorasick(patterns);
    const got: string[] = [];
    ac.scan(text, (p, end) => { got.push(`${ac.patterns[p]}:${end}`); });
    const want: string[] = [];
    for (const p of patterns) for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) want.push(`${p}:${i + p.length}`);
    assert.deepEqual(got.sort(), want.sort(), `${JSON.stringify(patterns)} in ${JSON.stringify(text)}`);
  }
});

test('Aho-Corasick agrees with a naive search when only its shallow states have complete rows', () => {
  let seed = 11;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const draw = (n: number) => Array.from({ length: n }, () => letters[Math.floor(random() * 26)]).join('');
  // Thousands of states over 26 columns: more than the 2¹⁶ cells of complete rows cover.
  const patterns = [...new Set(Array.from({ length: 3000 }, () => draw(3 + Math.floor(random() * 4))))];
  const text = Array.from({ length: 200 }, () => draw(1) + patterns[Math.floor(random() * patterns.length)]).join('');
  const ac = new AhoCorasick(patterns);
  assert.ok(ac.size > 2 ** 16 / 26, `${ac.size} states`);
  const got: string[] = [];
  ac.scan(text, (p, end) => { got.push(`${ac.patterns[p]}:${end}`); });
  const want: string[] = [];
  for (const p of patterns) for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) want.push(`${p}:${i + p.length}`);
  assert.ok(want.length >= 200, `${want.length} occurrences`);
  assert.deepEqual(got.sort(), want.sort());
});

test('word boundaries keep the Scunthorpe problem away', () => {
  const entries = words(['cunt', 'sex', 'ass', 'cock', 'rapist', 'dick', 'anal', 'shit', 'tit']);
  for (const text of ['Scunthorpe', 'Essex', 'assassin', 'classic', 'cockpit', 'therapist', 'grass',
    'Dickens', 'cocktail', 'analysis', 'shitake', 'title', 'constitution', 'bass guitar']) {
    assert.deepEqual(found(entries, text), [], text);
  }
  assert.deepEqual(found(entries, 'you ass!'), ['ass@4-7']);
  assert.deepEqual(found(entries, 'ass'), ['ass@0-3']);
});

test('a trailing star continues into the word, a leading star starts inside it', () => {
  const entries = words(['fuck*', '*fucker']);
  assert.deepEqual(found(entries, 'fucking hell'), ['fuck*@0-7']);
  assert.ok(found(entries, 'motherfucker!').includes('*fucker@0-12'));
  assert.deepEqual(found(entries, 'unfuck'), []);
});

test('CJK entries match anywhere; mixed text keeps boundaries for Latin words only', () => {
  const entries = words(['傻逼', '杀了你', 'sb']);
  assert.deepEqual(found(entries, '你这个傻逼啊'), ['傻逼@3-5']);
  assert.deepEqual(found(entries, '我要杀了你'), ['杀了你@2-5']);
  assert.deepEqual(found(entries, '你是sb吗'), ['sb@2-4']);
  assert.deepEqual(found(entries, 'sbs'), []);
});

test('masked spellings fit single-word entries with at least two letters shown', () => {
  const entries = words(['fuck*', 'shit', 'bitch', 'ass']);
  assert.deepEqual(found(entries, 'f*ck you'), ['fuck*@0-4']);
  assert.deepEqual(found(entries, 'what the f**k'), ['fuck*@9-13']);
  assert.deepEqual(found(entries, 'f*cking'), ['fuck*@0-7']);
  assert.deepEqual(found(entries, 'oh sh#t.'), ['shit@3-7']);
  assert.deepEqual(found(entries, 'b!tch'), ['bitch@0-5']);
  assert.deepEqual(found(entries, 'a** and f***'), [], 'one letter shown is not enough');
  assert.deepEqual(found(entries, 'e.g. self-help s*t'), []);
});

test('among many entries of one shape, a masked spelling fits the earliest that its shown letters allow', () => {
  const entries = words(['fack', 'feck', 'fick', 'fock', 'fuck']);
  assert.deepEqual(found(entries, 'f*ck'), ['fack@0-4']);
  assert.deepEqual(found(entries, 'fu*k'), ['fuck@0-4']);
  assert.deepEqual(found(entries, 'fo#k'), ['fock@0-4']);
  assert.deepEqual(found(entries, 'f**k'), ['fack@0-4']);
  assert.deepEqual(found(entries, 'fx*k'), []);
});

test('masked matching is off unless the entry asks for it', () => {
  assert.deepEqual(found([{ pattern: 'shit', payload: 'shit' }], 'sh*t'), []);
});

test('duplicate patterns keep every payload', () => {
  const m = compileMatcher([{ pattern: 'spam', payload: 1 }, { pattern: 'spam', payload: 2 }]);
  assert.deepEqual(m.find(plainText('buy spam')).map((h) => h.payload).sort(), [1, 2]);
});

test('hits carry folded range, original span and original text', () => {
  const [hit] = compileMatcher(words(['bad word'])).find(plainText('A BAD WORD here'));
  assert.equal(hit.start, 2);
  assert.deepEqual(hit.span, { start: 2, end: 10 });
  assert.equal(hit.text, 'BAD WORD');
});

test('a 100,000-entry list builds and finds its entries', () => {
  const entries: MatcherEntry<number>[] = [];
  for (let i = 0; i < 100_000; i++) entries.push({ pattern: `term${i.toString(36)}x${(i * 7919).toString(36)}`, payload: i });
  const m = compileMatcher(entries);
  assert.equal(m.size, 100_000);
  const text = `nothing here ${entries[4242].pattern} and ${entries[99_999].pattern}, also ${entries[0].pattern}x`;
  assert.deepEqual(m.find(plainText(text)).map((h) => h.payload).sort((a, b) => a - b), [4242, 99_999]);
});

test('a run of spaces or a line break inside a phrase reads as one space', () => {
  const entries = words(['kill yourself', 'fuck*']);
  assert.deepEqual(found(entries, 'go  kill \n yourself'), ['kill yourself@4-19']);
  assert.deepEqual(found(entries, 'kill\tyourselves'), []);
  assert.deepEqual(found(entries, '  fucking\n\nhell'), ['fuck*@2-9']);
});
