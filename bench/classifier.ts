// The text classifier's speed on 300-character texts (target: ≥ 2,000 texts/s on one core), on
// folded input and with the folding, beside the lexicon on the same texts for scale.
// Run: node dist/bench/classifier.js

import { ClassifierDetector } from '../src/detectors/classifier/index.js';
import { LexiconDetector } from '../src/detectors/lexicon/index.js';
import { normalizeForMatching } from '../src/normalize/index.js';
import { seededRandom } from '../src/seededRandom.js';
import { pick, sources } from './corpus.js';
import { compare, fmt, isMain, table } from './measure.js';

const TARGET = 2_000;

/** `count` texts of 300 characters joined from real messages, two English to one Chinese. */
function texts300(count: number): string[] {
  const random = seededRandom(5);
  return Array.from({ length: count }, (_, i) => {
    const pool = sources(i % 3 === 2 ? 'zh' : 'en');
    let text = '';
    while (text.length < 300) text += (text ? ' ' : '') + pick(pick(pool, random), random);
    return text.slice(0, 300);
  });
}

export async function runClassifier(): Promise<void> {
  const texts = texts300(300);
  const folded = texts.map((t) => normalizeForMatching(t));
  const classifier = new ClassifierDetector();
  const lexicon = new LexiconDetector();
  await Promise.all([classifier.load(), lexicon.load()]);
  const n = texts.length;
  console.log(`\n== classifier ${classifier.version}: ${n} texts of 300 characters (EN and ZH), one core`);
  const rows = await compare([
    { name: 'classifier (folded input)', fn: (i) => classifier.detect({ kind: 'text', text: texts[i % n], normalized: folded[i % n] }) },
    { name: 'classifier + normalisation', fn: (i) => classifier.detect({ kind: 'text', text: texts[i % n], normalized: normalizeForMatching(texts[i % n]) }) },
    { name: 'lexicon (folded input), for scale', fn: (i) => lexicon.detect({ kind: 'text', text: texts[i % n], normalized: folded[i % n] }) },
  ], { ms: 2_000 });
  table(`texts/s (target ≥ ${fmt.int(TARGET)} for the classifier)`, ['what', 'texts/s', 'p50 ms', 'p99 ms', 'target'],
    rows.map((r, k) => [r.name, fmt.int(r.ops), fmt.ms(r.p50), fmt.ms(r.p99), k < 2 ? (r.ops >= TARGET ? 'met' : 'MISSED') : '']));
}

if (isMain(import.meta.url)) await runClassifier();
