// The pattern syntax: what compiles, what is refused, and how expansions and regexes match.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BulwarkError } from '../errors.js';
import { compilePattern } from './pattern.js';
import { plainText } from './plainText.js';
import { compileRules } from './ruleMatcher.js';

const fold = (s: string) => s.toLowerCase();

function matches(pattern: string, text: string): string[] {
  const m = compileRules([{ value: pattern, kind: 'pattern', payload: pattern }], fold);
  return m.find(plainText(text)).map((h) => h.text);
}

test('small patterns expand into phrases; wildcards and gaps become a bounded regex', () => {
  const threat = compilePattern("i (will|'ll|am going to|gonna) (kill|murder|stab|shoot) (you|u|ya)", fold);
  assert.equal(threat.expansions?.length, 48);
  assert.equal(threat.regex, null);
  const gap = compilePattern('kill ~ you', fold);
  assert.equal(gap.expansions, null);
  assert.ok(gap.regex);
  assert.deepEqual(gap.anchors, [['kill'], ['you']]);
  assert.doesNotMatch(gap.regex.source, /[+*](?!\})|\{\d+,\}/, 'only bounded quantifiers');
});

test('threat phrases match with boundaries and alternatives', () => {
  const p = "i (will|'ll|am going to|gonna) (kill|murder|stab|shoot) (you|u|ya)";
  assert.deepEqual(matches(p, 'I will kill you tomorrow'), ['I will kill you']);
  assert.deepEqual(matches(p, "i'll stab ya"), ["i'll stab ya"]);
  assert.deepEqual(matches(p, 'i will kill your process'), []);
  assert.deepEqual(matches(p, 'hi will kill you'), []);
});

test('stars, single wildcards and gaps', () => {
  assert.deepEqual(matches('fuck* (you|off)', 'fucking off'), ['fucking off']);
  assert.deepEqual(matches('go (fuck|kill) *self', 'go kill yourself'), ['go kill yourself']);
  assert.deepEqual(matches('b?tch', 'you b1tch'), ['b1tch']);
  assert.deepEqual(matches('kill ~ you', 'i will kill all of you'), ['kill all of you']);
  assert.deepEqual(matches('kill ~ you', 'kill a b c d you'), [], 'more than three words apart');
  assert.deepEqual(matches('kill ~ you', 'killer you'), []);
  assert.deepEqual(matches('我~杀了你', '我今天就杀了你'), ['我今天就杀了你']);
  assert.deepEqual(matches('(出售|卖)(冰毒|枪支)', '本店出售枪支弹药'), ['出售枪支']);
  assert.deepEqual(matches('free (bitcoin|btc)*', 'get free bitcoins now'), ['free bitcoins']);
});

test('invalid patterns throw LIST_PATTERN_INVALID', () => {
  for (const bad of ['', '   ', '(unclosed', 'a|b)', 'x'.repeat(201), '*', '~ you', 'kill ~', 'a ~ ~ b',
    '()', '? ?', '((((deep))))', `(${Array.from({ length: 40 }, (_, i) => `w${i}`).join('|')})`, 'a**']) {
    assert.throws(() => compilePattern(bad, fold), (err: unknown) => err instanceof BulwarkError && err.code === 'LIST_PATTERN_INVALID', JSON.stringify(bad));
  }
});

test('regex metacharacters in words are literal', () => {
  assert.deepEqual(matches('c++ [tips] $5.00', 'learn c++ [tips] $5.00 now'), ['c++ [tips] $5.00']);
  assert.deepEqual(matches('a.b', 'axb'), []);
});

test('spaces inside groups count, and never double up with the space beside a group', () => {
  assert.deepEqual(matches('how do i (best |)(kill|stab) (someone|a person)', 'how do i best stab someone'), ['how do i best stab someone']);
  assert.deepEqual(matches('how do i (best |)(kill|stab) (someone|a person)', 'how do i kill a person'), ['how do i kill a person']);
  assert.deepEqual(matches('how do i (best |) ? (someone|a person)', 'how do i best x someone'), ['how do i best x someone']);
  assert.deepEqual(matches('how do i (best |) ? (someone|a person)', 'how do i x someone'), ['how do i x someone']);
  assert.deepEqual(matches('buy (cocaine|heroin) (online|now|)', 'buy heroin'), ['buy heroin']);
  assert.deepEqual(matches('buy ? (online|now|)', 'buy x'), ['buy x']);
  assert.deepEqual(matches('buy ? (online|now|)', 'buy x now'), ['buy x now']);
  // The same as a regex (a gap forces one): the group's own space is the only one it takes.
  assert.deepEqual(matches('(women|men) (like you |)are ~ vile', 'men are so vile'), ['men are so vile']);
  assert.deepEqual(matches('(women|men) (like you |)are ~ vile', 'women like you are vile'), ['women like you are vile']);
  assert.deepEqual(matches('(women|men) (like you |)are ~ vile', 'womenare vile'), []);
  assert.deepEqual(matches('vile ~ (| really)(women|men)', 'vile as ever women'), ['vile as ever women']);
  assert.deepEqual(matches('vile ~ (| really)(women|men)', 'vile as ever really men'), ['vile as ever really men']);
  // Non-ASCII punctuation separates words as ASCII does (the RegExp reads it as spaces), ’ stays an apostrophe.
  assert.deepEqual(matches('(women|men) (like you |)are ~ vile', 'women—are “so” vile、'), ['women—are “so” vile']);
  assert.deepEqual(matches("(we|i) 'll ~ you", 'we’ll get you'), ['we’ll get you']);
});

