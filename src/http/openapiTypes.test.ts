// The types made from Bulwark's own OpenAPI document compile, and they are tight enough to catch
// a client's mistake: a usage file that relies on them is type-checked by the project's tsc, with
// lines that must fail (@ts-expect-error) next to lines that must pass.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { projectRoot } from '../paths.js';
import { openApiTypes, typeOf } from './openapiTypes.js';

test('JSON schemas become the TypeScript types they describe', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ type: 'string' }, 'string'],
    [{ type: 'integer' }, 'number'],
    [{ anyOf: [{ type: 'string' }, { type: 'null' }] }, '(string | null)'],
    [{ type: ['string', 'null'] }, '(string | null)'],
    [{ enum: ['approve', 'reject'] }, '"approve" | "reject"'],
    [{ const: 'text' }, '"text"'],
    [{ type: 'array', items: { type: 'number' } }, 'Array<number>'],
    [{ $ref: '#/components/schemas/Error' }, 'schemas["Error"]'],
    [{ type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'boolean' } }, additionalProperties: false }, '{\n  "a": string;\n  "b"?: boolean;\n}'],
    [{ type: 'object', additionalProperties: { type: 'number' } }, '{\n  [key: string]: number;\n}'],
    [{ type: 'object' }, '{\n  [key: string]: unknown;\n}'],
    [{}, 'unknown'],
  ];
  for (const [schema, expected] of cases) assert.equal(typeOf(schema), expected, JSON.stringify(schema));
});

test("the types of Bulwark's own document compile and catch a client's mistakes", async () => {
  const { openApiDocument } = await import('../cli/openapi.js');
  const dir = await mkdtemp(path.join(tmpdir(), 'bulwark-openapi-types-'));
  try {
    await writeFile(path.join(dir, 'api.ts'), openApiTypes(await openApiDocument()));
    await writeFile(path.join(dir, 'usage.ts'), `import type { paths } from './api.js';
type Decide = paths['/v1/reviews/{id}/decide']['post'];
export const body: Decide['body'] = { outcome: 'approve', labels: ['spam'] };
// @ts-expect-error: not an outcome
export const wrong: Decide['body'] = { outcome: 'maybe' };
// @ts-expect-error: the outcome is required
export const missing: Decide['body'] = { labels: [] };
export const id: Decide['path']['id'] = 'rev_1';
type Moderated = paths['/v1/moderate/text']['post']['responses'][200];
export const suggestion = (d: Moderated): string => ('results' in d ? d.results[0].suggestion : d.suggestion);
// @ts-expect-error: a batch's answer has no suggestion of its own
export const careless = (d: Moderated): string => d.suggestion;
// @ts-expect-error: no such route
export type Nope = paths['/v1/nope'];
`);
    const tsc = path.join(projectRoot(), 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', 'usage.ts'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
