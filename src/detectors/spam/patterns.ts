// Get-rich and click-bait phrases in English and Chinese, each with a weight: a strong phrase
// ("make $5000 a week from home", 兼职刷单) alone reaches medium, a weak one ("act now") stays low.

export interface PatternHit { start: number; end: number; rule: string; weight: number }

interface Pattern { src: string; rule: 'spam:getrich' | 'spam:clickbait'; weight: number }

const STRONG = 0.8;
const MID = 0.45;
const WEAK = 0.3;
const MONEY = '[$€£¥]\\s?\\d[\\d,.]*\\s?k?\\+?(?:\\s?(?:usd|dollars|bucks))?';
const PERIOD = '(?:a|per|every|each|/)\\s?(?:day|week|month|hour|hr|wk)';

const g = (src: string, weight = STRONG): Pattern => ({ src, rule: 'spam:getrich', weight });
const c = (src: string, weight = MID): Pattern => ({ src, rule: 'spam:clickbait', weight });

const EN: readonly Pattern[] = [
  g(`(?:make|earn|making|earning|get\\s+paid)\\s+(?:up\\s+to\\s+|over\\s+|at\\s+least\\s+)?${MONEY}\\s*${PERIOD}(?:\\s+(?:from|at|working\\s+from)\\s+home)?`),
  g(`${MONEY}\\s*${PERIOD}\\s+(?:from|at|working\\s+from)\\s+home`),
  g('(?:make|earn)\\s+(?:extra\\s+)?(?:money|cash|income|\\$+)\\s+(?:fast|online|from\\s+home|at\\s+home|while\\s+you\\s+sleep|easily)'),
  g('work(?:ing)?\\s+from\\s+home\\s+and\\s+(?:make|earn)'),
  g('get\\s+rich\\s+quick'),
  g('double\\s+your\\s+(?:money|investment|income|bitcoin|btc|crypto)'),
  g('guaranteed\\s+(?:income|returns?|profits?|earnings)'),
  g('\\d{2,4}x\\s+(?:returns?|gains?|profits?)'),
  g('risk[-\\s]free\\s+(?:investment|returns?|profits?)'),
  g('passive\\s+income', MID), g('financial\\s+freedom', MID), g('be\\s+your\\s+own\\s+boss', MID),
  g('no\\s+experience\\s+(?:needed|required|necessary)', MID), g('investment\\s+opportunity', MID),
  g('(?:crypto|forex|binary)\\s+(?:trading\\s+)?signals', MID),
  c('(?:you|u)(?:\'ve|\\s+have|\\s+hav)\\s+(?:just\\s+)?won\\s+(?:a\\s+|an\\s+|the\\s+)?(?:[$£€¥?]|free|cash|prize|gift|iphone|lottery|reward|voucher|holiday|\\d)', STRONG),
  c('(?:you|u)\\s+(?:are|r)\\s+(?:a|our)\\s+(?:lucky\\s+)?winner|congratulations[!,.\\s-]*(?:you|u)(?:\'ve|\\s+have|\\s+are|\\s+r)?\\s+(?:won|been|awarded)', STRONG),
  c('(?:claim|collect)\\s+(?:your|ur)\\s+(?:prize|reward|gift|bonus|free|cash|winnings|[$£€])', STRONG),
  c('(?:you|u)(?:\'ve|\\s+have|\\s+are|\\s+r)\\s+(?:been\\s+)?(?:specially\\s+)?(?:selected|chosen|awarded)', 0.6),
  c('[$£€]\\s?\\d[\\d,]*\\s+(?:cash\\s+)?(?:prize|award|reward)|(?:prize|award)\\s+(?:is\\s+)?guaranteed', 0.6),
  // Premium-rate SMS: "txt WIN to 80082", "150p/msg".
  c('(?:text|txt|reply|send)\\s+(?:the\\s+word\\s+)?[a-z0-9]{2,12}\\s+to\\s+\\d{4,6}', 0.6),
  c('\\d+\\s?p\\s?(?:/|per\\s)\\s?(?:min|minute|msg|message|wk|week|txt|text)'),
  c('(?:free|win)\\s+(?:entry|ringtones?|tones?|vouchers?|holiday|camera|ipod|nokia|mobile|phone)'),
  c('(?:t&c\'?s|t\\s?&\\s?cs|tcs)\\s+apply|opt[-\\s]?out|unsubscribe|(?:txt|text|reply)\\s+stop|urgent[!:]', WEAK),
  c('(?:cheap|buy)\\s+(?:followers|likes|views|subscribers)', STRONG),
  c('click\\s+(?:here|the\\s+link|this\\s+link|below|now)'),
  c('limited[-\\s]time\\s+(?:offer|only|deal|sale)'),
  c('100%\\s+free'),
  c('free\\s+(?:gift|iphone|money|cash|bitcoin|crypto|followers|likes|gift\\s+card|giveaway)'),
  c('exclusive\\s+(?:deal|offer)'), c('special\\s+promotion'), c('no\\s+credit\\s+check'),
  c('(?:lowest|best|cheapest)\\s+prices?\\s+(?:guaranteed|ever|online)'),
  c('link\\s+in\\s+(?:my\\s+)?bio'), c('f4f|l4l|sub4sub|follow\\s+for\\s+follow'),
  c('dm\\s+(?:me\\s+)?for\\s+(?:price|prices|promo|details|info)'),
  c('act\\s+(?:now|fast|today)', WEAK), c('(?:buy|order|call|shop|subscribe|sign\\s+up|register)\\s+(?:now|today)', WEAK),
  c('don\'?t\\s+miss\\s+(?:out|this)', WEAK), c('once\\s+in\\s+a\\s+lifetime', WEAK),
  c('check\\s+(?:out\\s+)?my\\s+(?:bio|profile)', WEAK), c('visit\\s+(?:my|our)\\s+(?:website|site|store|shop)', WEAK),
];

