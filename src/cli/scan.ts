// `bulwark scan`: moderate texts in-process and print one decision per line (JSONL), with a
// progress bar on stderr for long inputs. Decisions go to the audit log like API calls do.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadConfig } from '../config.js';
import { createService } from '../service/index.js';
import { inBatches } from './batches.js';
import { tenantOf } from './tenant.js';

export interface ScanOptions { file?: string; policy?: string; progress?: boolean; tenant?: string }

const PROGRESS_FROM = 200;

export async function scan(text: string | undefined, options: ScanOptions): Promise<void> {
  if (!text && !options.file) throw new Error('Give a text, or --file with one text per line.');
  const service = await createService(loadConfig(), { onRecorderError: (err) => console.error('audit write failed:', err) });
  try {
    const tenantId = await tenantOf(service, options.tenant);
    const texts = options.file ? await readLines(options.file) : [text as string];
    await inBatches(texts, 'scanning', options.progress !== false && texts.length >= PROGRESS_FROM, async (batch) => {
      const decisions = await service.text.moderate({ tenantId, policy: options.policy }, batch.map((t) => ({ text: t })));
      process.stdout.write(decisions.map((d) => JSON.stringify(d)).join('\n') + '\n');
    });
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
