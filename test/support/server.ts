// Starts a real Bulwark on a real socket (port 0) over a fresh database — SQLite in a temp dir,
// or a throwaway PostgreSQL database when one is given — for cross-module tests.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/index.js';
import { createService, ensureAdminKey } from '../../src/service/index.js';
import type { Service } from '../../src/service/index.js';

export interface TestServer {
  url: string;
  adminKey: string;
  service: Service;
  /** fetch against the server with the admin key unless another is given. */
  call(method: string, route: string, body?: unknown, key?: string | null): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** The databases every cross-module suite runs against: SQLite always, PostgreSQL when provided. */
export function databases(): { name: string; url: string | null }[] {
  const pgUrl = process.env.TEST_DATABASE_URL;
  return [{ name: 'sqlite', url: null }, ...(pgUrl ? [{ name: 'postgres', url: pgUrl }] : [])];
}

async function freshPostgres(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bulwark_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startServer(databaseUrl: string | null = null, env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bulwark-test-'));
  const pgDb = databaseUrl ? await freshPostgres(databaseUrl) : null;
  const adminKey = `bw_test_${randomBytes(16).toString('hex')}`;
  const config = loadConfig({ ...env, BULWARK_DATA_DIR: dataDir, BULWARK_API_KEY: adminKey, LOG_LEVEL: 'silent' },
    { databaseUrl: pgDb?.url ?? null });
  const service = await createService(config, { onRecorderError: (err) => console.error('recorder:', err) });
  await ensureAdminKey(service);
  service.webhookSender.start();
  await service.recordings.runner.start();
  service.streams.start();
  const app = await buildApp(service, { logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url, adminKey, service,
    async call(method, route, body, key = adminKey) {
      const headers: Record<string, string> = {};
      if (key !== null) headers.authorization = `Bearer ${key}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url + route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      let parsed: unknown = text;
      try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async close() {
      await app.close();
      await service.close();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
