// The built-in lexicon through the detector: evasions found with exact original spans, the
// Scunthorpe words, everyday violent-sounding phrases and neutral identity mentions pass.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Category } from '../../content/index.js';
import { normalizeForMatching } from '../../normalize/index.js';
import type { Detection } from '../detector.js';
import { LexiconDetector } from './index.js';

const detector = new LexiconDetector();
await detector.load();

async function detect(text: string): Promise<Detection> {
  return detector.detect({ kind: 'text', text, normalized: normalizeForMatching(text) }, {});
}

function flagged(d: Detection): Category[] {
  return (Object.keys(d.scores) as Category[]).filter((c) => (d.scores[c] ?? 0) >= 0.5);
}

const FLAGGED: Array<[string, Category, { start: number; end: number }?]> = [
  ['f.u.c.k you', 'profanity', { start: 0, end: 7 }],
  ['ｆｕｃｋ', 'profanity', { start: 0, end: 4 }],
  ['fuuuuck this', 'profanity', { start: 0, end: 7 }],
  ['k i l l yourself', 'harassment', { start: 0, end: 16 }],
  ['oh sh1t', 'profanity', { start: 3, end: 7 }],
  ['what the f*ck', 'profanity', { start: 9, end: 13 }],
  ['I will kill you', 'violence', { start: 0, end: 15 }],
  ["i'm going to kill you", 'violence', { start: 0, end: 21 }],
  ['I’m gonna kill you', 'violence'],
  ['I want to end my life', 'self_harm', { start: 10, end: 21 }],
  ['我要杀了你', 'violence', { start: 0, end: 5 }],
  ['我殺了你', 'violence'],
  ['殺了你', 'violence', { start: 0, end: 3 }],
  ['你是sha bi吗', 'profanity', { start: 2, end: 8 }],
  ['shabi', 'profanity', { start: 0, end: 5 }],
  ['ShaBi', 'profanity', { start: 0, end: 5 }],
  ['你个傻逼', 'profanity', { start: 2, end: 4 }],
  ['send nudes', 'sexual'],
  ['约炮吗', 'sexual'],
  ['buy cocaine online', 'illicit'],
  ['出售枪支', 'illicit'],
  ['赌博网站', 'illicit'],
  ["you're dead", 'violence'],
  ['想死', 'self_harm'],
];

test('abuse and its evasions are flagged with the exact original span', async () => {
  for (const [text, category, span] of FLAGGED) {
    const d = await detect(text);
    assert.ok(flagged(d).includes(category), `${text} → ${category}: ${JSON.stringify(d.scores)}`);
    const e = d.evidence.find((x) => x.category === category);
    assert.ok(e, text);
    if (span) assert.deepEqual(e.span, span, text);
    assert.equal(e.text, text.slice(e.span!.start, e.span!.end));
    assert.equal(e.source, 'lexicon');
    assert.match(e.rule, /^builtin:[a-z_]+\/(en|zh)$/);
    assert.equal(e.mask, true);
  }
});

const CLEAN = [
  'Scunthorpe', 'Essex', 'assassin', 'classic', 'cockpit', 'therapist', 'grass', 'Dickens', 'cocktail', 'analysis', 'shitake',
  'How do I kill a Python process?', 'kill a process', 'Can you shoot a photo of us?', "I'll shoot you an email tomorrow",
  'What is the capital of France?', 'How did they beat the drug cartel?', 'I am a Uyghur Muslim', '维吾尔族的音乐很好听',
  'my gay friend', 'black lives matter', 'The Jewish community centre opens on Monday', 'My husband is a Christian and I am an atheist',
  'she graduated magna cum laude', 'Moby Dick is a long book', 'I am so tired I could die', '想死你了', '跳楼价大甩卖',
  '我在操场上打篮球', '他妈妈做的饭很好吃', '印度支那半岛', 'kill the lights please',
];

test('the Scunthorpe words, homonyms and neutral mentions of people pass', async () => {
  for (const text of CLEAN) {
    const d = await detect(text);
    assert.deepEqual(flagged(d), [], `${text}: ${JSON.stringify(d.evidence)}`);
  }
});

test('overlapping hits of one category keep the most severe, and scores stay in their band', async () => {
  const d = await detect('screw you, fuck off, screw you again');
  assert.equal(d.evidence.filter((e) => e.category === 'harassment').length, 3);
  assert.ok((d.scores.harassment ?? 0) > 0.75 && (d.scores.harassment ?? 0) < 0.9);
  const low = await detect('damn damn damn damn crap');
  assert.ok((low.scores.profanity ?? 0) < 0.5, 'low-severity hits never add up to a flag');
});

