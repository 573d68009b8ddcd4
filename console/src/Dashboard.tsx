// The dashboard: what the machine decided and flagged over a window, how the review queue stands,
// how often reviewers agree with the machine, how fast decisions are. The charts (recharts, the
// console's largest dependency) load only when this page is first opened.

import { Suspense, lazy, useEffect, useState } from 'react';
import { call, errorText } from './api';
import type { paths } from './generated/api';

export type Stats = paths['/v1/stats']['get']['responses'][200];

const RANGES = {
  '24h': { label: 'Last 24 hours', bucket: 'hour', count: 24 },
  '7d': { label: 'Last 7 days', bucket: 'day', count: 7 },
  '30d': { label: 'Last 30 days', bucket: 'day', count: 30 },
} as const;
type RangeId = keyof typeof RANGES;

const BUCKET_MS = { hour: 3_600_000, day: 86_400_000 } as const;

// Whole buckets: the window starts on a UTC hour or day, so no bar is cut short but the current one
// (the page names `until` too, so the count of bars never depends on the server's clock).
function sinceOf(range: RangeId, now: number): string {
  const { bucket, count } = RANGES[range];
  const size = BUCKET_MS[bucket];
  return new Date(Math.floor(now / size) * size - (count - 1) * size).toISOString();
}

const DashboardCharts = lazy(() => import('./DashboardCharts'));

export function Dashboard() {
  const [range, setRange] = useState<RangeId>('7d');
  // The answer with the range it answers: after a failed refetch the old numbers keep their own label.
  const [stats, setStats] = useState<{ answer: Stats; at: Date; range: RangeId } | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    const now = Date.now();
    const query = { since: sinceOf(range, now), until: new Date(now).toISOString(), bucket: RANGES[range].bucket };
    call('get', '/v1/stats', { query }).then(
      (answer) => { if (current) { setStats({ answer, at: new Date(), range }); setError(''); } },
      (err: unknown) => { if (current) setError(errorText(err)); },
    ).finally(() => { if (current) setLoading(false); });
    return () => { current = false; };
  }, [range, reloads]);

  return (
    <div className="dashboard">
      <div className="dash-head">
        <h1>Dashboard</h1>
        <fieldset className="ranges">
          <legend className="sr-only">Range</legend>
          {(Object.keys(RANGES) as RangeId[]).map((id) => (
            <label key={id}>
              <input type="radio" name="range" value={id} checked={range === id} onChange={() => setRange(id)} />
              {RANGES[id].label}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={() => setReloads((n) => n + 1)} disabled={loading}>Refresh</button>
      </div>
      <p role="status" className="muted">
        {loading ? 'Loading…' : stats ? `${RANGES[stats.range].label}, by ${stats.answer.bucket === 'hour' ? 'hour' : 'UTC day'}; updated ${stats.at.toLocaleTimeString()}.` : ''}
      </p>
      {error && <p role="alert">{error}</p>}
      {stats && (
        <Suspense fallback={<p>Loading charts…</p>}>
          <DashboardCharts stats={stats.answer} />
        </Suspense>
      )}
    </div>
  );
}
