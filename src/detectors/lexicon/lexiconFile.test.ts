// The lexicon files themselves: they parse, their rule ids are stable, and they hold abuse,
// never an identity word on its own and never a politics category.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATEGORIES } from '../../content/index.js';
import { lexiconDir, loadBuiltinLexicon, parseLexiconFile, readLexiconFiles } from './index.js';
import { parseSetsFile, setMembers } from './lexiconFile.js';

const files = readLexiconFiles(lexiconDir());

test('every file parses and loads into one matcher', () => {
  assert.ok(files.length >= 16);
  const lexicon = loadBuiltinLexicon();
  assert.ok(lexicon.rows >= 800);
  assert.ok(lexicon.counts['builtin:profanity/en'] > 0 && lexicon.counts['builtin:violence/zh'] > 0);
});

test('categories are the product categories (no politics), severities fit', () => {
  for (const f of files) {
    for (const row of f.rows) {
      assert.ok(row.category === 'allow' || (CATEGORIES as readonly string[]).includes(row.category), `${f.file}:${row.line}`);
    }
  }
});

const IDENTITY = [
  'gay', 'gays', 'lesbian', 'lesbians', 'bisexual', 'trans', 'transgender', 'queer', 'muslim', 'muslims', 'islam', 'jew', 'jews',
  'jewish', 'christian', 'christians', 'hindu', 'sikh', 'black', 'blacks', 'white', 'whites', 'asian', 'asians', 'arab', 'arabs',
  'african', 'mexican', 'immigrant', 'immigrants', 'refugee', 'women', 'men', 'uyghur', 'uyghurs', 'tibetan', 'chinese', 'disabled',
  '同性恋', '穆斯林', '犹太人', '黑人', '白人', '维吾尔', '维吾尔族', '维吾尔人', '藏人', '回族', '基督徒', '女人', '残疾人', '外国人',
  'kill', 'shoot', 'drug', 'drugs', 'suicide bomber', 'terrorist',
];

test('no identity word (nor "kill") is an entry on its own', () => {
  for (const f of files) {
    for (const row of f.rows) {
      if (row.category === 'allow' || row.match !== 'normalized') continue;
      assert.ok(!IDENTITY.includes(row.entry.toLowerCase()), `${f.file}:${row.line} ${row.entry}`);
    }
  }
});

test('malformed rows fail with file and line', () => {
  const header = 'entry\tcategory\tseverity\tmatch\tflags\tnote\n';
  assert.throws(() => parseLexiconFile(`${header}x\tpolitics\tlow\tnormalized\t-\t\n`, 'x.tsv'), /x\.tsv:2: unknown category/);
  assert.throws(() => parseLexiconFile(`${header}x\tallow\tlow\tnormalized\t-\t\n`, 'x.tsv'), /allow rows/);
  assert.throws(() => parseLexiconFile('x\tspam\tlow\tnormalized\t-\t\n', 'x.tsv'), /header/);
  assert.equal(parseLexiconFile(`# c\n${header}\nx\tspam\tlow\tpattern\tnomask\tn\n`, 'x.tsv')[0].flags.has('nomask'), true);
  assert.throws(() => parseLexiconFile(`${header}x them\thate\tlow\tpattern\trefers\t\n`, 'x.tsv'), /x\.tsv:2: refers is for rows/);
});

test('named sets expand in pattern rows, and a bad set or an unknown name fails with file and line', () => {
  const header = 'entry\tcategory\tseverity\tmatch\tflags\tnote\n';
  const sets = parseSetsFile('# groups\ngroup\trats|cats\n', 'sets.txt');
  const [row] = parseLexiconFile(`${header}{group} are ~ bad\thate\thigh\tpattern\t-\t\n`, 'x.tsv', sets);
  assert.equal(row.entry, '{group} are ~ bad');
  assert.equal(row.value, '(rats|cats) are ~ bad');
  assert.throws(() => parseLexiconFile(`${header}{nope} x\thate\thigh\tpattern\t-\t\n`, 'x.tsv', sets), /x\.tsv:2: unknown set \{nope\}/);
  assert.throws(() => parseSetsFile('group\ta|(b)\n', 'sets.txt'), /sets\.txt:1: alternatives/);
  assert.throws(() => parseSetsFile('g\ta\ng\tb\n', 'sets.txt'), /sets\.txt:2: set "g" is defined twice/);
  assert.deepEqual(setMembers(sets, 'group'), ['rats', 'cats']);
  assert.deepEqual(setMembers(sets, 'member'), []);
  const nested = parseSetsFile('pets\tcats|dogs\nanimals\trats|{pets}\n', 'sets.txt');
  assert.deepEqual(setMembers(nested, 'animals'), ['rats', 'cats', 'dogs'], 'a set includes an earlier one');
  assert.throws(() => parseSetsFile('animals\trats|{pets}\npets\tcats\n', 'sets.txt'), /sets\.txt:1: set \{pets\} must be defined before/);
});
