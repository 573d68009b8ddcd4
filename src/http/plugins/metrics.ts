// Serves /metrics and times every request into the service's Prometheus registry. With several
// worker processes, `gather` returns every worker's metrics merged (cli/cluster.ts).

import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../service/metrics.js';

export function installMetrics(app: FastifyInstance, metrics: Metrics, gather?: () => Promise<string>): void {
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return gather ? gather() : metrics.registry.metrics();
  });
}
