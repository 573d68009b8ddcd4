// Every evasion kind folds to the plain word, and the folded word maps back to exactly the
// characters the user typed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForMatching } from './index.js';

/** Asserts the folded text, then that `word` in it maps back to `original` in the input. */
function check(input: string, folded: string, word?: string, original?: string): void {
  const result = normalizeForMatching(input);
  assert.equal(result.text, folded, `fold of ${JSON.stringify(input)}`);
  if (word === undefined) return;
  const at = result.text.indexOf(word);
  assert.ok(at >= 0, `${word} in ${result.text}`);
  const span = result.toOriginal(at, at + word.length);
  assert.equal(input.slice(span.start, span.end), original ?? word);
}

describe('normalizeForMatching: evasions', () => {
  it('joins letters spelled out with dots, spaces, dashes, underscores and stars', () => {
    check('f.u.c.k you', 'fuck you', 'fuck', 'f.u.c.k');
    check('you are a f.u.c.k.i.n.g idiot', 'you are a fucking idiot', 'fucking', 'f.u.c.k.i.n.g');
    check('k i l l yourself', 'kill yourself', 'kill', 'k i l l');
    check('k-i-l-l', 'kill', 'kill', 'k-i-l-l');
    check('k_i_l_l', 'kill', 'kill', 'k_i_l_l');
    check('k*i*l*l', 'kill', 'kill', 'k*i*l*l');
    check('so f . u . c . k off', 'so fuck off', 'fuck', 'f . u . c . k');
    check('5 h 1 t', 'shit', 'shit', '5 h 1 t');
    check('$ h i t', 'shit', 'shit', '$ h i t');
  });

  it('folds full-width, mathematical, enclosed and small-capital letters', () => {
    check('ｆｕｃｋ', 'fuck', 'fuck', 'ｆｕｃｋ');
    check('Ｓｃｕｎｔｈｏｒｐｅ', 'scunthorpe', 'scunthorpe', 'Ｓｃｕｎｔｈｏｒｐｅ');
    check('𝐟𝐮𝐜𝐤 off', 'fuck off', 'fuck', '𝐟𝐮𝐜𝐤');
    check('⒡⒰⒞⒦ 🅵🆄🅲🅺 ⓕⓤⓒⓚ', 'fuck fuck fuck', 'fuck', '⒡⒰⒞⒦');
    check('ꜱʜɪᴛ', 'shit', 'shit', 'ꜱʜɪᴛ');
  });

  it('collapses stretched letters', () => {
    check('fuuuuck', 'fuck', 'fuck', 'fuuuuck');
    check('kiiiill it', 'kill it', 'kill', 'kiiiill');
    check('shiiiit', 'shit');
    check('loooser', 'loser');
    check('asssss', 'ass', 'ass', 'asssss');
    check('killlll', 'kill');
    check('kill ass good', 'kill ass good');
    check('xxx kkk', 'xxx kkk');
  });

  it('reads leetspeak next to letters', () => {
    check('sh1t', 'shit', 'shit', 'sh1t');
    check('$hit', 'shit', 'shit', '$hit');
    check('@ss', 'ass', 'ass', '@ss');
    check('k!ll', 'kill', 'kill', 'k!ll');
    check('f4ggot', 'faggot');
    check('ki11', 'kill');
    check('a$$', 'ass');
  });

  it('drops zero-width, bidi controls and soft hyphens', () => {
    check('ki\u200Bll', 'kill', 'kill', 'ki\u200Bll');
    check('ki\u00ADll', 'kill');
    check('k\u200Fi\u200Ell', 'kill');
    check('\u202Ekill\u202C now', 'kill now', 'kill', 'kill');
    check('\u2066kill\u2069\uFEFF', 'kill');
  });

  it('folds lookalike letters in mixed-script words', () => {
    check('kіll', 'kill', 'kill', 'kіll'); // Cyrillic і
    check('рussy', 'pussy', 'pussy', 'рussy'); // Cyrillic р
    check('ΗELLO', 'hello'); // Greek capital eta
    check('ѕех', 'sex'); // every letter an identical Cyrillic twin
  });

  it('strips accents, marks and case', () => {
    check('Zürich naïve CAFÉ', 'zurich naive cafe');
    check('f̵̛u̸c̷k̶', 'fuck', 'fuck', 'f̵̛u̸c̷k̶');
    check('Straße', 'strasse');
  });

  it('converts traditional Chinese to simplified, one character for one', () => {
    check('殺了你', '杀了你', '杀', '殺');
    check('傻逼', '傻逼');
    check('殺 了 你', '杀了你', '杀了你', '殺 了 你');
  });
});

