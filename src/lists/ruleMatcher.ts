// Normalised words and patterns of one list (or of the built-in lexicon) compiled into one
// matcher: plain and expanded entries share one Aho-Corasick pass; regex patterns run only
// when their anchor literal turned up in that pass.

import type { NormalizedText } from '../normalize/index.js';
import { BulwarkError } from '../errors.js';
import { compileMatcher } from './matcher.js';
import type { MatchHit, Matcher, MatcherEntry, RawMatcher } from './matcher.js';
import { compilePattern } from './pattern.js';
import type { Fold } from './pattern.js';
import type { PatternLimits } from './patternSyntax.js';
import { RegexRule } from './regexRule.js';
import type { AnchorHit, RegexMatch } from './regexRule.js';

export interface Rule<P = unknown> {
  /** As written: a word or phrase ('normalized', optional leading/trailing '*') or a pattern. */
  value: string;
  kind: 'normalized' | 'pattern';
  payload: P;
  /** Also catch masked spellings of single words ("f*ck"). Default true for 'normalized'. */
  masked?: boolean;
  /** Where the rule came from ("en/violence.tsv:12"), put in front of error messages. */
  origin?: string;
}

type Slot<P> = { rule: number; entry: string; payload: P } | { regex: number; set: number };

export const ENTRY_MAX_LENGTH = 200;

export function compileRules<P>(rules: readonly Rule<P>[], foldText: Fold, limits?: PatternLimits): Matcher<P> {
  const memo = new Map<string, string>();
  const fold: Fold = (text) => {
    let folded = memo.get(text);
    if (folded === undefined) memo.set(text, (folded = foldText(text)));
    return folded;
  };
  const entries: MatcherEntry<Slot<P>>[] = [];
  const regexes: RegexRule[] = [];
  rules.forEach((rule, r) => {
    if (rule.kind === 'normalized') {
      const pattern = withOrigin(rule.origin, () => foldEntry(rule.value, fold));
      for (const form of apostropheForms(pattern)) {
        entries.push({ pattern: form, payload: { rule: r, entry: rule.value, payload: rule.payload }, masked: rule.masked ?? true });
      }
      return;
    }
    const compiled = withOrigin(rule.origin, () => compilePattern(rule.value, fold, limits));
    for (const phrase of (compiled.expansions ?? []).flatMap(apostropheForms)) {
      entries.push({ pattern: phrase, payload: { rule: r, entry: rule.value, payload: rule.payload }, masked: rule.masked ?? false });
    }
    if (!compiled.regex) return;
    const index = regexes.length;
    // With start literals, the anchor sets stay as filters: no hit of each within reach, no attempt.
    const sets = compiled.starts ? [compiled.starts, ...(compiled.anchors ?? [])] : compiled.anchors ?? [];
    regexes.push(new RegexRule(r, compiled.regex, compiled.maxLength, sets.length, compiled.starts !== null));
    sets.forEach((set, k) => {
      // A start literal that begins with a word character needs a boundary before it, as the regex does.
      const bounds = compiled.starts && k === 0 ? 'start' : 'none';
      for (const anchor of set) entries.push({ pattern: anchor, payload: { regex: index, set: k }, bounds });
    });
  });
  return new RuleMatcher(rules, compileMatcher(entries), regexes);
}

function withOrigin<T>(origin: string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (origin && err instanceof BulwarkError) throw new BulwarkError(err.code, `${origin}: ${err.message}`, err.details);
    throw err;
  }
}

/** Folds a plain entry, keeping its '*' continuation markers; throws LIST_ENTRY_INVALID when nothing is left. */
export function foldEntry(value: string, fold: Fold): string {
  const trimmed = value.trim();
  if (trimmed.length > ENTRY_MAX_LENGTH) throw new BulwarkError('LIST_ENTRY_INVALID', `Entry longer than ${ENTRY_MAX_LENGTH} characters.`, { value });
  const lead = trimmed.length > 1 && trimmed.startsWith('*') ? '*' : '';
  const trail = trimmed.length > 1 && trimmed.endsWith('*') ? '*' : '';
  const core = fold(trimmed.slice(lead.length, trimmed.length - trail.length).trim());
  if (core.length === 0) throw new BulwarkError('LIST_ENTRY_INVALID', 'Entry is empty once normalised.', { value });
  return lead + core + trail;
}

/** "i'm" is also typed "i’m": both forms go into the automaton (normalisation keeps the curly one). */
function apostropheForms(phrase: string): string[] {
  return phrase.includes("'") ? [phrase, phrase.replaceAll("'", '\u2019')] : [phrase];
}

class RuleMatcher<P> implements Matcher<P> {
  #rules: readonly Rule<P>[];
  #matcher: RawMatcher<Slot<P>>;
  #regexes: readonly RegexRule[];

  constructor(rules: readonly Rule<P>[], matcher: RawMatcher<Slot<P>>, regexes: readonly RegexRule[]) {
    this.#rules = rules;
    this.#matcher = matcher;
    this.#regexes = regexes;
  }

  get size(): number { return this.#rules.length; }

  find(normalized: NormalizedText): MatchHit<P>[] {
    const hits: MatchHit<P>[] = [];
    const anchors = new Map<number, AnchorHit[]>();
    this.#matcher.scan(normalized.text, (slot, e, start, end, masked) => {
      if ('regex' in slot) {
        const list = anchors.get(slot.regex);
        if (list) list.push({ set: slot.set, start, end });
        else anchors.set(slot.regex, [{ set: slot.set, start, end }]);
        return;
      }
      const hit = this.#matcher.hit(normalized, e, start, end, masked);
      hits.push({ ...hit, payload: slot.payload, entry: slot.entry, form: hit.form });
    });
    this.#regexes.forEach((r, i) => {
      const near = anchors.get(i);
      if (r.always || near) for (const m of r.run(normalized, near ?? [])) hits.push(this.#regexHit(normalized, r.rule, m));
    });
    return hits;
  }

  #regexHit(normalized: NormalizedText, rule: number, m: RegexMatch): MatchHit<P> {
    const span = normalized.toOriginal(m.start, m.end);
    return {
      payload: this.#rules[rule].payload, entry: this.#rules[rule].value, form: m.form, start: m.start, end: m.end,
      span: { start: span.start, end: span.end }, text: normalized.original.slice(span.start, span.end), masked: false,
    };
  }
}
