// Identity words are masked before the classifier sees a text, in training and at run time. The
// training data mentions some groups mostly in hateful posts, and a model that learns "gay" or
// "穆斯林" as a signal flags "gay people deserve equal rights". Masked, a mention weighs nothing
// by itself: only what is said about the group can raise a score. (PRODUCT.md: identity mentions
// in any language pass.) Slurs are not identity words and are not masked.

import { isLetterOrDigit } from '../../normalize/index.js';

const MARK = ' ';

const EN = [
  'gay', 'gays', 'lesbian', 'lesbians', 'bisexual', 'bisexuals', 'trans', 'transgender', 'transgenders', 'queer', 'queers',
  'lgbt', 'lgbtq', 'lgbtqia', 'homosexual', 'homosexuals', 'heterosexual', 'straight',
  'muslim', 'muslims', 'islam', 'islamic', 'jew', 'jews', 'jewish', 'judaism', 'christian', 'christians', 'christianity',
  'catholic', 'catholics', 'hindu', 'hindus', 'sikh', 'sikhs', 'buddhist', 'buddhists', 'atheist', 'atheists', 'mormon', 'mormons',
  'black', 'blacks', 'white', 'whites', 'asian', 'asians', 'arab', 'arabs', 'african', 'africans', 'mexican', 'mexicans',
  'latino', 'latinos', 'latina', 'latinas', 'latinx', 'hispanic', 'hispanics', 'chinese', 'indian', 'indians', 'pakistani',
  'pakistanis', 'korean', 'koreans', 'japanese', 'palestinian', 'palestinians', 'israeli', 'israelis', 'uyghur', 'uyghurs',
  'tibetan', 'tibetans', 'roma', 'gypsy', 'gypsies', 'immigrant', 'immigrants', 'migrant', 'migrants', 'refugee', 'refugees',
  'foreigner', 'foreigners', 'women', 'woman', 'girls', 'girl', 'female', 'females', 'men', 'man', 'males', 'male',
  'disabled', 'disability', 'disabilities', 'deaf', 'blind', 'autistic', 'wheelchair',
];

const ZH = [
  '同性恋', '同志', '拉拉', '跨性别', '穆斯林', '伊斯兰', '犹太人', '犹太', '基督徒', '基督教', '佛教徒', '黑人', '白人', '黄种人',
  '维吾尔族', '维吾尔人', '维吾尔', '藏族', '藏人', '回族', '少数民族', '女人', '女性', '女生', '男人', '男性', '男生',
  '残疾人', '残障', '外国人', '外地人', '农村人', '河南人', '东北人', '上海人', '北京人', '广东人', '新疆人',
];

const EN_WORDS = new Set(EN);
const LONGEST_EN = Math.max(...EN.map((w) => w.length));
const ZH_RE = new RegExp([...ZH].sort((a, b) => b.length - a.length).join('|'), 'g');
const HAS_HAN = /[\u4e00-\u9fff]/;

/** The folded text with every identity word taken out (a mark left in its place would itself become a signal). */
export function maskIdentities(folded: string): string {
  const en = maskEnglish(folded);
  return HAS_HAN.test(en) ? en.replace(ZH_RE, MARK) : en;
}

/** Whole words (maximal runs of letters and digits) that are English identity words become MARK. */
function maskEnglish(text: string): string {
  let out = '';
  let copied = 0;
  const n = text.length;
  for (let i = 0; i < n;) {
    let cp = text.codePointAt(i)!;
    if (!isLetterOrDigit(cp)) { i += cp > 0xffff ? 2 : 1; continue; }
    const start = i;
    let ascii = true;
    do {
      ascii &&= cp >= 97 && cp <= 122;
      i += cp > 0xffff ? 2 : 1;
      cp = i < n ? text.codePointAt(i)! : 0;
    } while (i < n && isLetterOrDigit(cp));
    if (ascii && i - start <= LONGEST_EN && EN_WORDS.has(text.slice(start, i))) {
      out += text.slice(copied, start) + MARK;
      copied = i;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}
