// Liveness (the process answers) and readiness (database reachable, detectors loaded).

import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Service } from '../../service/index.js';

const Checks = Type.Object({ status: Type.String(), checks: Type.Optional(Type.Record(Type.String(), Type.String())) });

export async function healthRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  app.get('/healthz', { schema: { tags: ['health'], summary: 'The process is alive', response: { 200: Checks } } },
    async () => ({ status: 'ok' }));

  app.get('/readyz', {
    schema: { tags: ['health'], summary: 'Ready to serve: database reachable, detectors loaded', response: { 200: Checks, 503: Checks } },
  }, async (_req, reply) => {
    const { ready, checks } = await service.ready();
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
}
