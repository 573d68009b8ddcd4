// Long inputs from the CLI (`scan --file`, `eval`): texts in batches the API accepts, with a
// progress bar on stderr.

import cliProgress from 'cli-progress';
import { TEXT_BATCH_MAX } from '../content/index.js';

/**
 * Calls `each` on the texts in batches of TEXT_BATCH_MAX, in order, with a progress bar labelled
 * `label` when `show` (without a terminal: a line every 2 s instead of redrawing).
 */
export async function inBatches(texts: readonly string[], label: string, show: boolean, each: (batch: string[]) => Promise<void>): Promise<void> {
  const bar = new cliProgress.SingleBar({
    stream: process.stderr, format: `${label} [{bar}] {value}/{total} texts · {eta}s left`, etaBuffer: 500,
    noTTYOutput: true, notTTYSchedule: 2000,
  }, cliProgress.Presets.shades_classic);
  if (show) bar.start(texts.length, 0);
  try {
    for (let i = 0; i < texts.length; i += TEXT_BATCH_MAX) {
      const batch = texts.slice(i, i + TEXT_BATCH_MAX);
      await each(batch);
      if (show) bar.update(i + batch.length);
    }
  } finally {
    if (show) bar.stop();
  }
}