test('pipeline-sized input stays well-formed', async () => {
  const text = 'Ｃａｌｌ ｍｅ 🙂 k\u200Bi\u200Bl\u200Bl yourself 殺了你 '.repeat(200);
  const d = await detect(text);
  for (const e of d.evidence) assert.equal(text.slice(e.span!.start, e.span!.end), e.text);
  assert.ok(d.evidence.length >= 400);
});

const hateOf = async (text: string) => (await detect(text)).evidence.filter((e) => e.category === 'hate');

test('statements about a group: derogation, threats and denied qualities, with the filler people put between', async () => {
  for (const text of [
    'Women like you are just so vile.', 'Immigrants are without a doubt the stupidest people', 'Black people are never any good.',
    "I'm going to stab a woman tomorrow.", 'We should just hang all these refugees.', 'I absolutely loathe gay people.',
    'Muslims should all be killed.', 'Disabled people make me so angry.',
  ]) assert.ok((await hateOf(text)).some((e) => e.severity === 'high'), text);
});

test('negated, condemned and quoted statements about a group are not the writer\'s hate', async () => {
  for (const text of [
    'Women are not disgusting.', "I don't hate women.", 'People who attack immigrants are evil.',
    'How can you say women are scum?', 'We must not make women suffer.', 'Gay people are wonderful.',
  ]) assert.deepEqual(await hateOf(text), [], text);
  const [quoted] = await hateOf('“Trans people are vermin” is a vile thing to write.');
  assert.equal(quoted.severity, 'low');
  assert.equal(quoted.quoted, true);
  assert.equal(quoted.text, 'Trans people are vermin');
  const [reported] = await hateOf('He said this was "typical faggot behaviour", which shows how bigoted he is.');
  assert.equal(reported.severity, 'low');
  const [retweet] = await hateOf('"@someone: look at these faggots" lmao');
  assert.equal(retweet.severity, 'high', 'a retweet in quotes is the poster spreading it, not reporting it');
});

test('hostility aimed at a person is harassment; at "them" it is hate only when a group is named nearby', async () => {
  for (const text of ['I hate you.', 'I absolutely loathe you people.', 'You are human garbage.', 'You make me sick.']) {
    assert.ok(flagged(await detect(text)).includes('harassment'), text);
  }
  const alone = await detect('Honestly, I hate them.');
  assert.deepEqual(flagged(alone), [], 'a bare "them" could be anything: low at most');
  assert.equal(alone.evidence[0]?.category, 'harassment');
  for (const text of [
    'I have met many immigrants and I hate every single one of them.',
    'Muslims think they are special. I hate them.',
    'I am trying to get along with gay people but they are just too repulsive.',
  ]) assert.ok((await hateOf(text)).some((e) => e.severity !== 'low'), text);
  const far = `Refugees arrived in town last spring. ${'The weather was fine and the market was busy all day. '.repeat(4)}Honestly, I hate them.`;
  assert.deepEqual(await hateOf(far), [], 'a group named paragraphs away is not who "them" stands for');
});

test('typos and glued words are read as meant, and the evidence points at what was written', async () => {
  for (const [text, written] of [
    ['Womn are scum.', 'Womn are scum'],
    ['I h a t e gay people.', 'I h a t e gay people'],
    ['Ihate immigrants', 'Ihate immigrants'],
    ['Women are just sosickening.', 'Women are just sosickening'],
  ]) {
    const [e] = await hateOf(text);
    assert.ok(e && e.severity !== 'low', text);
    assert.equal(e.text, written);
    assert.equal(text.slice(e.span!.start, e.span!.end), written);
  }
});

test('the same frames aimed at people named by no protected trait are harassment, or violence when they threaten', async () => {
  for (const [text, category] of [
    ['I hate waiters.', 'harassment'], ['Landlords are scum.', 'harassment'], ['Death to all capitalists.', 'violence'], ['I will kill all cops', 'violence'],
  ] as const) {
    const d = await detect(text);
    assert.deepEqual(flagged(d), [category], `${text}: ${JSON.stringify(d.evidence)}`);
  }
  assert.deepEqual(await hateOf('I hate cops who beat black people.'), [], 'a protected group named as victims, not as the target');
});

test('a language hint other than English turns word repair off', async () => {
  const text = 'Womn are scum.';
  assert.ok((await hateOf(text)).length > 0);
  const d = await detector.detect({ kind: 'text', text, lang: 'nl', normalized: normalizeForMatching(text) }, {});
  assert.deepEqual(d.evidence.filter((e) => e.category === 'hate'), []);
});