test('regex patterns in long text run near their anchors and still find every match', () => {
  const filler = 'lorem ipsum dolor sit amet '.repeat(200);
  const text = `kill them all you ${filler}i will kill all of you ${filler}skill ~ you killer you kill x you`;
  const m = compileRules([{ value: 'kill ~ you', kind: 'pattern', payload: 1 }], fold);
  const hits = m.find(plainText(text));
  assert.deepEqual(hits.map((h) => h.text), ['kill them all you', 'kill all of you', 'kill x you']);
  for (const h of hits) assert.equal(text.slice(h.span.start, h.span.end), h.text);
});

test('tenant patterns are bounded against catastrophic backtracking', { timeout: 20_000 }, () => {
  const fold = (s: string) => s.toLowerCase();
  assert.throws(() => compilePattern('aa ~ aa ~ aa ~ zq b', fold), (e: BulwarkError) => e.code === 'LIST_PATTERN_INVALID');
  // The worst pattern still allowed, on the text that made eight gaps take seconds: it must finish
  // (the test's timeout is a hang guard, not a speed assertion).
  const text = 'aa.aa-aa '.repeat(1_100) + 'zq zq';
  const m = compileRules([{ value: 'aa ~ aa ~ zq b', kind: 'pattern', payload: 1 }], fold);
  assert.deepEqual(m.find(plainText(text)), []);
});

test('a regex with known start literals is tried only where one begins, with the same matches', () => {
  const words = (...texts: string[]) => texts.map((text) => ({ text, word: true }));
  assert.deepEqual(compilePattern('(i|we) (will|) kill ~ you', fold).starts, words('i', 'we'));
  assert.deepEqual(compilePattern('(really|) hate ~ you', fold).starts, words('really', 'hate'));
  assert.deepEqual(compilePattern('(kill|stab)(ing|) ~ you', fold).starts, [{ text: 'kill', word: false }, { text: 'stab', word: false }]);
  assert.equal(compilePattern('*kill ~ you', fold).starts, null, 'a leading star may begin inside a word');
  const filler = 'we will go home and rest, i think. '.repeat(60);
  const text = `${filler}i will kill all of you ${filler}hi will kill you, we kill them you ${filler}iwe kill you, we’ll kill you`;
  const m = compileRules([{ value: "(i|we|we'll) (will|) kill ~ you", kind: 'pattern', payload: 1 }], fold);
  const hits = m.find(plainText(text));
  assert.deepEqual(hits.map((h) => h.text), ['i will kill all of you', 'we kill them you', 'we’ll kill you']);
  for (const h of hits) assert.equal(text.slice(h.span.start, h.span.end), h.text);
});

test('a veto pattern is tried only within reach of hits it could overturn', () => {
  const rules = [
    { value: 'kill ~ you', kind: 'pattern' as const, payload: 'threat' },
    { value: '(never said|did not say) ~ kill', kind: 'pattern' as const, payload: 'allow', veto: true },
  ];
  const m = compileRules(rules, fold);
  const found = (text: string) => m.find(plainText(text)).map((h) => `${h.payload}:${h.text}`);
  assert.deepEqual(found('i never said i would kill you'), ['threat:kill you', 'allow:never said i would kill']);
  assert.deepEqual(found('i never said i would kill it'), [], 'nothing to overturn: the veto is not even tried');
  const far = `i never said i would kill it. ${'and then we went home. '.repeat(20)}kill you`;
  assert.deepEqual(found(far), ['threat:kill you'], 'a veto out of reach of every hit is skipped');
});

test('a large group of plain phrases compiles to a prefix tree that matches exactly the same phrases', () => {
  const words = ['black people', 'black men', 'blacks', 'blackpool', 'women', 'woman', "women's", 'wo'];
  const pattern = `(${words.join('|')}) are ~ bad`;
  const compiled = compilePattern(pattern, fold);
  assert.ok(compiled.regex, 'a gap keeps it a regex');
  const regex = new RegExp(compiled.regex.source, 'u');
  assert.equal(regex.source.split('black').length - 1, 1, 'shared beginnings are written once');
  for (const w of words) assert.match(`${w} are so bad`, regex, w);
  for (const t of ['blackpeople are bad', 'wom are bad', 'womenfolk are bad', 'xwomen are bad']) assert.doesNotMatch(t, regex, t);
});

test('an optional suffix glued to a word keeps the space after it; an optional group ending in a space gives it', () => {
  for (const [pattern, texts] of [
    ["woman('s|s'|) (nature |)to be ~ stupid", ['woman to be so stupid', "woman's nature to be stupid"]],
    ['fuck(ed|ing|) you ~ off', ['fuck you right off', 'fucking you off']],
    ['(so |)(very|) bad ~ day', ['bad day', 'so bad day', 'a bad day', 'so very bad day']],
  ] as const) {
    const regex = new RegExp(compilePattern(pattern, fold).regex!.source, 'u');
    for (const text of texts) assert.match(text, regex, `${pattern} on ${text}`);
  }
});

test('a start-anchored pattern knows how far after its start each selective set can begin', () => {
  const { filters, starts } = compilePattern('(i|we) (find|consider) ~ (disgusting|vile)', fold);
  assert.deepEqual(starts?.map((s) => s.text).sort(), ['i', 'we']);
  const near = filters.find((f) => f.literals.includes('consider'));
  const far = filters.find((f) => f.literals.includes('disgusting'));
  assert.ok(near && near.within <= 2 + 5 + 8, JSON.stringify(filters));
  assert.ok(far && far.within > near.within);
  assert.ok(!filters.some((f) => f.literals.includes('i')), 'common words filter nothing');
});
