// The people's side: the review backlog as it stands, and how often reviewers agreed with the
// machine per category (reject = the content does violate; approve = the machine was wrong to hold it).

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartPanel, count, legend, percent } from './ChartPanel';
import type { Column } from './ChartPanel';
import type { Stats } from './Dashboard';

const UNITS: readonly [number, string][] = [[86_400, 'd'], [3_600, 'h'], [60, 'min'], [1, 's']];

/** "3 d 4 h", "2 h", "40 s": the largest unit and, when not zero, the next. */
function duration(seconds: number): string {
  const i = UNITS.findIndex(([size]) => seconds >= size);
  if (i < 0) return '0 s';
  const [size, name] = UNITS[i];
  const next = UNITS[i + 1];
  const rest = next ? Math.floor((seconds % size) / next[0]) : 0;
  return `${Math.floor(seconds / size)} ${name}${next && rest ? ` ${rest} ${next[1]}` : ''}`;
}

export function BacklogPanel({ stats }: { stats: Stats }) {
  const { open, claimed, oldestAgeSeconds, ages } = stats.backlog;
  const bands = [
    { band: 'under 1 h', items: ages.underHour }, { band: '1–24 h', items: ages.hourToDay },
    { band: '1–7 days', items: ages.dayToWeek }, { band: 'over 7 days', items: ages.overWeek },
  ];
  const waiting = open + claimed;
  const oldest = oldestAgeSeconds === null ? '–' : duration(oldestAgeSeconds);
  return (
    <ChartPanel title="Review backlog" rows={waiting ? bands : []}
      columns={[{ label: 'Waiting', value: (r) => r.band }, { label: 'Items', value: (r) => r.items }]}
      summary={waiting ? `${count(open)} open and ${count(claimed)} claimed; the oldest has waited ${oldest}.` : 'The review queue is empty.'}
      figures={
        <dl className="figures">
          <div><dt>Open</dt><dd>{count(open)}</dd></div>
          <div><dt>Claimed</dt><dd>{count(claimed)}</dd></div>
          <div><dt>Oldest waiting</dt><dd>{oldest}</dd></div>
        </dl>
      }
      chart={waiting === 0 ? null : (
        <BarChart data={bands} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="band" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="items" name="items waiting" fill="#b26a00" isAnimationActive={false} maxBarSize={48} />
        </BarChart>
      )} />
  );
}

export function AgreementChart({ stats }: { stats: Stats }) {
  const { reviewed, rejected, rate } = stats.agreement;
  const rows = stats.agreement.categories.filter((c) => c.reviewed > 0).sort((a, b) => b.reviewed - a.reviewed);
  const columns: Column<(typeof rows)[number]>[] = [
    { label: 'Category', value: (r) => r.category }, { label: 'Reviewed', value: (r) => r.reviewed },
    { label: 'Rejected (agreed)', value: (r) => r.rejected }, { label: 'Approved (overruled)', value: (r) => r.approved },
    { label: 'Agreement', value: (r) => percent(r.rate) },
  ];
  return (
    <ChartPanel title="Reviewer agreement by category" rows={rows} columns={columns}
      summary={reviewed ? `Reviewers agreed with the machine on ${count(rejected)} of ${count(reviewed)} reviews (${percent(rate)}).`
        : 'No review was decided in this window.'}
      chart={rows.length === 0 ? null : (
        <BarChart data={rows} layout="vertical" accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="category" width={100} tick={{ fontSize: 12 }} />
          <Tooltip />
          {legend}
          <Bar dataKey="rejected" name="rejected (agreed)" stackId="outcome" fill="#2e7d32" isAnimationActive={false} maxBarSize={48} />
          <Bar dataKey="approved" name="approved (overruled)" stackId="outcome" fill="#6b7280" isAnimationActive={false} maxBarSize={48} />
        </BarChart>
      )} />
  );
}
