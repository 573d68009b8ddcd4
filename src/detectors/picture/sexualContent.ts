// Sexual content in pictures: nsfwjs's class probabilities for each frame (images/sexualContent.ts)
// become the `sexual` category. Porn and Hentai together are explicit content; Sexy alone
// (swimwear, lingerie, suggestive poses) is a weak signal: its severity stops at medium, so under
// the default policy it reaches review at most, and its score is scaled down so a numeric block
// threshold is never met by it alone. Bounds are set by hand, not calibrated: no labelled sexual
// pictures are available to this project (docs/accuracy-pictures.md).

import sharp from 'sharp';
import type { Raster } from '../../images/decode.js';
import { classifyNsfw, loadNsfwModel, NSFW_INPUT_SIDE, NSFW_MODEL } from '../../images/sexualContent.js';
import type { NsfwScores } from '../../images/sexualContent.js';
import type { Severity } from '../../content/index.js';
import type { Detection, Evidence, PictureDetector, PictureExample, PictureInput } from '../detector.js';
import { benignExamples } from './examples.js';

const EXPLICIT = { high: 0.85, medium: 0.6, low: 0.35 } as const;
const SUGGESTIVE = { medium: 0.85, low: 0.6 } as const;
const SUGGESTIVE_WEIGHT = 0.7;

export class SexualContentDetector implements PictureDetector {
  readonly name = 'sexual';
  readonly version = `nsfwjs ${NSFW_MODEL}`;
  readonly kinds = ['image'] as const;

  async load(): Promise<void> {
    await loadNsfwModel();
  }

  async detect(input: PictureInput): Promise<Detection> {
    const whole = { x: 0, y: 0, w: input.width, h: input.height };
    const animated = input.frames.length > 1;
    let score = 0;
    const evidence: Evidence[] = [];
    for (const raster of input.frames) {
      const scores = await classifyNsfw(await modelInput(raster), NSFW_INPUT_SIDE, NSFW_INPUT_SIDE);
      score = Math.max(score, round(Math.max(scores.porn + scores.hentai, scores.sexy * SUGGESTIVE_WEIGHT)));
      const found = sexualFinding(scores);
      if (found) {
        evidence.push({ category: 'sexual', source: 'model', text: '', rule: `model:${this.version}:${found.kind}`, severity: found.severity,
          score: found.score, region: whole, ...(animated ? { frame: raster.frame } : {}) });
      }
    }
    return { scores: { sexual: score }, evidence };
  }

  /**
   * Only benign pictures: this project generates its examples and has no explicit pictures to
   * ship, so the examples prove the model does not call ordinary scenes, captions or codes sexual.
   */
  examples(): readonly PictureExample[] {
    return benignExamples().map((example) => ({ ...example, expect: { sexual: 'pass' } }));
  }
}

/** What the model's classes say, if anything: explicit (Porn + Hentai) or only suggestive (Sexy), its severity and score. */
export function sexualFinding({ porn, hentai, sexy }: NsfwScores): { kind: 'explicit' | 'suggestive'; severity: Severity; score: number } | null {
  const explicit = porn + hentai;
  if (explicit >= EXPLICIT.low) {
    return { kind: 'explicit', severity: explicit >= EXPLICIT.high ? 'high' : explicit >= EXPLICIT.medium ? 'medium' : 'low', score: round(explicit) };
  }
  if (sexy >= SUGGESTIVE.low) return { kind: 'suggestive', severity: sexy >= SUGGESTIVE.medium ? 'medium' : 'low', score: round(sexy * SUGGESTIVE_WEIGHT) };
  return null;
}

/** The frame as the model takes it: stretched to NSFW_INPUT_SIDE pixels square, RGB. */
function modelInput(raster: Raster): Promise<Buffer> {
  return sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } })
    .resize(NSFW_INPUT_SIDE, NSFW_INPUT_SIDE, { fit: 'fill' }).raw().toBuffer();
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
