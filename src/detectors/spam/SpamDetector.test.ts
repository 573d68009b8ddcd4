// The 'spam' detector end to end: ads evidence for contacts (exact spans, rule ids, severities),
// spam calibration (one weak phrase stays low, several reach high), and ordinary chat passing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeForMatching } from '../../normalize/index.js';
import type { Detection, TextInput } from '../detector.js';
import { SpamDetector } from './SpamDetector.js';

const detector = new SpamDetector();
const input = (text: string): TextInput => ({ kind: 'text', text, normalized: normalizeForMatching(text) });
const run = (text: string): Promise<Detection> => detector.detect(input(text), {});
const hits = async (text: string, category: 'ads' | 'spam') =>
  (await run(text)).evidence.filter((e) => e.category === category).map((e) => [e.rule, e.text, e.span?.start]);

test('contact solicitations become ads evidence with exact spans', async () => {
  const cases: [string, [string, string, number][]][] = [
    ['add me on wechat: abc123', [['handle:wechat', 'add me on wechat: abc123', 0]]],
    ['加V：abc888', [['handle:wechat', '加V：abc888', 0]]],
    ['+V：abc123', [['handle:wechat', '+V：abc123', 0]]],
    ['威信 abc_123', [['handle:wechat', '威信 abc_123', 0]]],
    ['line id: cutie99', [['handle:line', 'line id: cutie99', 0]]],
    ['TG @seller', [['handle:telegram', 'TG @seller', 0]]],
    ['企鹅 123456789', [['handle:qq', '企鹅 123456789', 0]]],
    ['my snap is cutie_pie', [['handle:snapchat', 'snap is cutie_pie', 3]]],
    ['kik: user_1', [['handle:kik', 'kik: user_1', 0]]],
    ['便宜出 vx 13800138000', [['handle:wechat', 'vx 13800138000', 4]]],
    ['QQ 123456789', [['handle:qq', 'QQ 123456789', 0]]],
    ['QQ群：12345678', [['handle:qq', 'QQ群：12345678', 0]]],
    ['扣扣 123456 找我', [['handle:qq', '扣扣 123456', 0]]],
    ['ok dm me on telegram @seller', [['handle:telegram', 'dm me on telegram @seller', 3]]],
    ['join t.me/seller', [['handle:telegram', 't.me/seller', 5]]],
    ['add me on snap', [['handle:snapchat', 'add me on snap', 0]]],
    ['加我微信', [['handle:wechat', '加我微信', 0]]],
    ['WhatsApp: +1 415 555 0123', [['handle:whatsapp', 'WhatsApp: +1 415 555 0123', 0]]],
    ['visit example.com', [['url', 'example.com', 6]]],
    ['go to bit.ly/x', [['url:shortener', 'bit.ly/x', 6]]],
    ['buy at example dot com', [['url:obfuscated', 'example dot com', 7]]],
    ['w w w . x . com', [['url:obfuscated', 'w w w . x . com', 0]]],
    ['email me: jane@example.com', [['email', 'jane@example.com', 10]]],
    ['seller [at] example [dot] com', [['email:obfuscated', 'seller [at] example [dot] com', 0]]],
    ['call 415-555-0123', [['phone', '415-555-0123', 5]]],
    ['call five five five zero one zero zero', [['phone:obfuscated', 'five five five zero one zero zero', 5]]],
    ['电话一三八零零一三八零零零', [['phone:obfuscated', '一三八零零一三八零零零', 2]]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(await hits(text, 'ads'), expected, text);
});

test('ads severity: a plain link is low, a disguise or a handle is high, a phone is medium', async () => {
  const severity = async (text: string) => {
    const d = await run(text);
    return [d.scores.ads, d.evidence.filter((e) => e.category === 'ads').map((e) => e.severity).sort().at(0)];
  };
  assert.deepEqual(await severity('docs at https://example.com/guide'), [0.45, 'low']);
  assert.deepEqual(await severity('call 415-555-0123'), [0.75, 'medium']);
  assert.deepEqual(await severity('example(dot)com'), [0.97, 'high']);
  assert.deepEqual(await severity('add me on wechat: abc123'), [0.9, 'high']);
});

test('spam calibration: one weak phrase is low, several signals together are high', async () => {
  const spam = async (text: string) => (await run(text)).scores.spam ?? 0;
  assert.ok((await spam('act now')) < 0.5);
  assert.ok((await spam('click here')) < 0.5);
  assert.ok((await spam('make $5000 a week from home')) >= 0.75);
  const many = await run('Make $5000 a week from home! Click here: bit.ly/x limited time offer, act now');
  assert.ok((many.scores.spam ?? 0) >= 0.9);
  assert.ok(many.evidence.some((e) => e.category === 'spam' && e.severity === 'high'));
  assert.deepEqual(await hits('Make $5000 a week from home! Click here', 'spam'), [
    ['spam:getrich', 'Make $5000 a week from home', 0], ['spam:clickbait', 'Click here', 29]]);
  assert.deepEqual(await hits('兼职刷单，日赚500，加我领红包', 'spam'), [
    ['spam:getrich', '兼职刷单', 0], ['spam:getrich', '日赚', 5], ['spam:clickbait', '加我领红包', 11]]);
  assert.ok((await spam('兼职刷单，日赚500，加我领红包')) >= 0.9);
  assert.ok((await spam('免费领取，点击链接')) >= 0.6);
});

test('flooding: repeated characters, words and lines, and long shouting', async () => {
  assert.deepEqual(await hits('wow!!!!!!!!!!', 'spam'), [['spam:flood', '!!!!!!!!!!', 3]]);
  assert.deepEqual(await hits('buy buy buy buy buy buy', 'spam'), [['spam:flood', 'buy buy buy buy buy buy', 0]]);
  assert.deepEqual(await hits('😂😂😂😂😂😂😂😂😂😂', 'spam'), [['spam:flood', '😂😂😂😂😂😂😂😂😂😂', 0]]);
  const lines = 'CHEAP PILLS HERE\n'.repeat(5);
  const flood = await run(lines);
  assert.ok((flood.scores.spam ?? 0) >= 0.8);
  assert.ok(flood.evidence.some((e) => e.rule === 'spam:flood' && e.span?.start === 0 && e.span.end === lines.length - 1));
  assert.deepEqual(await hits('THIS IS THE BEST DAY OF MY LIFE I AM SO HAPPY RIGHT NOW', 'spam'),
    [['spam:caps', 'THIS IS THE BEST DAY OF MY LIFE I AM SO HAPPY RIGHT NOW', 0]]);
  assert.ok((await run('BUY '.repeat(30) + '!'.repeat(60))).scores.spam! >= 0.6);
  assert.ok((await run('哈'.repeat(40))).scores.spam! < 0.5, 'laughing is not spam');
});

test('folded text catches disguised phrases and maps them back', async () => {
  assert.deepEqual(await hits('ＣＬＩＣＫ ＨＥＲＥ for more', 'spam'), [['spam:clickbait', 'ＣＬＩＣＫ ＨＥＲＥ', 0]]);
  assert.deepEqual(await hits('免費領取', 'spam'), [['spam:clickbait', '免費領取', 0]]);
  assert.deepEqual(await hits('Clic\u212A here', 'spam'), [['spam:clickbait', 'Clic\u212A here', 0]], 'the Kelvin sign lower-cases to k');
});

test('ordinary chat and look-alikes pass both categories', async () => {
  for (const text of [
    'are we still on for lunch?', 'we will win the game tonight', 'free tomorrow?', "I'm at home", 'see you at 5',
    "dot the i's and cross the t's", 'v1.2.3 is out', 'pi is 3.14', 'meet at 10:30 on 2024-05-01', 'it costs $19.99',
    'my wechat is great', 'oh snap, I forgot', 'line up at the door', 'hahaha that is funny', '哈哈哈哈哈', '我们用微信支付吧',
    '今日结束前交作业', 'read README.md', 'order #12345678901 shipped', '我在做兼职', 'Great job!!!',
    'Check the logs: ERROR at line 42', 'I got an A. Co-workers cheered', 'Ok enjoy . R u there in home.',
    '他在村里很有威信', '我明天参加微软的会议', '增加微量元素', '这个后卫信不信由你', '看dev信息', '今天很开心哈哈哈哈哈哈哈哈哈哈',
    '月入三四千也过得很幸福', 'press Ctrl+V to paste', 'the line is long', 'tg is fun', 'snap a photo', '发布于 2018-08-23 12:55:50', '1254690+12365988470=?',
  ]) {
    const { scores } = await run(text);
    assert.ok((scores.ads ?? 0) < 0.45, `ads: ${text} → ${scores.ads}`);
    assert.ok((scores.spam ?? 0) < 0.5, `spam: ${text} → ${scores.spam}`);
  }
});

test('mixed English and Chinese in one message', async () => {
  const text = 'Hi! 兼职日赚500, add me on WeChat: abc_123 或者 QQ 123456789, 网址 example dot com';
  const d = await run(text);
  assert.deepEqual(d.evidence.filter((e) => e.category === 'ads').map((e) => [e.rule, e.text]), [
    ['handle:wechat', 'add me on WeChat: abc_123'], ['handle:qq', 'QQ 123456789'], ['url:obfuscated', 'example dot com']]);
  assert.ok((d.scores.spam ?? 0) >= 0.75);
  for (const e of d.evidence) assert.equal(text.slice(e.span!.start, e.span!.end), e.text);
});

test('adversarial 10,000-character inputs finish and stay well-formed', async () => {
  const inputs = ['a'.repeat(10_000), 'ab'.repeat(5_000), '1 '.repeat(5_000), '. '.repeat(5_000), 'a.'.repeat(5_000),
    'at '.repeat(3_333), '(dot)'.repeat(2_000), '哈'.repeat(10_000), 'x@'.repeat(5_000), 'five '.repeat(2_000),
    'abcdefghij'.repeat(1_000), 'qq '.repeat(3_333), '1-'.repeat(5_000)];
  for (const text of inputs) {
    const d = await run(text);
    for (const e of d.evidence) assert.equal(text.slice(e.span!.start, e.span!.end), e.text);
  }
});
