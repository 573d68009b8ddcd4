// The decision for a recording: what the speech engine heard (the transcript, read as one text whose
// parts are its words, and each spotted phrase) goes through the whole text pipeline, keyword
// lists included, each finding carrying `time`; then the policy decides once. The transcript is
// part of the decision unless the tenant omits it.

import { performance } from 'node:perf_hooks';
import { evaluatePolicy } from '../policies/index.js';
import type { Heard } from '../voice/listen.js';
import { segments, spottedReads, transcriptRead } from '../voice/transcript.js';
import type { Decision, RecordingInfo } from './decision.js';
import { addReading, noFindings } from './findings.js';
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
  const found = noFindings(heard.engine ? { speech: heard.engine } : {});
  const transcript = transcriptRead(heard.words);
  if (transcript) addReading(found, await readMediaText(transcript, { ...ctx, detectors: ctx.detectors.filter((d) => !NOT_ON_TRANSCRIPTS.has(d.name)) }));
  for (const read of spottedReads(heard.spotted)) addReading(found, await readMediaText(read, ctx));
  found.evidence.sort((a, b) => (a.time?.start ?? 0) - (b.time?.start ?? 0));
  const verdict = evaluatePolicy(ctx.policy.body, found.categories, found.listActions);
  const evidence = ctx.includeTranscript ? found.evidence : found.evidence.map(({ readText: _omitted, ...e }) => e);
  return {
    id: ctx.id,
    kind,
    suggestion: verdict.suggestion,
    policy: `${ctx.policy.name}@${ctx.policy.version}`,
    categories: found.categories,
    evidence,
    reasons: verdict.reasons,
    recording,
    transcript: {
      language: heard.language, engine: heard.engine,
      text: ctx.includeTranscript ? transcript?.text ?? '' : '',
      segments: ctx.includeTranscript ? segments(heard.words) : [],
      ...(heard.note ? { note: heard.note } : {}),
    },
    models: found.models,
    latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
    dataId: request.dataId ?? null,
    metadata: request.metadata ?? null,
    createdAt: ctx.createdAt,
  };
}
