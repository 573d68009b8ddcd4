// The npm profanity filters Bulwark is compared with, each set up the way its README recommends
// for English, behind one shape: `check` (is anything there?) and `find` (what and where).

import { AllProfanity, englishBadWords } from 'allprofanity';
import leo from 'leo-profanity';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

export interface PeerFilter {
  name: string;
  /** The call a moderation hook would make: a yes/no answer. */
  check(text: string): boolean;
  /** The call that also says what matched (for masking or evidence). */
  find(text: string): unknown;
  checkCall: string;
  findCall: string;
  /** The peer's own dictionary as plain words, where it has one (obscenity's is patterns). */
  words?: readonly string[];
}

export function peerFilters(): PeerFilter[] {
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  // Its default also loads Hindi, which flags plain English ("nice item for sale"): English only.
  const allprofanity = new AllProfanity({ silent: true });
  allprofanity.clearList();
  allprofanity.loadLanguage('english');
  leo.reset();
  return [
    { name: 'obscenity', checkCall: 'hasMatch', findCall: 'getAllMatches',
      check: (t) => obscenity.hasMatch(t), find: (t) => obscenity.getAllMatches(t) },
    { name: 'allprofanity', checkCall: 'check', findCall: 'detect', words: englishBadWords,
      check: (t) => allprofanity.check(t), find: (t) => allprofanity.detect(t) },
    { name: 'leo-profanity', checkCall: 'check', findCall: 'badWordsUsed', words: leo.list(),
      check: (t) => leo.check(t), find: (t) => leo.badWordsUsed(t) },
  ];
}
