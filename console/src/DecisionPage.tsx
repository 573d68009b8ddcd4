// One decision, everything it holds: suggestion, policy and reasons, the content with its evidence,
// the scores, the reviewer's outcome, the file's facts, the models that judged and the caller's metadata.

import { useEffect, useState } from 'react';
import { call, errorText, when } from './api';
import type { Decision } from './api';
import { ContentView } from './ContentView';
import { FileFacts, Metadata, Models, Reasons, ReviewOutcome } from './DecisionFacts';
import { Scores } from './Scores';

export function DecisionPage({ id }: { id: string }) {
  const [decision, setDecision] = useState<Decision | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setDecision(null);
    setError('');
    call('get', '/v1/decisions/{id}', { params: { id } })
      .then(setDecision, (err: unknown) => setError(errorText(err)));
  }, [id]);
  if (error) return <p role="alert">{error}</p>;
  if (!decision) return <p role="status">Loading…</p>;
  return (
    <article className="decision">
      <nav aria-label="Breadcrumb" className="crumbs"><a href="#/decisions">Decisions</a> › {decision.id}</nav>
      <h1>Decision <code>{decision.id}</code></h1>
      <div className="decision-top">
        <Summary decision={decision} />
        <ReviewOutcome review={decision.review} />
      </div>
      <Reasons decision={decision} />
      <section aria-labelledby="content-heading">
        <h2 id="content-heading">Content and evidence</h2>
        <ContentView decision={decision} />
        {decision.maskedText !== undefined && <><h3>Masked text</h3><p className="text">{decision.maskedText}</p></>}
      </section>
      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">Scores</h2>
        <Scores decision={decision} />
      </section>
      <FileFacts decision={decision} />
      <Models decision={decision} />
      <Metadata metadata={decision.metadata} />
    </article>
  );
}

function Summary({ decision }: { decision: Decision }) {
  return (
    <section className="facts" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <dl>
        <dt>Suggestion</dt><dd><span className={`chip ${decision.suggestion}`}>{decision.suggestion}</span></dd>
        <dt>Kind</dt><dd>{decision.kind}</dd>
        <dt>Policy</dt><dd><code>{decision.policy}</code></dd>
        <dt>Time</dt><dd><time dateTime={decision.createdAt}>{when(decision.createdAt)}</time></dd>
        <dt>Data id</dt><dd>{decision.dataId ?? '—'}</dd>
        <dt>Latency</dt><dd>{decision.latencyMs.toFixed(1)} ms</dd>
        {decision.contentHash && <><dt>Content hash</dt><dd><code className="hash">{decision.contentHash}</code></dd></>}
      </dl>
    </section>
  );
}
