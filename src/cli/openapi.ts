// `bulwark openapi`: prints the OpenAPI document the service serves at /openapi.json (it is made
// from the route schemas), or with --types the TypeScript types a client builds on. It needs no
// server and no data: the routes are assembled on a throwaway SQLite database, then let go.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { buildApp } from '../http/index.js';
import { openApiTypes } from '../http/openapiTypes.js';
import type { OpenApiDocument } from '../http/openapiTypes.js';
import { createService } from '../service/index.js';

/** The OpenAPI document, assembled on a throwaway SQLite database that is let go afterwards. */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bulwark-openapi-'));
  const env: NodeJS.ProcessEnv = { ...process.env, BULWARK_DATA_DIR: dir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const service = await createService(loadConfig(env));
  try {
    const app = await buildApp(service, { logger: false });
    await app.ready();
    const doc = app.swagger() as unknown as OpenApiDocument;
    await app.close();
    return doc;
  } finally {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function printOpenApi(opts: { types?: boolean }): Promise<void> {
  const doc = await openApiDocument();
  process.stdout.write(opts.types ? openApiTypes(doc) : `${JSON.stringify(doc, null, 2)}\n`);
}
