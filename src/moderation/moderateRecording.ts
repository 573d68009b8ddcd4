// The decision for a recording: what the speech engine heard (the transcript, read as one text whose
// parts are its words, and each spotted phrase) goes through the whole text pipeline, keyword
// lists included, each finding carrying `time`; then the policy decides once. The transcript is
// part of the decision unless the tenant omits it.

import { performance } from 'node:perf_hooks';
import type { Heard } from '../voice/listen.js';
import { segments, spottedReads, transcriptRead } from '../voice/transcript.js';
import { maxSeverity } from '../content/index.js';
import { decide } from './decide.js';
import type { Decision, DecisionEvidence, Moment, RecordingInfo, Transcript } from './decision.js';
import { addReading, noFindings } from './findings.js';
import type { Findings } from './findings.js';
import { readMediaText } from './mediaText.js';
import type { TextContext } from './moderateText.js';

/**
 * Detectors not run over a machine transcript: the text classifier scores whole texts, and on
 * pocketsphinx's garbled output ("you are you the morning") it flagged 6 of 48 harmless espeak-ng
 * clips (docs/accuracy-voice.md). It still judges each spotted phrase, which is heard as said.
 */
const NOT_ON_TRANSCRIPTS = new Set(['classifier']);

export interface RecordingRequest {
  dataId?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface RecordingContext extends TextContext { includeTranscript: boolean }

export async function moderateRecording(heard: Heard, recording: RecordingInfo, kind: 'audio' | 'video', request: RecordingRequest,
  ctx: RecordingContext): Promise<Decision> {
  const started = performance.now();
  const found = noFindings();
  await addHeard(found, heard, ctx);
  return recordingDecision(found, heard, recording, kind, request, ctx, started);
}

/** What was heard, read by the text pipeline, added to the findings with times. */
export async function addHeard(found: Findings, heard: Heard, ctx: Omit<TextContext, 'id' | 'createdAt'>): Promise<void> {
  if (heard.engine) found.models.speech = heard.engine;
  const transcript = transcriptRead(heard.words);
  if (transcript) addReading(found, await readMediaText(transcript, { ...ctx, detectors: ctx.detectors.filter((d) => !NOT_ON_TRANSCRIPTS.has(d.name)) }));
  for (const read of spottedReads(heard.spotted)) addReading(found, await readMediaText(read, ctx));
}

/** The decision for a recording (audio or video) once everything is found: the policy decides once. */
export function recordingDecision(found: Findings, heard: Heard, recording: RecordingInfo, kind: 'audio' | 'video', request: RecordingRequest,
  ctx: RecordingContext, started: number): Decision {
  found.evidence.sort((a, b) => (a.time?.start ?? 0) - (b.time?.start ?? 0));
  const evidence = ctx.includeTranscript ? found.evidence : found.evidence.map(({ readText: _omitted, ...e }) => e);
  const transcript: Transcript = {
    language: heard.language, engine: heard.engine,
    text: ctx.includeTranscript ? heard.words.map((w) => w.text).join(' ') : '',
    segments: ctx.includeTranscript ? segments(heard.words) : [],
    ...(heard.note ? { note: heard.note } : {}),
  };
  return decide({ ...found, evidence }, kind, request, ctx, started, { recording, transcript, timeline: timelineOf(evidence) });
}

/** Flagged evidence grouped by when it happened: one moment per distinct time, overlapping ones merged. */
export function timelineOf(evidence: readonly DecisionEvidence[]): Moment[] {
  const moments: Moment[] = [];
  const flagged = evidence.filter((e) => e.time && e.severity !== 'none' && e.action !== 'allow')
    .sort((a, b) => a.time!.start - b.time!.start);
  for (const e of flagged) {
    const last = moments.at(-1);
    if (last && e.time!.start <= last.end) {
      last.end = Math.max(last.end, e.time!.end);
      if (!last.categories.includes(e.category)) last.categories.push(e.category);
      last.severity = maxSeverity(last.severity, e.severity);
    } else {
      moments.push({ start: e.time!.start, end: e.time!.end, categories: [e.category], severity: e.severity });
    }
  }
  return moments;
}
