// Importing many list entries: lines from pasted text or a .txt/.csv file, posted in batches the
// API takes, with progress. A batch the API refuses for one bad entry is split in halves until
// the bad entries stand alone, so every good line still goes in and every bad one has its reason.

import { ApiError } from './api';

/** Lines per request: far below the API's 10,000 and its 8 MiB body, so progress moves. */
const BATCH = 1000;
const PER_ENTRY = new Set(['LIST_ENTRY_INVALID', 'LIST_PATTERN_INVALID']);

export interface ImportReport { added: number; skipped: number; rejected: { value: string; reason: string }[] }

/**
 * One entry a line, trimmed; blank lines and lines starting with # are left out (as `bulwark lists
 * import` reads a file). A .csv file gives the first field of each row, unquoted.
 */
export function entryLines(text: string, csv: boolean): string[] {
  return text.split(/\r?\n/).map((line) => (csv ? firstField(line) : line).trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

function firstField(row: string): string {
  const quoted = /^\s*"((?:[^"]|"")*)"/.exec(row);
  return quoted ? quoted[1].replace(/""/g, '"') : row.split(',')[0];
}

export async function importEntries(
  values: readonly string[], send: (batch: string[]) => Promise<{ added: number; skipped: number }>,
  progress: (done: number) => void,
): Promise<ImportReport> {
  const report: ImportReport = { added: 0, skipped: 0, rejected: [] };
  let done = 0;
  const post = async (batch: string[]): Promise<void> => {
    try {
      const r = await send(batch);
      report.added += r.added;
      report.skipped += r.skipped;
    } catch (err) {
      if (!(err instanceof ApiError && PER_ENTRY.has(err.code))) throw err;
      if (batch.length === 1) return void report.rejected.push({ value: batch[0], reason: err.message.replace(/^entries\[\d+\] /, '') });
      const half = Math.ceil(batch.length / 2);
      await post(batch.slice(0, half));
      await post(batch.slice(half));
    }
  };
  for (let i = 0; i < values.length; i += BATCH) {
    const batch = values.slice(i, i + BATCH);
    await post(batch);
    done += batch.length;
    progress(done);
  }
  return report;
}
