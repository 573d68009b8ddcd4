// The shape normalisation hands to every matcher: a folded copy of the text plus a map back
// to offsets in the original (UTF-16 code units), so evidence always points at what the user sent.

export interface NormalizedText {
  /** The text exactly as received. */
  readonly original: string;
  /**
   * The folded text used for matching: NFKC, case-folded, confusables and full-width folded,
   * zero-width/bidi controls removed, accents stripped, leetspeak mapped, separators inside
   * spaced-out words removed, stretched letters collapsed, traditional Chinese → simplified.
   */
  readonly text: string;
  /** For each code unit i of `text`: the original range [start[i], end[i]) it came from. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Original range covered by the normalised range [start, end). */
  toOriginal(start: number, end: number): { start: number; end: number };
}
