// One decision with its full evidence and, if a reviewer decided it, the outcome.

import { useEffect, useState } from 'react';
import { call } from './api';
import type { Decision } from './api';
import { ContentView } from './ContentView';
import { Scores } from './Scores';

export function DecisionPage({ id }: { id: string }) {
  const [decision, setDecision] = useState<Decision | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    call('get', '/v1/decisions/{id}', { params: { id } }).then(setDecision, (err: unknown) => setError(String(err)));
  }, [id]);
  if (error) return <p role="alert">{error}</p>;
  if (!decision) return <p>Loading…</p>;
  return (
    <article>
      <h1>Decision {decision.id}</h1>
      <p>{decision.kind} · {decision.suggestion} · {decision.policy} · {new Date(decision.createdAt).toLocaleString()}</p>
      <p>{decision.review?.outcome ? `Outcome: ${decision.review.outcome}` : 'Not reviewed'}
        {decision.review?.labels.length ? ` · labels: ${decision.review.labels.join(', ')}` : ''}</p>
      <ContentView decision={decision} />
      <Scores decision={decision} />
    </article>
  );
}
