// Normalised words and patterns of one list (or of the built-in lexicon) compiled into one
// matcher: plain and expanded entries share one Aho-Corasick pass; regex patterns run only
// when their anchor literal turned up in that pass.

import type { NormalizedText } from '../normalize/index.js';
import { BulwarkError } from '../errors.js';
import { compileMatcher } from './matcher.js';
import type { MatchHit, Matcher, MatcherEntry, RawMatcher } from './matcher.js';
import { compilePattern } from './pattern.js';
import { punctuationView } from './punctuationView.js';
import type { Fold } from './pattern.js';
import type { PatternLimits } from './patternSyntax.js';
import { lowerBound, RegexRule } from './regexRule.js';
import type { RegexMatch } from './regexRule.js';
import { AnchorRecord, AnchorSets } from './anchorRecord.js';

export interface Rule<P = unknown> {
  /** As written: a word or phrase ('normalized', optional leading/trailing '*') or a pattern. */
  value: string;
  kind: 'normalized' | 'pattern';
  payload: P;
  /** Also catch masked spellings of single words ("f*ck"). Default true for 'normalized'. */
  masked?: boolean;
  /** Where the rule came from ("en/violence.tsv:12"), put in front of error messages. */
  origin?: string;
  /**
   * A veto (an allow row): its hits matter only where they overlap a hit of a rule that is not a
   * veto, so its pattern is tried only within reach of such hits, after all the others ran.
   */
  veto?: boolean;
}

/** An entry's rule, or the anchor sets a literal belongs to (one automaton entry however many share it). */
type Slot<P> = { rule: number; entry: string; payload: P } | { sets: number[] };

type Bounds = NonNullable<MatcherEntry['bounds']>;

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
  const anchorSets = new AnchorSets();
  const anchorSlots = new Map<string, { sets: number[] }>();
  /** The number of the set of these literals (each with the word boundaries it is found with). */
  const anchorSet = (literals: ReadonlyArray<{ text: string; bounds: Bounds }>): number => {
    const key = literals.map((l) => `${l.bounds}\u0000${l.text}`).sort().join('\u0001');
    const { id, fresh } = anchorSets.id(key);
    if (!fresh) return id;
    for (const { text, bounds } of literals) {
      for (const form of apostropheForms(text)) {
        const slotKey = `${bounds}\u0000${form}`;
        const slot = anchorSlots.get(slotKey);
        if (slot) { if (!slot.sets.includes(id)) slot.sets.push(id); continue; }
        const created = { sets: [id] };
        anchorSlots.set(slotKey, created);
        entries.push({ pattern: form, payload: created, bounds });
      }
    }
    return id;
  };
  const anywhere = (set: readonly string[]) => anchorSet(set.map((text) => ({ text, bounds: 'none' as const })));
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
    const sets = compiled.anchors ?? [];
    if (compiled.starts) {
      // Tried where a start literal begins, if every selective anchor set has a hit within its distance.
      const { filters } = compiled;
      regexes.push(new RegexRule(r, compiled.regex, compiled.maxLength, 1 + filters.length, filters.map((f) => f.within)));
      const starts = anchorSet(compiled.starts.map((s) => ({ text: s.text, bounds: s.word ? 'both' as const : 'start' as const })));
      anchorSets.assign(index, [starts, ...filters.map((f) => anywhere(f.literals))]);
      return;
    }
    regexes.push(new RegexRule(r, compiled.regex, compiled.maxLength, sets.length));
    anchorSets.assign(index, sets.map(anywhere));
  });
  return new RuleMatcher(rules, compileMatcher(entries), regexes, anchorSets);
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
  #anchorSets: AnchorSets;

  constructor(rules: readonly Rule<P>[], matcher: RawMatcher<Slot<P>>, regexes: readonly RegexRule[], anchorSets: AnchorSets) {
    this.#rules = rules;
    this.#matcher = matcher;
    this.#regexes = regexes;
    this.#anchorSets = anchorSets;
  }

  get size(): number { return this.#rules.length; }

  find(normalized: NormalizedText): MatchHit<P>[] {
    const hits: MatchHit<P>[] = [];
    /** Folded ranges of the hits a veto could overturn, [start, end] pairs. */
    const targets: number[] = [];
    const anchors = new AnchorRecord(this.#anchorSets.size);
    this.#matcher.scan(normalized.text, (slot, e, start, end, masked) => {
      if ('sets' in slot) return anchors.add(slot.sets, start, end);
      const hit = this.#matcher.hit(normalized, e, start, end, masked);
      hits.push({ ...hit, payload: slot.payload, entry: slot.entry, form: hit.form });
      if (!this.#rules[slot.rule].veto) targets.push(start, end);
    });
    // What the RegExps read, made once per text and only when one of them runs.
    let view: string | null = null;
    const viewOf = () => (view ??= punctuationView(normalized.text));
    const vetoes: number[] = [];
    this.#regexes.forEach((r, i) => {
      if (this.#rules[r.rule].veto) { vetoes.push(i); return; }
      for (const m of this.#run(viewOf, r, anchors, i, null)) {
        hits.push(this.#regexHit(normalized, r.rule, m));
        targets.push(m.start, m.end);
      }
    });
    if (targets.length === 0 || vetoes.length === 0) return hits;
    const reachable = new Ranges(targets);
    for (const i of vetoes) {
      for (const m of this.#run(viewOf, this.#regexes[i], anchors, i, reachable)) hits.push(this.#regexHit(normalized, this.#regexes[i].rule, m));
    }
    return hits;
  }

  /** Runs regex i where its anchors were hit; with `targets`, only from anchors where a match could reach one of those ranges. */
  #run(view: () => string, r: RegexRule, anchors: AnchorRecord, i: number, targets: Ranges | null): RegexMatch[] {
    const sets = this.#anchorSets.of(i);
    if (!r.always && !anchors.hasAll(sets)) return [];
    const keep = targets && ((start: number, end: number) => targets.overlap(start - r.reach, end + r.reach));
    return r.run(view(), anchors, sets, keep);
  }

  #regexHit(normalized: NormalizedText, rule: number, m: RegexMatch): MatchHit<P> {
    const span = normalized.toOriginal(m.start, m.end);
    return {
      payload: this.#rules[rule].payload, entry: this.#rules[rule].value, form: m.form, start: m.start, end: m.end,
      span: { start: span.start, end: span.end }, text: normalized.original.slice(span.start, span.end), masked: false,
    };
  }
}

/** Ranges of a text ([start, end] pairs), asked whether any overlaps a range: O(log n) a question. */
class Ranges {
  readonly #starts: Float64Array;
  /** Largest end among the ranges up to and including k in start order. */
  readonly #maxEnd: Float64Array;

  constructor(pairs: readonly number[]) {
    const n = pairs.length / 2;
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => pairs[2 * a] - pairs[2 * b]);
    this.#starts = new Float64Array(n);
    this.#maxEnd = new Float64Array(n);
    let max = -Infinity;
    order.forEach((k, j) => {
      this.#starts[j] = pairs[2 * k];
      max = Math.max(max, pairs[2 * k + 1]);
      this.#maxEnd[j] = max;
    });
  }

  /** True when a range overlaps [from, to). */
  overlap(from: number, to: number): boolean {
    const before = lowerBound(this.#starts, to); // ranges [0, before) start before `to`
    return before > 0 && this.#maxEnd[before - 1] > from;
  }
}
