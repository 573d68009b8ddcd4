// The dashboard's charts, in their own chunk (Dashboard.tsx loads it lazily): traffic, the review
// side, and latency per content kind.

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartPanel, count, legend, ms } from './ChartPanel';
import type { Column } from './ChartPanel';
import type { Stats } from './Dashboard';
import { AgreementChart, BacklogPanel } from './DashboardReviews';
import { FlaggedChart, VolumeChart } from './DashboardTraffic';

function LatencyChart({ stats }: { stats: Stats }) {
  const rows = stats.latency.filter((l) => l.count > 0);
  const columns: Column<(typeof rows)[number]>[] = [
    { label: 'Kind', value: (r) => r.kind }, { label: 'Decisions', value: (r) => r.count },
    { label: 'p50', value: (r) => ms(r.p50) }, { label: 'p95', value: (r) => ms(r.p95) }, { label: 'Max', value: (r) => ms(r.max) },
  ];
  return (
    <ChartPanel title="Latency by content kind" rows={rows} columns={columns}
      summary={rows.length ? `${rows.map((r) => `${r.kind}: median ${ms(r.p50)}, p95 ${ms(r.p95)} over ${count(r.count)} decisions`).join('; ')}.`
        : 'No decisions in this window.'}
      chart={rows.length === 0 ? null : (
        <BarChart data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="kind" tick={{ fontSize: 12 }} />
          <YAxis width={48} tick={{ fontSize: 12 }} label={{ value: 'ms', angle: -90, position: 'insideLeft', fontSize: 12 }} />
          <Tooltip formatter={(v) => ms(Number(v))} />
          {legend}
          <Bar dataKey="p50" name="p50" fill="#3d6fb6" isAnimationActive={false} maxBarSize={48} />
          <Bar dataKey="p95" name="p95" fill="#5c1a47" isAnimationActive={false} maxBarSize={48} />
        </BarChart>
      )} />
  );
}

export default function DashboardCharts({ stats }: { stats: Stats }) {
  return (
    <div className="panels">
      <VolumeChart stats={stats} />
      <FlaggedChart stats={stats} />
      <BacklogPanel stats={stats} />
      <AgreementChart stats={stats} />
      <LatencyChart stats={stats} />
    </div>
  );
}
