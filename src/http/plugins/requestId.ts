// Request ids: taken from a well-formed incoming X-Request-Id (so a caller's trace continues),
// otherwise generated; echoed in the response header and carried by every log line and error.

import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { pooledRandomBytes } from '../../db/index.js';

const INCOMING = /^[\w.:-]{1,64}$/;

export function generateRequestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  if (typeof incoming === 'string' && INCOMING.test(incoming)) return incoming;
  return `req_${pooledRandomBytes(9).toString('base64url')}`;
}

export function installRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
}
