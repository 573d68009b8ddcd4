// One dashboard chart in its frame: a heading, a sentence that says what the chart shows (for
// everyone, and all a screen reader needs), the chart itself, and its numbers as a table on demand.

import { useId } from 'react';
import type { ReactNode } from 'react';
import { Legend, ResponsiveContainer } from 'recharts';

export interface Column<Row> { label: string; value: (row: Row) => string | number }

interface Props<Row> {
  title: string;
  summary: string;
  /** A recharts chart, drawn at the panel's width; omitted when there is nothing to draw. */
  chart: ReactNode | null;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** Tiles of headline numbers above the chart. */
  figures?: ReactNode;
}

export function ChartPanel<Row>({ title, summary, chart, rows, columns, figures }: Props<Row>) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="summary">{summary}</p>
      {figures}
      {chart && (
        // The chart repeats the summary and the table for the eye; assistive technology reads those.
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 480, height: 220 }}>{chart}</ResponsiveContainer>
        </div>
      )}
      {rows.length > 0 && (
        <details>
          <summary>Numbers</summary>
          <table className="numbers">
            <caption className="sr-only">{title}</caption>
            <thead><tr>{columns.map((c) => <th key={c.label} scope="col">{c.label}</th>)}</tr></thead>
            <tbody>
              {rows.map((row, i) => <tr key={i}>{columns.map((c) => <td key={c.label}>{c.value(row)}</td>)}</tr>)}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}

/** The legend every chart uses: series in the order drawn, names in the text colour (series colours are too light for small text). */
export const legend = <Legend itemSorter={null} formatter={(name) => <span className="legend-name">{name}</span>} />;

/** A count of things, in the reader's locale. */
export const count = (n: number): string => n.toLocaleString();

/** Milliseconds, to a tenth below 100 ms. */
export const ms = (v: number | null): string => v === null ? '–' : `${v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString()} ms`;

/** A share as a whole percentage. */
export const percent = (share: number | null): string => share === null ? '–' : `${Math.round(share * 100)} %`;
