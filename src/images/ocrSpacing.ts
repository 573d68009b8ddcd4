// OCR drops spaces ("DMmeontelegram", "call+12025550143now"): before the text pipeline reads an
// OCR line, long glued runs of letters that are no English word are split into the likeliest words
// (by word frequency in Wikipedia, the classic minimum-cost segmentation), and a space goes back
// between a word and a phone number's "+" or after a number followed by a word.
// Short runs, known words and names with digits ("abc123", a WeChat ID) are left as they are.

import { loadEnglishWords } from '../detectors/lexicon/englishWords.js';

const MIN_GLUED = 8;
const MAX_WORD = 20;

let costs: Map<string, number> | null = null;

/** Word → cost (log of rank-weighted frequency): frequent words are cheap. */
function wordCosts(): Map<string, number> {
  if (costs) return costs;
  const words = loadEnglishWords().byFrequency;
  const logN = Math.log(words.length);
  costs = new Map(words.map((w, rank) => [w, Math.log((rank + 1) * logN)]));
  return costs;
}

/** The run split into words when a split explains it better than leaving it whole; else the run. */
export function splitGlued(run: string): string {
  const lower = run.toLowerCase();
  const table = wordCosts();
  // CamelCase is a name as written ("WhatsApp", "WeChat"), not lost spaces.
  if (run.length < MIN_GLUED || table.has(lower) || /[a-z][A-Z]/.test(run)) return run;
  const unknown = 1e9;
  const best = new Float64Array(lower.length + 1).fill(Infinity);
  const from = new Int32Array(lower.length + 1);
  best[0] = 0;
  for (let end = 1; end <= lower.length; end++) {
    for (let start = Math.max(0, end - MAX_WORD); start < end; start++) {
      const word = lower.slice(start, end);
      // A lone letter other than "a" and "i" is a misread, not a word.
      const cost = best[start] + (word.length === 1 && word !== 'a' && word !== 'i' ? unknown : table.get(word) ?? unknown);
      if (cost < best[end]) { best[end] = cost; from[end] = start; }
    }
  }
  if (best[lower.length] >= unknown) return run;
  const words: string[] = [];
  for (let end = lower.length; end > 0; end = from[end]) words.unshift(run.slice(from[end], end));
  return words.join(' ');
}

/**
 * One OCR line with its lost spaces put back where the evidence is clear. A token that looks like
 * an address (a dot, slash or colon in it) is left whole: "cheappills.example" is a domain.
 */
export function spaceOcrLine(line: string): string {
  return line.split(/(\s+)/).map((token) => (/^\s*$|[./]|:\/\//.test(token) ? token : spaceToken(token))).join('');
}

/** Messaging services ads name: glued to the words around them, they still stand apart ("AddWeChat:"). */
const SERVICES = /(wechat|weixin|whatsapp|telegram|instagram|snapchat|facebook|kakaotalk|viber|skype|signal)/gi;

function spaceToken(token: string): string {
  return token
    // Only the part before an "@": what follows is a handle or an address, spelled as it is.
    .replace(/^[^@]+/, (head) => head.replace(/[A-Za-z]+/g, (run) => splitGlued(run)))
    .replace(SERVICES, ' $1 ').trim().replace(/ {2,}/g, ' ')
    .replace(/(\S)(\+\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z]{3,})\b/g, (m, digit: string, word: string) => (wordCosts().has(word.toLowerCase()) ? `${digit} ${word}` : m));
}
