// Messaging handles: "add me on wechat: abc123", "加V：abc888", "vx 13800138000", "QQ 123456789",
// "dm me on telegram @seller". One pass finds platform names; the words around each decide.

export interface HandleHit { start: number; end: number; platform: string; score: number }

interface Alias {
  test: RegExp;
  platform: string;
  /** A spelling chosen to slip past filters (威信, V信, 加V, 扣扣): intent by itself. */
  evasive: boolean;
  /** Flags even with no handle and no "add me" around it. */
  standalone: boolean;
  /** What a handle must look like after this name. */
  id: 'any' | 'digits' | 'explicit';
}

const a = (src: string, platform: string, opts: Partial<Omit<Alias, 'test' | 'platform'>> = {}): Alias => ({
  test: new RegExp(`^(?:${src})$`, 'i'), platform, evasive: false, standalone: false, id: 'any', ...opts,
});

// "加V", "+V", "加微": add me on WeChat, unless 加 ends a word (参加, 增加 …), + is a key chord
// ("Ctrl+V") or 微 starts a word (微软, 微博).
const ADD_WECHAT = '(?:(?<![参增添附更追施外叠])加|(?<![a-z0-9])[+＋])\\s{0,2}(?:[vＶｖ]\\s?信?|微(?![信\\u4e00-\\u9fff])|[威薇](?:信|(?![\\u4e00-\\u9fff])))(?![a-z])';
const V_XIN = '(?<![a-z0-9])[vＶｖ]\\s?信|ⓥ信';

// Order matters only for the combined pattern below: longer spellings first.
const ALIASES: readonly Alias[] = [
  a(ADD_WECHAT, 'wechat', { evasive: true, standalone: true }),
  a(V_XIN, 'wechat', { evasive: true, standalone: true }),
  // Real words too (威信 "prestige", 后卫信不信): they need a handle or an "add me" around them.
  a('威信|薇信|徽信|维信', 'wechat', { evasive: true }),
  a('vx|wx|v\\.x|w\\.x', 'wechat', { evasive: true }),
  a('we\\s?chat|weixin|wei\\s?xin|微信|微訊', 'wechat'),
  a('whats\\s?app|whatsap|wassap|wasap', 'whatsapp'),
  a('wa', 'whatsapp', { id: 'explicit' }),
  a('telegram|telegramm|电报|飞机号|纸飞机|小飞机', 'telegram'),
  a('tg', 'telegram', { id: 'explicit' }),
  a('扣扣|企鹅号?|球球', 'qq', { evasive: true, id: 'digits' }),
  a('qq号?|qq群|q号|q群', 'qq', { id: 'digits' }),
  a('line\\s?id|line@', 'line'),
  a('line', 'line', { id: 'explicit' }),
  a('kik', 'kik'),
  a('snapchat|snap', 'snapchat'),
  a('sc', 'snapchat', { id: 'explicit' }),
  a('instagram|insta', 'instagram'),
  a('ig', 'instagram', { id: 'explicit' }),
  a('discord', 'discord'),
];

const ASCII_NAMES = 'we\\s?chat|weixin|wei\\s?xin|vx|wx|v\\.x|w\\.x|whats\\s?app|whatsap|wassap|wasap|wa|telegramm?|tg|'
  + 'qq群|qq号|qq|q号|q群|line\\s?id|line@|line|kik|snapchat|snap|sc|instagram|insta|ig|discord';
const CJK_NAMES = `${ADD_WECHAT}|${V_XIN}|` + '威信|薇信|徽信|维信|微信|微訊|'
  + '电报|飞机号|纸飞机|小飞机|扣扣|企鹅号?|球球';
const NAMES = new RegExp(`(?<![a-z0-9])(?:${ASCII_NAMES})(?![a-z])|${CJK_NAMES}`, 'gi');

// Asking to be contacted just before the name ("add me on", "dm me on", "加我", "联系").
const SOLICIT_EN = /(?:^|[^a-z])((?:add|dm|pm|msg|message|text|contact|reach|find|follow|hit|ping|chat\s+with)\s{1,3}(?:me|us)\s{1,3}(?:up\s{1,3})?(?:on|at|via|in|through|thru|@)\s{1,3}(?:my\s{1,3})?|(?:add|follow|hmu\s+on)\s{1,3}(?:my|our)\s{1,3})$/i;
const SOLICIT_ZH = /((?:加|＋|\+|联系|聯繫|联络|私聊|私信|找|添加|扫|搜)\s{0,2}(?:我|一下|本人|好友|小编)?\s{0,2}的?\s{0,2})$/;
const ME_AFTER = /[ \t]{1,3}(?:me|us)(?![a-z])/iy;
// After the name: an optional "id"/"号" label and separator, then the handle itself.
const HANDLE_AFTER = /[ \t]{0,3}(?:(?:(?:id|number|handle|username|user\s?name)(?![a-z0-9])|号码?|账号|帳號|帐号)[ \t]{0,2})?([:：=＝]|是|->|→|is(?=\s))?[ \t]{0,3}([@＠])?(\+?[0-9][0-9 \-]{5,16}[0-9]|[a-z0-9](?:[a-z0-9_.\-]{0,30}[a-z0-9_])?(?:#[0-9]{4})?)/iy;

export function findHandles(text: string): HandleHit[] {
  const out: HandleHit[] = [];
  NAMES.lastIndex = 0;
  for (let m = NAMES.exec(text); m; m = NAMES.exec(text)) {
    const alias = ALIASES.find((x) => x.test.test(m![0]));
    if (!alias) continue;
    const hit = judge(text, m.index, m.index + m[0].length, alias);
    if (hit) out.push(hit);
  }
  return out;
}

function judge(text: string, start: number, end: number, alias: Alias): HandleHit | null {
  const before = text.slice(Math.max(0, start - 40), start);
  const sol = SOLICIT_EN.exec(before) ?? SOLICIT_ZH.exec(before);
  const from = sol ? start - sol[1].length : start;
  const handle = readHandle(text, end, alias);
  if (handle > 0) return { start: from, end: handle, platform: alias.platform, score: alias.evasive ? 0.97 : 0.9 };
  if (alias.standalone) return { start: from, end, platform: alias.platform, score: 0.97 };
  ME_AFTER.lastIndex = end;
  const meAfter = ME_AFTER.exec(text);
  if (!sol && !meAfter) return null;
  if (alias.id === 'explicit' && !sol) return null; // "wa me" is not enough; "add me on wa" is
  return { start: from, end: meAfter ? end + meAfter[0].length : end, platform: alias.platform, score: alias.evasive ? 0.9 : 0.75 };
}

/** End of a handle right after the name, or 0 when there is none worth the name. */
function readHandle(text: string, at: number, alias: Alias): number {
  HANDLE_AFTER.lastIndex = at;
  const m = HANDLE_AFTER.exec(text);
  if (!m) return 0;
  const [, sep, atSign, id] = m;
  const explicit = Boolean(sep && sep.toLowerCase() !== 'is') || Boolean(atSign);
  if (alias.id === 'digits' && !/^[1-9][0-9]{4,10}$/.test(id)) return 0;
  if (alias.id === 'explicit' && !explicit) return 0;
  // A plain word after a name is prose ("wechat is great", "line up"); handles carry digits, '_' or '@'.
  if (!explicit && !/[0-9_]/.test(id)) return 0;
  if (alias.id !== 'digits' && id.length < 3) return 0;
  if (/^(?:me|us|is|the|and|or|to|on|me\.)$/i.test(id)) return 0;
  return m.index + m[0].length;
}
