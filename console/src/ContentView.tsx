// The content a decision judged, with its evidence shown where it is: each text span marked in the
// original text (the category as the mark's title). Without stored content (the tenant keeps only
// hashes), the evidence is listed instead.

import type { Decision, Evidence } from './api';

/** The text cut into plain runs and marked runs, spans in order, overlaps merged into the first. */
export function markedRuns(text: string, evidence: readonly Evidence[]): { text: string; mark?: Evidence }[] {
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

export function ContentView({ decision }: { decision: Decision }) {
  const text = decision.content ?? null;
  return (
    <section role="region" aria-label="Content" className="content">
      {text !== null
        ? <p className="text">{markedRuns(text, decision.evidence).map((run, k) => (run.mark
          ? <mark key={k} title={run.mark.category} className={`sev-${run.mark.severity}`}>{run.text}</mark>
          : <span key={k}>{run.text}</span>))}</p>
        : <p className="muted">The text is not stored (only its hash); the evidence below shows what matched.</p>}
      <ul className="evidence" aria-label="Evidence">
        {decision.evidence.map((e, k) => (
          <li key={k}><span className={`chip sev-${e.severity}`}>{e.category}</span> {e.severity} · {e.source} · “{e.text}”</li>
        ))}
      </ul>
    </section>
  );
}
