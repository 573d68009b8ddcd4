// The shared labelled-data format (../shared/data/README.md): one JSON record a line with the
// text, its positive categories, the categories the source judged (scope) and the source's meta.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The categories the labelled data speaks of. */
export const LABEL_CATEGORIES = ['harassment', 'hate', 'sexual', 'violence', 'self_harm', 'spam'] as const;
export type LabelCategory = (typeof LABEL_CATEGORIES)[number];

export interface LabelledRow {
  id: string;
  text: string;
  /** Positive categories; ['none'] = clean within scope; [] = flagged with a label none of ours covers. */
  labels: string[];
  scope: string[];
  source: string;
  lang: string;
  meta: Record<string, unknown>;
}

/** Whether a row counts for category `c`: true/false inside its scope, null outside it or when unknown. */
export function truthFor(row: LabelledRow, c: string): boolean | null {
  if (!row.scope.includes(c)) return null;
  if (row.labels.includes(c)) return true;
  return row.labels.length === 0 ? null : false;
}

/** Unsafe at all: any flag by the source (mapped or not) is positive; only ['none'] is negative. */
export function isUnsafe(row: LabelledRow): boolean {
  return !(row.labels.length === 1 && row.labels[0] === 'none');
}

export async function readLabelled(file: string): Promise<LabelledRow[]> {
  const rows: LabelledRow[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    rows.push(parseRow(line, `${file}:${n}`));
  }
  if (rows.length === 0) throw new Error(`${file}: no records.`);
  return rows;
}

function parseRow(line: string, where: string): LabelledRow {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`${where}: not JSON.`);
  }
  const r = value as Partial<LabelledRow>;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof r !== 'object' || r === null || typeof r.text !== 'string' || !strings(r.labels) || !strings(r.scope)) {
    throw new Error(`${where}: a record needs "text" (string), "labels" and "scope" (string arrays).`);
  }
  return {
    id: typeof r.id === 'string' ? r.id : where, text: r.text, labels: r.labels, scope: r.scope,
    source: typeof r.source === 'string' ? r.source : '', lang: typeof r.lang === 'string' ? r.lang : '',
    meta: typeof r.meta === 'object' && r.meta !== null ? r.meta : {},
  };
}

/** A dotted field of a row ("meta.functionality", "lang"), as a string; '(none)' when absent. */
export function fieldOf(row: LabelledRow, path: string): string {
  let v: unknown = row;
  for (const part of path.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[part] : undefined;
  return v === undefined || v === null ? '(none)' : String(v);
}
