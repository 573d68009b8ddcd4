// Reports for people (aligned text, Markdown) and machines (JSON).

import type { EvalReport, Metrics } from './evaluate.js';

const HEADER = ['category', 'rows', 'positives', 'prevalence', 'AUPRC', 'precision', 'recall', 'FPR', 'accuracy', 'macro-F1'];

const num = (v: number, digits = 3): string => (Number.isNaN(v) ? '–' : v.toFixed(digits));

function cells(m: Metrics): string[] {
  return [m.name, String(m.rows), String(m.positives), num(m.prevalence), num(m.auprc), num(m.precision), num(m.recall),
    num(m.fpr), num(m.accuracy), num(m.macroF1)];
}

function reportRows(report: EvalReport): string[][] {
  return [...report.categories, report.unsafe].map(cells);
}

export function textTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function textReport(report: EvalReport): string {
  return textTable(HEADER, reportRows(report));
}

export function markdownReport(report: EvalReport): string {
  return markdownTable(HEADER, reportRows(report));
}

/** One line per group value: rows, positives and the "unsafe" figures. */
export function groupRows(groups: ReadonlyArray<{ value: string; report: EvalReport }>): { header: string[]; rows: string[][] } {
  return {
    header: ['value', 'rows', 'unsafe', 'accuracy', 'precision', 'recall', 'FPR'],
    rows: groups.map(({ value, report: { unsafe: u } }) =>
      [value, String(u.rows), String(u.positives), num(u.accuracy), num(u.precision), num(u.recall), num(u.fpr)]),
  };
}
