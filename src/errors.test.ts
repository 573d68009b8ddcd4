// docs/errors.md must document every code in the registry, with its HTTP status.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ERRORS } from './errors.js';
import { projectRoot } from './paths.js';

test('docs/errors.md lists every error code with its status', () => {
  const doc = readFileSync(path.join(projectRoot(), 'docs', 'errors.md'), 'utf8');
  const missing: string[] = [];
  for (const [code, { status }] of Object.entries(ERRORS)) {
    const row = new RegExp(`^\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`, 'm');
    if (!row.test(doc)) missing.push(`${code} (${status})`);
  }
  assert.deepEqual(missing, [], `add these rows to docs/errors.md: ${missing.join(', ')}`);
});

test('codes follow AREA_NAME and statuses are 4xx/5xx', () => {
  for (const [code, { status }] of Object.entries(ERRORS)) {
    assert.match(code, /^[A-Z]+(_[A-Z0-9]+)*$/);
    assert.ok(status >= 400 && status < 600, code);
  }
});