describe('normalizeForMatching: what must stay', () => {
  it('keeps numbers as numbers', () => {
    check('call 555 0100', 'call 555 0100');
    check('in 2024 at 10am, 4k for $100, 1st', 'in 2024 at 10am, 4k for $100, 1st');
    check('user123', 'user123');
  });

  it('keeps sentences, single letters and punctuation', () => {
    check('i will kill you', 'i will kill you');
    check('a b', 'a b');
    check('hi! how are you!!', 'hi! how are you!!');
    check('U.S.A. e.g. this', 'usa. e.g. this');
    check('f*ck f.ck', 'f*ck f.ck'); // masked words are the lexicon's wildcards, not ours
  });

  it('leaves Russian and Greek text in their own script', () => {
    check('привет как дела', 'привет как дела');
    check('ПРИВЕТ КАК ДЕЛА', 'привет как дела');
    check('Καλημέρα κόσμε', 'καλημερα κοσμε');
  });

  it('keeps emoji and astral characters with correct offsets', () => {
    const input = '😀 fuck 👍🏽 k i l l 𠀀';
    const result = normalizeForMatching(input);
    assert.equal(result.text, '😀 fuck 👍🏽 kill 𠀀');
    check(input, result.text, 'fuck', 'fuck');
    check(input, result.text, 'kill', 'k i l l');
    check(input, result.text, '𠀀', '𠀀');
    assert.deepEqual(result.toOriginal(0, 1), { start: 0, end: 2 });
  });
});

describe('normalizeForMatching: result', () => {
  it('folds lexicon entries like the text that contains them', () => {
    const fold = (s: string) => normalizeForMatching(s).text;
    assert.equal(fold('F.U.C.K'), fold('fuck'));
    assert.equal(fold('殺'), fold('杀'));
    assert.equal(fold('Kіll'), fold('kill'));
  });

  it('clamps toOriginal and maps empty ranges to a point', () => {
    const result = normalizeForMatching('ab c');
    assert.deepEqual(result.toOriginal(-5, 100), { start: 0, end: 4 });
    assert.deepEqual(result.toOriginal(2, 2), { start: 2, end: 2 });
    assert.deepEqual(result.toOriginal(4, 4), { start: 4, end: 4 });
    assert.equal(normalizeForMatching('').text, '');
  });

  it('keeps each result intact when later calls reuse the working buffers', () => {
    const first = normalizeForMatching('K.I.L.L Ｙou');
    const copy = { text: first.text, start: [...first.start], end: [...first.end] };
    for (const other of ['sh1t', 'x'.repeat(70_000), '殺了你 😀', '']) normalizeForMatching(other);
    assert.deepEqual({ text: first.text, start: [...first.start], end: [...first.end] }, copy);
    assert.deepEqual(first.toOriginal(0, 4), { start: 0, end: 7 });
  });

  it('handles 10,000 characters', () => {
    const input = 'f.u.c.k ｆｕｃｋ sh1t kіll 殺了你 😀 '.repeat(400).slice(0, 10_000);
    const result = normalizeForMatching(input);
    assert.ok(result.text.includes('fuck fuck shit kill 杀了你'));
    assert.equal(result.start.length, result.text.length);
    assert.ok(result.end[result.text.length - 1] <= input.length);
  });
});
