// The evasion and clean sets, generated deterministically: abusive words every filter here is
// meant to catch, rewritten the ways people dodge filters; and innocent text holding bad substrings.

import { Converter } from 'opencc-js/cn2t';
import { pinyin } from 'pinyin-pro';

export interface Case { kind: string; text: string; base: string }

export const EN_BASE = [
  'fuck', 'fucking', 'shit', 'bitch', 'asshole', 'cunt', 'dick', 'bastard', 'whore', 'slut',
  'motherfucker', 'pussy', 'cock', 'wanker', 'twat', 'prick', 'dickhead', 'bullshit', 'jackass', 'douchebag',
  'dumbass', 'shithead', 'cocksucker', 'arsehole', 'bollocks', 'blowjob', 'retard', 'skank', 'tits', 'fucker',
  'piss off', 'fuck you', 'fuck off', 'son of a bitch', 'kill yourself', 'suck my dick', 'go to hell', 'piece of shit',
  'shut up bitch', 'eat shit',
];

export const ZH_BASE = ['傻逼', '操你妈', '他妈的', '贱人', '婊子', '王八蛋', '去死吧', '脑残', '狗日的', '杀了你'];

const LEET: Record<string, string> = { a: '@', e: '3', i: '1', o: '0', s: '$', t: '7' };
const CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і' };
const letters = (w: string, sep: string) => w.split(' ').map((x) => [...x].join(sep)).join('  ');
const mapLetters = (w: string, table: Record<string, string>) => [...w].map((c) => table[c] ?? c).join('');

/** Each kind rewrites a base word; a rewrite equal to the base (nothing to change) is skipped. */
export const EN_KINDS: Record<string, (w: string) => string> = {
  'plain (control)': (w) => w,
  'spaced letters': (w) => letters(w, ' '),
  'dots': (w) => letters(w, '.'),
  'dashes': (w) => letters(w, '-'),
  'leetspeak': (w) => mapLetters(w, LEET),
  'stretched': (w) => w.replace(/[aeiou]/, (v) => v.repeat(5)),
  'homoglyphs (Cyrillic)': (w) => mapLetters(w, CYRILLIC),
  'zero-width chars': (w) => [...w].join('\u200b'),
  'full-width': (w) => [...w].map((c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join(''),
  'masked with *': (w) => w.split(' ').map((x) => (x.length > 3 ? x.replace(/[aeiou]/, '*') : x)).join(' '),
  'mixed case': (w) => [...w].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join(''),
};

const toTraditional = Converter({ from: 'cn', to: 'tw' });
const syllables = (w: string) => pinyin(w, { toneType: 'none', type: 'array' });

export const ZH_KINDS: Record<string, (w: string) => string> = {
  'zh plain (control)': (w) => w,
  'zh traditional': (w) => toTraditional(w),
  'zh spaced characters': (w) => [...w].join(' '),
  'zh pinyin': (w) => syllables(w).join(''),
  'zh pinyin spaced': (w) => syllables(w).join(' '),
};

/** Carrier sentences: the word never stands alone, as in real messages. */
const CARRIERS = ['{} lol', 'omg {} ok', 'well {}, see you tomorrow', 'he said {} again'];
const ZH_CARRIERS = ['你这个{}啊', '他说{}，然后走了', '真是{}'];

export function evasionSet(): Case[] {
  const out: Case[] = [];
  const add = (kinds: Record<string, (w: string) => string>, bases: string[], carriers: string[]) => {
    for (const [kind, rewrite] of Object.entries(kinds)) {
      bases.forEach((base, i) => {
        const variant = rewrite(base);
        if (variant === base && !kind.includes('control')) return;
        out.push({ kind, base, text: carriers[i % carriers.length].replace('{}', () => variant) });
      });
    }
  };
  add(EN_KINDS, EN_BASE, CARRIERS);
  add(ZH_KINDS, ZH_BASE, ZH_CARRIERS);
  return out;
}

/** Innocent sentences that hold a bad substring, a homonym or an identity word. */
export const CLEAN_EN = [
  'We drove through Scunthorpe on the way north.', 'She grew up in Essex and moved to Sussex.', 'Middlesex county cricket club won again.',
  'The assassin in the novel was never caught.', 'That is a classic film from the fifties.', 'The pilot checked every dial in the cockpit.',
  'My therapist suggested I keep a journal.', 'How do I kill a process that hangs on Linux?', 'Let us shoot a photo at golden hour.',
  'Please keep off the grass.', 'Dickens wrote Great Expectations in 1861.', 'A cocktail party at eight, dress smart.',
  'The analysis shows a clear trend.', 'I am a Uyghur Muslim.', 'I am a gay man and proud of my family.', 'Black women founded this club.',
  'The Jewish holiday starts tonight.', 'Hancock and Peacock are playing tonight.', 'A cockroach ran under the fridge.',
  'Penistone is a market town in Yorkshire.', 'Arsenal won the match on Sunday.', 'She passed her bass guitar exam.',
  'The cumulative score was close.', 'Please sign the document by Friday.', 'Under the circumstances, we agree.',
  'Shiitake mushrooms are great in soup.', 'He works at Matsushita in Osaka.', 'The manuscript was sent to the publisher.',
  'Grapefruit juice interacts with some drugs.', 'Press the button to start.', 'A raccoon got into the bins.',
  'Can you execute the script again?', 'Shoot for the moon, they said.', 'The kids hit the ball over the fence.',
  'This bug is killing my weekend.', 'I am dying to see the new film.', 'She nailed the presentation.',
  'The cat scratched the sofa.', 'We need to whip the cream first.', 'Spotted dick is a British pudding.',
  'The rooster and the hen crossed the road.', 'Document the hell out of this API.', 'Pass the assignment in by noon.',
  'The bassist tuned his instrument.', 'Massachusetts has cold winters.', 'Titanic is a long film.', 'My dad loves his tit-for-tat jokes.',
  'The harpist played at the wedding.', 'He is a specialist in butt joints for carpentry.', 'Put the kettle on.',
];

export const CLEAN_ZH = [
  '维吾尔族的音乐很好听', '我们去操场上跑步吧', '日本料理很好吃', '大家干杯！', '草莓蛋糕真甜', '今天中午吃鸡肉饭',
  '穆斯林朋友请我们吃饭', '杀毒软件需要更新了', '他是一个很好的人', '这部电影的结局太感人了', '同性恋者也有平等的权利',
];
