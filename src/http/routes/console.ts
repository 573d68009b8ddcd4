// The review console (console/, a React app built into console/dist by setup) served at /console/:
// its files as built, any other path under /console/ answered with its index.html (the app routes
// by the URL's hash). It needs no key to load; everything it shows comes through the API with the
// key the reviewer signs in with. Without a build, /console/ says how to make one.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../../paths.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};
/** The console talks only to this origin; no inline scripts, no framing. */
const POLICY = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export async function consoleRoutes(app: FastifyInstance, opts: { dir?: string } = {}): Promise<void> {
  const dir = opts.dir ?? path.join(projectRoot(), 'console', 'dist');
  app.get('/console', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/console/'));
  app.get<{ Params: { '*': string } }>('/console/*', { schema: { hide: true } }, async (req, reply) => {
    const wanted = path.normalize(`/${req.params['*']}`);
    const asset = wanted.startsWith('/assets/') ? wanted : '/index.html';
    const file = await readFile(path.join(dir, asset)).catch(() => null);
    reply.header('content-security-policy', POLICY).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    if (!file) {
      if (asset !== '/index.html') return reply.code(404).type('text/plain').send('Not found.');
      return reply.code(503).type('text/plain').send('The review console is not built; run scripts/setup.sh (it runs `npx vite build console`).');
    }
    // Built assets carry their hash in their name: cached for a year; the page itself is always asked again.
    reply.header('cache-control', asset === '/index.html' ? 'no-cache' : 'public, max-age=31536000, immutable');
    return reply.type(TYPES[path.extname(asset)] ?? 'application/octet-stream').send(file);
  });
}
