// Typo and glued-word repair with the real dictionary and the real lexicon: slips of the words
// the lexicon uses are put right, real words and everything that is not prose stay as written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeForMatching } from '../../normalize/index.js';
import { loadBuiltinLexicon } from './lexicon.js';
import { typosOf } from './wordRepair.js';

const repair = loadBuiltinLexicon().repair!;
const repaired = (text: string) => repair.repair(normalizeForMatching(text)).text;

describe('WordRepair', () => {
  it('knows the slips it repairs: adjacent letters swapped, one letter left out of longer words', () => {
    assert.deepEqual([...typosOf('kill')].sort(), ['ikll', 'kill'.slice(0, 1) + 'lil'].sort());
    assert.ok(typosOf('women').has('womn') && typosOf('women').has('owmen'));
    assert.ok(!typosOf('hate').has('hte'), 'four-letter words lose no letter: "hte" is "the"');
  });

  it('puts typos of the lexicon\'s words right', () => {
    assert.equal(repaired('Womn are scum.'), 'women are scum.');
    assert.equal(repaired('You make me sikc'), 'you make me sick');
    assert.equal(repaired('such a thraet, so despicble'), 'such a threat, so despicable');
    assert.equal(repaired('Muslms'), 'muslims');
  });

  it('splits words written together, also once spaced letters are joined', () => {
    assert.equal(repaired('Ihate women'), 'i hate women');
    assert.equal(repaired('All women are such massivescumbags.'), 'all women are such massive scumbags.');
    assert.equal(repaired('I h a t e women'), 'i hate women');
    assert.equal(repaired('We should just hangall of them'), 'we should just hang all of them');
  });

  it('leaves real words, ambiguous slips, the lexicon\'s own spellings and non-prose alone', () => {
    for (const text of [
      'hated', 'therapist', 'the heat', 'Hitchcock', 'strangel', 'lmao', 'shemales', 'fuk',
      '@ihate', 'see ihate.com', 'www.deathto.org', 'user_ihate', 'ihate99', 'Scunthorpe',
    ]) assert.equal(repaired(text), normalizeForMatching(text).text, text);
  });

  it('reads no slip as a word that is an entry on its own, and leaves texts that are not English alone', () => {
    for (const text of ['Det er ikke noe problem', 'Jeg har sult', 'Kies een kleur', 'Voy a retar a mi hermano', 'Tanny is my friend', 'I said ikke']) {
      assert.equal(repaired(text), normalizeForMatching(text).text, text);
    }
    const czech = 'Womn nikdy nebyla tak krásná jako dnes';
    assert.equal(repaired(czech), normalizeForMatching(czech).text, 'mostly unknown words: not English');
  });

  it('returns the very same text object when nothing needed repair', () => {
    const text = normalizeForMatching('Nothing to see here, all words are fine.');
    assert.equal(repair.repair(text), text);
  });
});
