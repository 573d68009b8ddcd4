// The npm profanity filters Bulwark is compared with, each set up the way its README recommends
// for English, behind one shape: `check` (is anything there?) and `find` (what and where), with
// its dictionary in a form Bulwark's matcher loads for the same-dictionary comparison.

import { AllProfanity, englishBadWords } from 'allprofanity';
import leo from 'leo-profanity';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher, SyntaxKind } from 'obscenity';

export interface PeerFilter {
  name: string;
  /** The call a moderation hook would make: a yes/no answer. */
  check(text: string): boolean;
  /** The call that also says what matched (for masking or evidence). */
  find(text: string): unknown;
  checkCall: string;
  findCall: string;
  /** The peer's own dictionary, in the form Bulwark's lists take it. */
  dictionary: PeerDictionary;
}

export interface PeerDictionary {
  /** Plain words load as an `exact` list; obscenity's patterns as a `pattern` list (folding included). */
  match: 'exact' | 'pattern';
  entries: readonly string[];
  /** Terms the peer exempts (obscenity's whitelist), loaded as an allow list. */
  allow?: readonly string[];
  /** How the dictionary is named in tables: "252 words". */
  label: string;
}

export function peerFilters(): PeerFilter[] {
  const dataset = englishDataset.build();
  const obscenity = new RegExpMatcher({ ...dataset, ...englishRecommendedTransformers });
  // Its default also loads Hindi, which flags plain English ("nice item for sale"): English only.
  const allprofanity = new AllProfanity({ silent: true });
  allprofanity.clearList();
  allprofanity.loadLanguage('english');
  leo.reset();
  return [
    { name: 'obscenity', checkCall: 'hasMatch', findCall: 'getAllMatches',
      check: (t) => obscenity.hasMatch(t), find: (t) => obscenity.getAllMatches(t), dictionary: obscenityDictionary(dataset) },
    { name: 'allprofanity', checkCall: 'check', findCall: 'detect', dictionary: words(englishBadWords),
      check: (t) => allprofanity.check(t), find: (t) => allprofanity.detect(t) },
    { name: 'leo-profanity', checkCall: 'check', findCall: 'badWordsUsed', dictionary: words(leo.list()),
      check: (t) => leo.check(t), find: (t) => leo.badWordsUsed(t) },
  ];
}

function words(entries: readonly string[]): PeerDictionary {
  return { match: 'exact', entries, label: `${entries.length} words` };
}

type ObscenityData = ReturnType<typeof englishDataset.build>;
type ObscenityPattern = ObscenityData['blacklistedTerms'][number]['pattern'];
type ObscenityNode = ObscenityPattern['nodes'][number];

/**
 * obscenity's English patterns in Bulwark's pattern syntax: a literal stays, its wildcard is `?`,
 * an optional part `[x]` is `(x|)`; a side without obscenity's word boundary (`|`) matches inside
 * a word, which is `*` there. Its whitelist ("assassin", "analog") becomes an allow list that
 * matches inside words too.
 */
function obscenityDictionary(data: ObscenityData): PeerDictionary {
  const node = (n: ObscenityNode): string => {
    if (n.kind === SyntaxKind.Literal) return String.fromCharCode(...n.chars);
    if (n.kind === SyntaxKind.Wildcard) return '?';
    if (n.kind === SyntaxKind.Optional) return `(${node(n.childNode)}|)`;
    throw new Error(`obscenity pattern node ${(n as { kind: number }).kind} has no Bulwark form`);
  };
  const entries = data.blacklistedTerms.map(({ pattern: p }) =>
    `${p.requireWordBoundaryAtStart ? '' : '*'}${p.nodes.map(node).join('')}${p.requireWordBoundaryAtEnd ? '' : '*'}`);
  const allow = (data.whitelistedTerms ?? []).map((term) => `*${term}*`);
  return { match: 'pattern', entries, allow, label: `${entries.length} patterns, ${allow.length} allowed terms` };
}
