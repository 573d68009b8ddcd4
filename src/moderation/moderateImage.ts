// The picture pipeline once a worker has analysed the file (images/analysis.ts): each picture
// detector's scores and evidence raise the categories (severities come from its evidence only,
// never from a bare score, unlike text detectors'); the text they read (QR payloads,
// OCR lines) goes through the whole text pipeline, keyword lists included, its evidence saying
// where in the picture it was read; the picture's hashes are looked up in the tenant's image lists
// (every rotation and flip), and an allow-listed picture silences its list's category; then the
// policy decides once for the picture.

import { performance } from 'node:perf_hooks';
import type { Category } from '../content/index.js';
import type { ImageAnalysis } from '../images/analysis.js';
import type { ImageHashList } from '../images/imageHashList.js';
import { decide } from './decide.js';
import type { Decision, DecisionEvidence, MediaInfo } from './decision.js';
import { addDetection, addReading, noFindings, raise } from './findings.js';
import type { Findings } from './findings.js';
import { LIST_SCORE, LIST_SEVERITY } from './matchLists.js';
import { readMediaText } from './mediaText.js';
import type { TextContext, TextReading } from './moderateText.js';

export interface ImageRequest {
  dataId?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** Version of the picture hashing (PDQ), recorded in each decision's `models` beside the detectors'. */
export const PDQ_VERSION = '1';

/** The text pipeline's context plus the tenant's image hash lists. */
export interface ImageContext extends TextContext { imageLists: readonly ImageHashList[] }

/** Everything found in one picture (a video's frame too), allow-listed categories already silenced, before the policy. */
export async function pictureFindings(analysis: ImageAnalysis, ctx: Omit<ImageContext, 'id' | 'createdAt'>): Promise<Findings> {
  const found = noFindings({ pdq: PDQ_VERSION });
  for (const { detector, version, detection } of analysis.detections) {
    found.models[detector] = version;
    addDetection(found, detection);
    for (const read of detection.read ?? []) addReading(found, promoteDrawnAds(await readMediaText(read, ctx)));
  }
  return allowKnownGood(matchImageLists(found, analysis, ctx.imageLists), found);
}

export async function moderateImage(analysis: ImageAnalysis, request: ImageRequest, ctx: ImageContext): Promise<Decision> {
  const started = performance.now();
  return decide(await pictureFindings(analysis, ctx), 'image', request, ctx, started, { media: mediaOf(analysis) });
}

function mediaOf({ info, hashes }: ImageAnalysis): MediaInfo {
  return {
    format: info.format, width: info.width, height: info.height, frames: info.frames, bytes: info.bytes,
    sha256: hashes.sha256, pdq: hashes.pdq, pdqQuality: hashes.quality,
  };
}

/** Looks the picture's hashes up in the image lists: block and review hits are added; allow hits are returned. */
function matchImageLists(found: Findings, analysis: ImageAnalysis, lists: readonly ImageHashList[]): DecisionEvidence[] {
  const allows: DecisionEvidence[] = [];
  const region = { x: 0, y: 0, w: analysis.info.width, h: analysis.info.height };
  for (const list of lists) {
    for (const hit of list.find(analysis.hashes)) {
      const category = list.category as Category;
      const e = { category, source: 'hash', text: '', rule: `list:${list.name}`, entry: hit.entry, listId: list.id,
        distance: hit.distance, orientation: hit.orientation, region, action: list.action };
      if (list.action === 'allow') { allows.push({ ...e, severity: 'none', score: 0 }); continue; }
      found.evidence.push({ ...e, severity: LIST_SEVERITY[list.action], score: LIST_SCORE[list.action] });
      found.listActions.push({ listId: list.id, category, action: list.action });
      raise(found.categories[category], LIST_SCORE[list.action], LIST_SEVERITY[list.action]);
    }
  }
  return allows;
}

/**
 * A picture on an allow list is known to be good for that list's category: that category's
 * evidence, score and list actions are dropped, and the allow evidence names the rules it overrode.
 */
function allowKnownGood(allows: DecisionEvidence[], found: Findings): Findings {
  if (allows.length === 0) return found;
  const allowed = new Set(allows.map((a) => a.category));
  for (const allow of allows) allow.overrides = [...new Set(found.evidence.filter((e) => e.category === allow.category).map((e) => e.rule))];
  const categories = { ...found.categories };
  for (const category of allowed) categories[category] = { score: 0, severity: 'none' };
  return {
    categories,
    evidence: [...found.evidence.filter((e) => !allowed.has(e.category)), ...allows],
    listActions: found.listActions.filter((a) => !allowed.has(a.category)),
    models: found.models,
  };
}

/**
 * An address or contact detail drawn onto a picture, or encoded in a QR code, is promotion more
 * often than a link in a chat is: a weak `ads` finding (a bare URL) from a picture reaches medium,
 * which the default policy sends to review, never to block.
 */
const DRAWN_ADS = { severity: 'medium', score: 0.75 } as const;

function promoteDrawnAds(reading: TextReading): TextReading {
  const weak = (e: DecisionEvidence) => e.category === 'ads' && e.severity === 'low' && e.action === undefined;
  if (!reading.evidence.some(weak)) return reading;
  const evidence = reading.evidence.map((e) => (weak(e) ? { ...e, severity: DRAWN_ADS.severity, score: Math.max(e.score, DRAWN_ADS.score) } : e));
  const categories = { ...reading.categories, ads: { ...reading.categories.ads } };
  raise(categories.ads, DRAWN_ADS.score, DRAWN_ADS.severity);
  return { ...reading, evidence, categories };
}
