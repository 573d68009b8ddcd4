// Text read out of a picture (a QR code's payload, OCR lines) or heard in a recording (a transcript)
// goes through the whole text pipeline, keyword lists included; each finding then says where it
// was: the box around the pieces of the read text its span touches and their frame, or the time
// from the first of them to the last.

import type { Region, TimeRange } from '../content/index.js';
import type { ReadPart, ReadText, Span } from '../detectors/index.js';
import { readText } from './moderateText.js';
import type { TextContext, TextReading } from './moderateText.js';

/** The parts of the read text a span touches (a part's line break included); every part for a span-less finding. */
export function touchedParts(read: ReadText, span: Span | undefined): ReadPart[] {
  const touched = span ? read.parts.filter((p) => p.start < span.end && span.start <= p.end) : [];
  return touched.length > 0 ? touched : read.parts;
}

/** Reads the text like any other; each finding carries `readText`, the reader as its source, and where it was read. */
export async function readMediaText(read: ReadText, ctx: Omit<TextContext, 'id' | 'createdAt'>): Promise<TextReading> {
  const reading = await readText({ text: read.text }, ctx);
  const evidence = reading.evidence.map((e) => {
    const parts = touchedParts(read, e.span);
    const regions = parts.flatMap((p) => (p.region ? [p.region] : []));
    const times = parts.flatMap((p) => (p.time ? [p.time] : []));
    const frame = parts.find((p) => p.frame !== undefined)?.frame;
    return {
      ...e, source: read.source, readText: read.text,
      ...(regions.length > 0 ? { region: around(regions) } : {}),
      ...(frame !== undefined ? { frame } : {}),
      ...(times.length > 0 ? { time: during(times) } : {}),
    };
  });
  return { ...reading, evidence };
}

function during(times: readonly TimeRange[]): TimeRange {
  return { start: Math.min(...times.map((t) => t.start)), end: Math.max(...times.map((t) => t.end)) };
}

function around(regions: readonly Region[]): Region {
  const x = Math.min(...regions.map((r) => r.x));
  const y = Math.min(...regions.map((r) => r.y));
  return { x, y, w: Math.max(...regions.map((r) => r.x + r.w)) - x, h: Math.max(...regions.map((r) => r.y + r.h)) - y };
}
