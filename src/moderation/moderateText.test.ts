// The pipeline with the real detectors and a real compiled list: spans in the original text,
// masking, allow overrides and list actions. No storage involved.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinTextDetectors } from '../detectors/index.js';
import { compileKeywordList } from '../lists/index.js';
import { defaultPolicyBody } from '../policies/index.js';
import { maskSpans } from './mask.js';
import { moderateText } from './moderateText.js';
import type { CompiledList } from './sources.js';

const detectors = await builtinTextDetectors();
const policy = { name: 'default', version: 1, body: defaultPolicyBody() };
const run = (text: string, lists: CompiledList[] = []) =>
  moderateText({ text }, { id: 'dec_test', createdAt: new Date(0).toISOString(), policy, lists, detectors });

test('evasions are found and every span is the exact original text', async () => {
  const cases = ['f.u.c.k you', 'ｆｕｃｋ off', 'fuuuuuck', 'k i l l yourself', 'sh1t', 'I will kill you', 'k\u200Bi\u200Bl\u200Bl yourself',
    'i\u2019m going to end my life', '我要杀了你', '殺了你', '你个傻逼', 'ni shi sha bi', 'send nudes 😈'];
  for (const text of cases) {
    const d = await run(text);
    assert.notEqual(d.evidence.length, 0, `nothing found in "${text}"`);
    for (const e of d.evidence) if (e.span) assert.equal(text.slice(e.span.start, e.span.end), e.text, text);
    assert.notEqual(d.maskedText, text, `"${text}" should be masked`);
  }
});

test('no Scunthorpe problem and innocent uses of violent words pass', async () => {
  for (const text of ['Scunthorpe', 'Essex', 'an assassin in a classic novel', 'the cockpit', 'my therapist', 'kill a process',
    'shoot a photo', 'I am a Uyghur Muslim', '维吾尔族的音乐很好听', 'Dickens wrote it', 'a cocktail analysis']) {
    const d = await run(text);
    assert.equal(d.suggestion, 'pass', `${text}: ${JSON.stringify(d.evidence)}`);
    assert.equal(d.maskedText, text);
  }
});

test('allow entries override built-in hits and the evidence names what they overrode', async () => {
  const allow = compileKeywordList({ id: 'lst_allow', name: 'ok', action: 'allow', category: 'profanity', match: 'normalized', entries: ['shit'] });
  const before = await run('oh shit');
  const after = await run('oh shit', [allow]);
  assert.ok(before.categories.profanity.score > 0);
  assert.equal(after.categories.profanity.score, 0);
  const override = after.evidence.find((e) => e.action === 'allow');
  assert.ok(override?.overrides?.includes(before.evidence.find((e) => e.source === 'lexicon')!.rule));
  assert.equal(after.maskedText, 'oh shit');
});

test('a block list forces block with list evidence; every category is present with a score in [0, 1]', async () => {
  const block = compileKeywordList({ id: 'lst_b', name: 'brands', action: 'block', category: 'spam', match: 'normalized', entries: ['acme pills'] });
  const d = await run('try ACME  p1lls now', [block]);
  assert.equal(d.suggestion, 'block');
  assert.deepEqual(d.reasons.find((r) => r.by === 'list:lst_b'), { category: 'spam', suggestion: 'block', by: 'list:lst_b' });
  assert.equal(Object.keys(d.categories).length, 11);
  for (const c of Object.values(d.categories)) assert.ok(c.score >= 0 && c.score <= 1);
});

test('maskSpans keeps length and whitespace, merges overlaps', () => {
  assert.equal(maskSpans('ab cd ef', [{ start: 0, end: 5 }, { start: 3, end: 8 }]), '** ** **');
  assert.equal(maskSpans('a😀b', [{ start: 1, end: 3 }]), 'a*b');
});
