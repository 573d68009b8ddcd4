// The inputs the benchmarks share, built deterministically (seeded) so runs compare: 1 KB
// messages and short API-sized texts from ../shared/data (generated text when it is absent), and
// a 100,000-entry custom list of plausible words and phrases.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDataDir } from '../src/paths.js';
import { seededRandom } from '../src/seededRandom.js';

export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

const EN_FILES = ['train/davidson_en.jsonl', 'train/convabuse_en.jsonl', 'dev/hatecheck_en.jsonl', 'dev/xstest_en.jsonl', 'train/sms_spam_en.jsonl'];
const ZH_FILES = ['dev/cold_zh_test.jsonl', 'train/swsr_zh.jsonl'];

const pools = new Map<string, string[][]>();

/** Messages of one language from the shared data, one array per source file (generated when absent). */
export function sources(lang: 'en' | 'zh'): string[][] {
  const known = pools.get(lang);
  if (known) return known;
  const dir = sharedDataDir();
  const out: string[][] = [];
  for (const file of lang === 'en' ? EN_FILES : ZH_FILES) {
    const p = dir ? path.join(dir, file) : '';
    if (!p || !existsSync(p)) continue;
    out.push(readFileSync(p, 'utf8').split('\n').filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text.replace(/\s+/g, ' ').trim()));
  }
  if (out.length === 0) out.push(generated(lang));
  pools.set(lang, out);
  return out;
}

/** A message drawn with every source equally likely, so 25k profanity-heavy tweets do not dominate. */
function message(lang: 'en' | 'zh', random: () => number): string {
  return pick(pick(sources(lang), random), random);
}

export function usingSharedData(): boolean { return sharedDataDir() !== null; }

function generated(lang: 'en' | 'zh'): string[] {
  const random = seededRandom(7);
  const en = 'the a game weather tonight meeting is was great bad really you we they going home work call later thanks what'.split(' ');
  const zh = '今天 天气 很好 我们 晚上 一起 吃饭 这个 游戏 真的 太 难 了 谢谢 明天 见 你 他们'.split(' ');
  return Array.from({ length: 2_000 }, () =>
    Array.from({ length: 6 + Math.floor(random() * 12) }, () => pick(lang === 'en' ? en : zh, random)).join(lang === 'en' ? ' ' : ''));
}

export type Mix = 'en' | 'zh' | 'mixed';

/** `count` messages of about 1 KB (UTF-8) each, every `Mix` in turn, joined from real messages. */
export function kilobyteTexts(count: number, seed = 1): { text: string; mix: Mix }[] {
  const random = seededRandom(seed);
  const mixes: Mix[] = ['en', 'zh', 'mixed'];
  return Array.from({ length: count }, (_, i) => {
    const mix = mixes[i % 3];
    let text = '';
    for (let j = 0; Buffer.byteLength(text) < 1024; j++) {
      const lang = mix === 'mixed' ? (j % 2 === 0 ? 'en' : 'zh') : mix;
      text += (text ? ' ' : '') + message(lang, random);
    }
    return { text: cutToBytes(text, 1024), mix };
  });
}

/** The longest prefix of `text` that fits in `bytes` UTF-8 bytes, never splitting a character. */
function cutToBytes(text: string, bytes: number): string {
  const buf = Buffer.from(text, 'utf8').subarray(0, bytes);
  return buf.toString('utf8').replace(/\uFFFD+$/, '');
}

/** API-sized texts (40–90 characters English, 20–45 Chinese), English and Chinese, flagged and clean as the data has them. */
export function shortTexts(count: number, seed = 2): string[] {
  const random = seededRandom(seed);
  const fits = (lang: 'en' | 'zh', lo: number, hi: number) =>
    sources(lang).map((s) => s.filter((m) => m.length >= lo && m.length <= hi)).filter((s) => s.length > 0);
  const en = fits('en', 40, 90);
  const zh = fits('zh', 20, 45);
  return Array.from({ length: count }, (_, i) => pick(pick(i % 4 === 3 ? zh : en, random), random));
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'oo', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'x', 'ck', 'nd', 'st'];
const HAN = [...'的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切'];

/**
 * `n` distinct entries a tenant might upload: invented brand-like words and 2–3 word phrases
 * (85%), 3–4 character Chinese terms (15%), plus `real` phrases taken from the messages so a few
 * texts actually hit the list, as a real list does.
 */
export function customEntries(n: number, seed = 3, real = 300): string[] {
  const random = seededRandom(seed);
  const out = new Set<string>();
  const en = sources('en').flat();
  while (out.size < real) {
    const words = pick(en, random).toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 6);
    if (words.length >= 2) out.add(`${words[0]} ${words[1]}`);
  }
  const word = () => Array.from({ length: 2 + Math.floor(random() * 2) },
    () => pick(ONSETS, random) + pick(VOWELS, random) + pick(CODAS, random)).join('');
  while (out.size < n) {
    const r = random();
    if (r < 0.15) out.add(Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick(HAN, random)).join(''));
    else if (r < 0.6) out.add(word());
    else out.add(Array.from({ length: 2 + Math.floor(random() * 2) }, word).join(' '));
  }
  return [...out];
}
