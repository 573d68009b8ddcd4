#!/usr/bin/env node
// The bulwark command: serve, openapi, scan, eval, lists import, keys create.

import { Command } from 'commander';
import { tuneEngine } from '../engine.js';
import { version } from '../version.js';
import { createKey, createList, importList } from './admin.js';
import type { ListOptions } from './admin.js';
import { DEFAULT_MAX_DISTANCE } from '../images/imageHashList.js';
import { evalCommand } from './eval.js';
import type { EvalOptions } from './eval.js';
import { scan } from './scan.js';
import type { ScanOptions } from './scan.js';
import { printOpenApi } from './openapi.js';
import { serve } from './serve.js';

tuneEngine();

const program = new Command('bulwark').version(version).description('Self-hosted content-safety service.');

program.command('serve').description('Start the HTTP service (PORT, BULWARK_DATA_DIR, DATABASE_URL, BULWARK_API_KEY)')
  .action(serve);

program.command('openapi').option('--types', 'print TypeScript types for clients instead of the JSON document')
  .description('Print the OpenAPI document (as served at /openapi.json) without starting a server')
  .action((opts: { types?: boolean }) => printOpenApi(opts));

program.command('scan').argument('[text]', 'a text to moderate')
  .option('-f, --file <file>', 'moderate every line of a file')
  .option('-p, --policy <name>', 'policy to apply', 'default')
  .option('-t, --tenant <id>', 'tenant id (default: the default tenant)')
  .option('--no-progress', 'no progress bar on stderr')
  .description('Moderate texts in-process; prints one decision per line (JSONL)')
  .action((text: string | undefined, opts: ScanOptions) => scan(text, opts));

program.command('eval').argument('[files...]', 'labelled JSONL files (../shared/data format)')
  .option('--json', 'one JSON report per file on stdout')
  .option('--url <url>', 'score through a running server instead of in-process')
  .option('--key <key>', 'API key for --url (default: BULWARK_API_KEY)')
  .option('--by <field>', 'break results down by a field, e.g. meta.functionality')
  .option('-p, --policy <name>', 'policy whose thresholds decide', 'default')
  .option('--report <file>', 'write the Markdown accuracy report (default files: every file of ../shared/data/dev)')
  .option('--no-progress', 'no progress bar on stderr')
  .description('Measure accuracy on labelled data: AUPRC, precision, recall, FPR per category')
  .action((files: string[], opts: EvalOptions) => evalCommand(files, opts));

const lists = program.command('lists').description('Keyword and image hash lists');
lists.command('create').argument('<name>', 'a unique name')
  .requiredOption('-a, --action <action>', 'block, review or allow')
  .requiredOption('-c, --category <category>', 'the category its hits count for, e.g. spam')
  .option('-k, --kind <kind>', 'keyword (default) or image')
  .option('-m, --match <match>', 'keyword lists: exact, normalized (default) or pattern')
  .option('-d, --max-distance <bits>', `image lists: the largest PDQ distance that matches (default ${DEFAULT_MAX_DISTANCE})`)
  .option('-t, --tenant <id>', 'tenant id (default: the default tenant)')
  .description('Create a list')
  .action((name: string, opts: ListOptions) => createList(name, opts));
lists.command('import').argument('<list>', 'list id or name')
  .argument('<file>', 'one entry per line (image lists: hex PDQ hashes or sha256:…); # starts a comment')
  .option('-t, --tenant <id>', 'tenant id (default: the default tenant)')
  .description('Add every line of a file to a list')
  .action((list: string, file: string, opts: { tenant?: string }) => importList(list, file, opts));

const keys = program.command('keys').description('API keys');
keys.command('create').requiredOption('-n, --name <name>', 'what the key is for')
  .option('-s, --scopes <list>', 'comma-separated: moderate,review,admin', 'moderate')
  .option('-t, --tenant <id>', 'tenant id (default: the default tenant)')
  .description('Create an API key and print it once')
  .action((opts: { name: string; scopes: string; tenant?: string }) => createKey(opts));

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`bulwark: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
