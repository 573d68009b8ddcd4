// What came in over the window: decisions per bucket by suggestion, and per flagged category.

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartPanel, count, legend } from './ChartPanel';
import type { Column } from './ChartPanel';
import type { Stats } from './Dashboard';

type Bucket = Stats['buckets'][number];
type Category = keyof Bucket['flagged'];

// Each at least 3:1 against the white panel; blue, amber and red stay apart for red–green colour blindness.
const SUGGESTION_COLOURS = { pass: '#3d6fb6', review: '#b26a00', block: '#b3261e' } as const;
const CATEGORY_COLOURS: Record<Category, string> = {
  sexual: '#a6367a', sexual_minors: '#5c1a47', hate: '#b3261e', harassment: '#c25e00', violence: '#6d3a0a',
  self_harm: '#5e35b1', illicit: '#2e7d32', spam: '#00838f', ads: '#1565c0', profanity: '#5f6368', pii: '#8a6d00',
};

/** The label of a bucket's start: the local hour, or the UTC day the bucket is. */
function bucketLabel(start: string, bucket: Stats['bucket'], long = false): string {
  const date = new Date(start);
  if (bucket === 'day') return date.toLocaleDateString([], { month: 'short', day: 'numeric', ...(long ? { year: 'numeric' } : {}), timeZone: 'UTC' });
  return long ? date.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

const axes = (
  <>
    <CartesianGrid strokeDasharray="3 3" vertical={false} />
    <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={8} />
    <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12 }} />
    <Tooltip />
    {legend}
  </>
);

export function VolumeChart({ stats }: { stats: Stats }) {
  const rows = stats.buckets.map((b) => ({ ...b, label: bucketLabel(b.start, stats.bucket), when: bucketLabel(b.start, stats.bucket, true) }));
  const total = (s: 'pass' | 'review' | 'block') => stats.buckets.reduce((n, b) => n + b[s], 0);
  const [pass, review, block] = [total('pass'), total('review'), total('block')];
  const columns: Column<(typeof rows)[number]>[] = [
    { label: stats.bucket === 'hour' ? 'Hour' : 'Day (UTC)', value: (r) => r.when },
    { label: 'Pass', value: (r) => r.pass }, { label: 'Review', value: (r) => r.review }, { label: 'Block', value: (r) => r.block },
  ];
  return (
    <ChartPanel title="Decisions by suggestion" rows={rows} columns={columns}
      summary={`${count(pass + review + block)} decisions: ${count(pass)} pass, ${count(review)} review, ${count(block)} block.`}
      chart={
        <BarChart data={rows} accessibilityLayer={false}>
          {axes}
          {(['pass', 'review', 'block'] as const).map((s) => (
            <Bar key={s} dataKey={s} name={s} stackId="suggestion" fill={SUGGESTION_COLOURS[s]} isAnimationActive={false} maxBarSize={48} />
          ))}
        </BarChart>
      } />
  );
}

export function FlaggedChart({ stats }: { stats: Stats }) {
  const categories = Object.keys(CATEGORY_COLOURS) as Category[];
  const totals = categories.map((c) => ({ category: c, n: stats.buckets.reduce((n, b) => n + b.flagged[c], 0) }))
    .filter((t) => t.n > 0).sort((a, b) => b.n - a.n);
  const shown = totals.map((t) => t.category);
  const rows = stats.buckets.map((b) => ({ ...b.flagged, label: bucketLabel(b.start, stats.bucket), when: bucketLabel(b.start, stats.bucket, true) }));
  const columns: Column<(typeof rows)[number]>[] = [
    { label: stats.bucket === 'hour' ? 'Hour' : 'Day (UTC)', value: (r) => r.when },
    ...shown.map((c) => ({ label: c, value: (r: (typeof rows)[number]) => r[c] })),
  ];
  return (
    <ChartPanel title="Flagged by category" columns={columns} rows={shown.length ? rows : []}
      summary={shown.length ? `Decisions that flagged each category: ${totals.map((t) => `${t.category} ${count(t.n)}`).join(', ')}.`
        : 'No decision flagged a category in this window.'}
      chart={shown.length === 0 ? null : (
        <BarChart data={rows} accessibilityLayer={false}>
          {axes}
          {shown.map((c) => <Bar key={c} dataKey={c} name={c} stackId="category" fill={CATEGORY_COLOURS[c]} isAnimationActive={false} maxBarSize={48} />)}
        </BarChart>
      )} />
  );
}
