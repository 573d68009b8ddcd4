// The machine's scores for one decision: every category it scored above zero, highest first.

import type { Decision } from './api';

export function Scores({ decision }: { decision: Decision }) {
  const scored = Object.entries(decision.categories).filter(([, c]) => c.score > 0).sort(([, a], [, b]) => b.score - a.score);
  return (
    <table className="scores" aria-label="Scores">
      <thead><tr><th scope="col">Category</th><th scope="col">Score</th><th scope="col">Severity</th></tr></thead>
      <tbody>
        {scored.map(([name, c]) => <tr key={name}><td>{name}</td><td>{c.score.toFixed(2)}</td><td>{c.severity}</td></tr>)}
      </tbody>
    </table>
  );
}
