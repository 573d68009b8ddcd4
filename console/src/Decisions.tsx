// Decision search: the audit log of decisions filtered by suggestion, category, time and dataId,
// newest first, each with the reviewer's outcome; "Load more" follows the API's cursor.

import { useEffect, useState } from 'react';
import { call, errorText, when } from './api';
import type { Decision } from './api';
import { DecisionSearch, filterParams, parseFilters } from './DecisionSearch';

const PAGE = '50';

/** What a reviewer made of it: the outcome, or where the review stands, or nothing. */
function outcomeText(review: Decision['review']): string {
  if (!review) return '—';
  return review.outcome ?? `in review (${review.status})`;
}

/** The categories the decision flagged (severity above none), with their severity. */
const flagged = (d: Decision) => Object.entries(d.categories).filter(([, c]) => c.severity !== 'none');

/** A page or more of results, and the search they answer (so rows of an older search never show under a newer one). */
interface Results { search: string; decisions: Decision[]; cursor: string | null }

export function Decisions({ query }: { query: string }) {
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const filters = parseFilters(query);
  // The search as a string: the effect below runs again only when the search itself changes.
  const search = new URLSearchParams(filterParams(filters)).toString();

  const fetchPage = async (after: string | null) => {
    setLoading(true);
    try {
      const params = Object.fromEntries(new URLSearchParams(search));
      return await call('get', '/v1/decisions', { query: { ...params, limit: PAGE, ...(after ? { cursor: after } : {}) } });
    } finally {
      setLoading(false);
    }
  };
  const explain = (err: unknown) => setError(errorText(err));

  useEffect(() => {
    let current = true;
    setError('');
    fetchPage(null).then((page) => {
      if (current) setResults({ search, decisions: page.decisions, cursor: page.nextCursor });
    }, explain);
    return () => { current = false; };
  }, [search]);

  const shown = results?.search === search ? results : null;
  const more = () => {
    if (!shown) return;
    fetchPage(shown.cursor).then((page) => {
      setResults({ search, decisions: [...shown.decisions, ...page.decisions], cursor: page.nextCursor });
    }, explain);
  };

  return (
    <div className="decisions">
      <h1>Decisions</h1>
      <DecisionSearch key={search} filters={filters} />
      <section aria-labelledby="results-heading" data-search={shown?.search}>
        <h2 id="results-heading">Results</h2>
        <p role="status">{error ? '' : !shown ? 'Searching…' : countText(shown)}</p>
        {error && <p role="alert">{error}</p>}
        {shown && shown.decisions.length > 0 && <ResultTable decisions={shown.decisions} />}
        {shown?.cursor && <button type="button" onClick={more} disabled={loading}>Load more</button>}
      </section>
    </div>
  );
}

const countText = ({ decisions, cursor }: Results) =>
  `${decisions.length}${cursor ? '+' : ''} decision${decisions.length === 1 ? '' : 's'}${decisions.length > 1 ? ', newest first' : ''}`;

function ResultTable({ decisions }: { decisions: Decision[] }) {
  const open = (id: string) => { window.location.hash = `#/decisions/${id}`; };
  return (
    <div className="table-scroll">
      <table className="decision-table" aria-label="Decisions found">
        <thead>
          <tr><th scope="col">Time</th><th scope="col">Kind</th><th scope="col">Suggestion</th><th scope="col">Flagged</th>
            <th scope="col">Data id</th><th scope="col">Outcome</th></tr>
        </thead>
        <tbody>
          {decisions.map((d) => (
            <tr key={d.id} onClick={() => open(d.id)}>
              <td><a href={`#/decisions/${d.id}`} title={d.id}>{when(d.createdAt)}</a></td>
              <td>{d.kind}</td>
              <td><span className={`chip ${d.suggestion}`}>{d.suggestion}</span></td>
              <td>{flagged(d).map(([name, c]) => <span key={name} className={`chip sev-${c.severity}`} title={c.severity}>{name}</span>)}</td>
              <td>{d.dataId ?? '—'}</td>
              <td>{outcomeText(d.review)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
