// The detector contract: every way Bulwark looks at content (lexicon, spam signals, PII, the text
// classifier, and the picture readers: sexual content, QR codes, OCR) is one small plugin with
// this shape and passes one shared conformance suite (conformance.test.ts for text,
// picture/conformance.test.ts for pictures).

import type { Category, ContentKind, Region, Severity, TimeRange } from '../content/index.js';
import type { Raster } from '../images/decode.js';
import type { NormalizedText } from '../normalize/index.js';

export interface Span { start: number; end: number }

/** One piece of evidence: what matched where, in the ORIGINAL content. */
export interface Evidence {
  category: Category;
  /** Which kind of signal produced it: 'lexicon', 'list', 'url', 'phone', 'email', 'handle', 'pii', 'pattern', 'classifier', … */
  source: string;
  /** The original text that matched (text[span.start, span.end)); '' for evidence about the whole text. */
  text: string;
  /** Absent when the evidence is about the whole text (a classifier's score). */
  span?: Span;
  /** Stable rule id, e.g. 'builtin:profanity/en', 'list:<id>', 'url', 'pii:card'. */
  rule: string;
  severity: Severity;
  score: number;
  /** Replace the span with '*' in maskedText. */
  mask?: boolean;
  /** Normalised form of the entry that matched, when a list or lexicon entry did. */
  entry?: string;
  /** Inside quotation marks: reported or condemned words, so the severity was lowered to low. */
  quoted?: boolean;
  /** Picture evidence: where in the picture (original pixels). */
  region?: Region;
  /** Picture evidence from an animation: the frame (0-based). */
  frame?: number;
  /** Audio and video evidence: when. */
  time?: TimeRange;
  /** Evidence in text read from a picture (a QR code's payload): that whole text; `span` points into it. */
  readText?: string;
  /** Image hash-list evidence: bits between the picture's PDQ hash and the entry (0 for SHA-256). */
  distance?: number;
  /** Image hash-list evidence: which turn of the picture matched ('original', 'rotate90', 'mirror', …, 'exact'). */
  orientation?: string;
}

export interface Detection {
  scores: Partial<Record<Category, number>>;
  evidence: Evidence[];
  /** Text the detector read out of a picture (a QR code's payload, OCR lines), for the text pipeline to judge. */
  read?: ReadText[];
}

/** Text read out of a picture or a recording: one text, and where each piece of it was read or heard. */
export interface ReadText {
  /** What read it: 'qr', 'ocr', 'speech'. Becomes the `source` of the evidence found in it. */
  source: string;
  text: string;
  /** Pieces of `text` in order, without overlap, each with where it was read. */
  parts: ReadPart[];
}

/** A piece of read text and where it was: a box (and frame) in a picture, a time in a recording. */
export interface ReadPart extends Span { region?: Region; frame?: number; time?: TimeRange }

export interface TextInput {
  kind: 'text';
  text: string;
  lang?: string;
  /** Computed once per request by the pipeline and shared by all detectors. */
  normalized: NormalizedText;
}

/** A picture as picture detectors see it: decoded frames (at most 1024 pixels a side), the size as shown. */
export interface PictureInput {
  kind: 'image';
  /** The picture's size as shown (EXIF orientation applied): the space evidence regions are given in. */
  width: number;
  height: number;
  /** The frames looked at (one unless animated), each with its index and its scale back to original pixels. */
  frames: readonly Raster[];
}

export interface DetectContext { signal?: AbortSignal }

/** An example every detector ships: the conformance suite runs them all. */
export interface DetectorExample {
  text: string;
  /** Categories that must score >= 0.5 ('flag') or < 0.5 ('pass'). */
  expect: Partial<Record<Category, 'flag' | 'pass'>>;
}

/** An example picture a picture detector ships, made by the tests' own fixtures (images/fixtures.ts). */
export interface PictureExample {
  name: string;
  picture(): Promise<Buffer>;
  /** Categories that must score >= 0.5 ('flag') or < 0.5 ('pass'). */
  expect?: Partial<Record<Category, 'flag' | 'pass'>>;
  /** Strings the read text must hold (compared without case or spaces); [] means nothing may be read. */
  reads?: readonly string[];
}

export interface Detector<Input = TextInput, Example = DetectorExample> {
  readonly name: string;
  readonly version: string;
  readonly kinds: readonly ContentKind[];
  load(): Promise<void>;
  detect(input: Input, ctx: DetectContext): Promise<Detection>;
  examples(): readonly Example[];
}

export type PictureDetector = Detector<PictureInput, PictureExample>;
