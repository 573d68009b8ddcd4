// The decision for a video: every analysed frame is judged as a picture (sexual content, text and
// QR codes read in it, image hash lists), each finding given the frame's time; the sound track is
// judged as voice; then the policy decides once, and the timeline lists the flagged moments.

import { performance } from 'node:perf_hooks';
import type { ImageAnalysis } from '../images/analysis.js';
import type { Heard } from '../voice/listen.js';
import type { Decision, RecordingInfo } from './decision.js';
import { addTimed, noFindings } from './findings.js';
import { pictureFindings } from './moderateImage.js';
import type { ImageContext } from './moderateImage.js';
import { addHeard, recordingDecision } from './moderateRecording.js';
import type { RecordingContext, RecordingRequest } from './moderateRecording.js';

export interface AnalysedFrame { time: number; analysis: ImageAnalysis }

export type VideoContext = RecordingContext & ImageContext;

/** `interval`: seconds a frame stands for (its evidence runs from its time to the next sample). */
export async function moderateVideo(frames: readonly AnalysedFrame[], interval: number, heard: Heard, recording: RecordingInfo,
  request: RecordingRequest, ctx: VideoContext): Promise<Decision> {
  const started = performance.now();
  const found = noFindings();
  for (const frame of frames) {
    // Frames are sampled at most 768 px wide; the evidence says where in the video's own pixels.
    const scale = recording.video ? recording.video.width / frame.analysis.info.width : 1;
    addTimed(found, await pictureFindings(frame.analysis, ctx), { start: frame.time, end: Math.min(recording.duration, frame.time + interval) }, scale);
  }
  await addHeard(found, heard, ctx);
  return recordingDecision(found, heard, recording, 'video', request, ctx, started);
}
