// What the lexicon detector promises, in both languages: abuse is flagged, evasions too, and
// neutral mentions of people, faiths and everyday violent-sounding words pass.

import type { DetectorExample } from '../detector.js';

export const LEXICON_EXAMPLES: readonly DetectorExample[] = Object.freeze([
  { text: 'I will kill you', expect: { violence: 'flag' } },
  { text: "i'm going to kill you tomorrow", expect: { violence: 'flag' } },
  { text: 'How do I kill a Python process?', expect: { violence: 'pass', harassment: 'pass' } },
  { text: 'Can you shoot a photo of the sunset for me?', expect: { violence: 'pass' } },
  { text: 'f.u.c.k you', expect: { profanity: 'flag', harassment: 'flag' } },
  { text: 'what the f*ck', expect: { profanity: 'flag' } },
  { text: 'k i l l yourself', expect: { harassment: 'flag' } },
  { text: 'I just want to end my life', expect: { self_harm: 'flag' } },
  { text: 'send nudes', expect: { sexual: 'flag' } },
  { text: 'where can I buy cocaine online', expect: { illicit: 'flag' } },
  { text: 'I am a Uyghur Muslim and my gay friend is Black', expect: { hate: 'pass', harassment: 'pass' } },
  { text: 'Scunthorpe and Essex are in England; the assassin read Dickens over a cocktail', expect: { profanity: 'pass', sexual: 'pass' } },
  { text: '我要杀了你', expect: { violence: 'flag' } },
  { text: '殺了你', expect: { violence: 'flag' } },
  { text: '你这个傻逼', expect: { profanity: 'flag' } },
  { text: 'ni shi sha bi', expect: { profanity: 'flag' } },
  { text: '我不想活了，想死', expect: { self_harm: 'flag' } },
  { text: '出售枪支，价格优惠', expect: { illicit: 'flag' } },
  { text: '维吾尔族的音乐很好听', expect: { hate: 'pass', harassment: 'pass' } },
  { text: '今天天气很好，我们去公园散步吧', expect: { violence: 'pass', profanity: 'pass' } },
]);
