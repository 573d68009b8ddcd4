// The content a decision judged, with its evidence shown where it is: each text span marked in the
// original text (the category as the mark's title); a picture's boxes, a recording's timeline and
// player (MediaView). Without stored content (the tenant keeps only hashes), the evidence is listed
// instead.

import type { Decision, Evidence } from './api';
import { MediaView } from './MediaView';
import { clock } from './Timeline';

/** The text cut into plain runs and marked runs, spans in order, overlaps merged into the first. */
function markedRuns(text: string, evidence: readonly Evidence[]): { text: string; mark?: Evidence }[] {
  const spans = evidence.filter((e) => e.span && e.span.end > e.span.start && e.span.end <= text.length).sort((a, b) => a.span!.start - b.span!.start);
  const runs: { text: string; mark?: Evidence }[] = [];
  let at = 0;
  for (const e of spans) {
    if (e.span!.start < at) continue;
    if (e.span!.start > at) runs.push({ text: text.slice(at, e.span!.start) });
    runs.push({ text: text.slice(e.span!.start, e.span!.end), mark: e });
    at = e.span!.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

/** Where a finding is, besides its text: its moment in a recording, or that it is in the picture. */
function place(e: Evidence): string {
  if (e.time) return ` · at ${clock(e.time.start)}`;
  if (e.region) return ' · in the picture';
  return '';
}

export function ContentView({ decision }: { decision: Decision }) {
  const text = decision.content ?? null;
  return (
    <section role="region" aria-label="Content" className="content">
      {decision.kind !== 'text'
        ? <MediaView key={decision.id} decision={decision} />
        : text !== null
          ? <p className="text">{markedRuns(text, decision.evidence).map((run, k) => (run.mark
            ? <mark key={k} title={run.mark.category} className={`sev-${run.mark.severity}`}>{run.text}</mark>
            : <span key={k}>{run.text}</span>))}</p>
          : <p className="muted">The text is not stored (only its hash); the evidence below shows what matched.</p>}
      {decision.transcript?.text && <p className="transcript"><strong>Heard:</strong> {decision.transcript.text}</p>}
      <ul className="evidence" aria-label="Evidence">
        {decision.evidence.map((e, k) => (
          <li key={k}><span className={`chip sev-${e.severity}`}>{e.category}</span> {e.severity} · {e.source}{place(e)} · “{e.text}”</li>
        ))}
      </ul>
    </section>
  );
}
