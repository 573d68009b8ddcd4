// `bulwark scan`: moderate texts in-process and print one decision per line (JSONL), with a
// progress bar on stderr for long inputs. Decisions go to the audit log like API calls do.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.js';
import { TEXT_BATCH_MAX } from '../content/index.js';
import { createService } from '../service/index.js';
import { tenantOf } from './tenant.js';

export interface ScanOptions { file?: string; policy?: string; progress?: boolean; tenant?: string }

const PROGRESS_FROM = 200;

export async function scan(text: string | undefined, options: ScanOptions): Promise<void> {
  if (!text && !options.file) throw new Error('Give a text, or --file with one text per line.');
  const service = await createService(loadConfig(), { onRecorderError: (err) => console.error('audit write failed:', err) });
  try {
    const texts = options.file ? await readLines(options.file) : [text as string];
    const showBar = options.progress !== false && texts.length >= PROGRESS_FROM;
    const bar = new cliProgress.SingleBar({
      stream: process.stderr, format: 'scanning [{bar}] {value}/{total} texts · {eta}s left', etaBuffer: 500,
      // Without a terminal (CI logs, redirects) print a line every 2 s instead of redrawing.
      noTTYOutput: true, notTTYSchedule: 2000,
    },
      cliProgress.Presets.shades_classic);
    if (showBar) bar.start(texts.length, 0);
    const tenantId = await tenantOf(service, options.tenant);
    for (let i = 0; i < texts.length; i += TEXT_BATCH_MAX) {
      const batch = texts.slice(i, i + TEXT_BATCH_MAX);
      const decisions = await service.text.moderate(
        { tenantId, policy: options.policy },
        batch.map((t) => ({ text: t })),
      );
      process.stdout.write(decisions.map((d) => JSON.stringify(d)).join('\n') + '\n');
      if (showBar) bar.update(i + batch.length);
    }
    if (showBar) bar.stop();
  } finally {
    await service.close();
  }
}

async function readLines(file: string): Promise<string[]> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim() !== '') lines.push(line);
  return lines;
}

export { readLines };
