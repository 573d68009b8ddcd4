// Where Bulwark's own files live (lexicons, migrations' assets), found from this module's
// location so it works from src/, dist/ and per-helper build folders alike.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/** The folder holding Bulwark's package.json. */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Bulwark package root');
    dir = parent;
  }
  cached = dir;
  return dir;
}

/** The shared labelled data (../shared/data beside the checkout), or null when absent. */
export function sharedDataDir(): string | null {
  const dir = path.resolve(projectRoot(), '..', 'shared', 'data');
  return existsSync(dir) ? dir : null;
}