const ZH: readonly Pattern[] = [
  g('日赚|日入[0-9一二三四五六七八九十百千万]|月入过万|躺赚|网赚|稳赚(?:不赔)?'),
  g('兼职刷单|刷信誉|刷好评|高薪兼职|日结(?:工资|兼职)|(?:轻松|在家|手机)赚钱|一部手机(?:就能|在家)?赚'),
  g('零(?:投入|成本)(?:创业|赚钱)?|带你(?:赚钱|赚|致富|发财)|躺着(?:赚钱|赚)|保本保息|高(?:额)?回报|暴利项目'),
  g('月入[0-9一二三四五六七八九十百千万]|刷单', MID),
  g('兼职|副业|宝妈|无需经验|无门槛|在家(?:办公|工作)', WEAK),
  c('恭喜(?:您|你)?(?:获得|中奖|被选中)|加(?:我|群)[^，。！\\n]{0,4}领(?:取)?(?:红包|福利|奖品|礼品)?', STRONG),
  c('(?:免费)?领(?:取)?红包'),
  c('免费领(?:取)?|免费送|点击(?:链接|领取|下方|进入|查看)|限时(?:优惠|抢购|特价|免费|秒杀)|手慢无'),
  c('详情(?:请)?(?:咨询|私聊|私信|加)|扫码(?:领取|加|进群|关注)|低价(?:出售|出|代)|返利|引流|涨粉|加粉|互粉'),
  c('代理(?:招募|加盟)|招(?:代理|学徒)|立即(?:购买|领取|下单|注册)|中奖(?:了|啦)'),
  c('秒杀|速来|不要错过|马上(?:领取|行动)|优惠券|私聊我?|进群', WEAK),
];

// One alternation per language, each pattern its own capture group: a single scan finds them all.
const EN_RE = new RegExp(`(?<![a-z0-9])(?:${EN.map((p) => `(${p.src})`).join('|')})(?![a-z])`, 'gi');
const ZH_RE = new RegExp(ZH.map((p) => `(${p.src})`).join('|'), 'g');

const HAN = /[\u4e00-\u9fff]/;

export function findPatterns(text: string): PatternHit[] {
  const en = scan(text, EN_RE, EN);
  return HAN.test(text) ? [...en, ...scan(text, ZH_RE, ZH)] : en;
}

function scan(text: string, re: RegExp, patterns: readonly Pattern[]): PatternHit[] {
  const out: PatternHit[] = [];
  for (const m of text.matchAll(re)) {
    const k = m.findIndex((v, i) => i > 0 && v !== undefined) - 1;
    const p = patterns[k];
    if (p) out.push({ start: m.index, end: m.index + m[0].length, rule: p.rule, weight: p.weight });
  }
  return out;
}
