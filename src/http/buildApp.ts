// The HTTP app: Fastify with schema-first routes, strict JSON parsing, one error shape, API-key
// auth, metrics and the generated OpenAPI document. Separate from listen() so tests and the CLI
// can start it on any port.

import Fastify, { LogController } from 'fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { BODY_MAX_BYTES, namedProtectedAttributes } from '../content/index.js';
import { BulwarkError } from '../errors.js';
import type { Service } from '../service/index.js';
import { installOpenApi } from './openapi.js';
import { KeyCache, installAuth } from './plugins/auth.js';
import { KeyRateLimiter } from './plugins/rateLimit.js';
import { errorBody, installErrorHandling, toBulwarkError } from './plugins/errors.js';
import { installJsonBody } from './plugins/jsonBody.js';
import { installMetrics } from './plugins/metrics.js';
import { generateRequestId, installRequestIdHeader } from './plugins/requestId.js';
import { installValidation } from './plugins/validation.js';
import { auditRoutes } from './routes/audit.js';
import { consoleRoutes } from './routes/console.js';
import { decisionRoutes } from './routes/decisions.js';
import { decisionMediaRoutes } from './routes/decisionMedia.js';
import { healthRoutes } from './routes/health.js';
import { keyRoutes } from './routes/keys.js';
import { listRoutes } from './routes/lists.js';
import { moderateRoutes } from './routes/moderate.js';
import { moderateImageRoutes, redactImageRoutes } from './routes/moderateImage.js';
import { openAiModerationRoutes } from './routes/openaiModerations.js';
import { policyRoutes } from './routes/policies.js';
import { reviewRoutes } from './routes/reviews.js';
import { settingsRoutes } from './routes/settings.js';
import { statsRoutes } from './routes/stats.js';
import { webhookRoutes } from './routes/webhooks.js';
import { jobRoutes } from './routes/jobs.js';
import { streamRoutes } from './routes/streams.js';
import { version } from '../version.js';

export interface AppOptions {
  logger?: boolean;
  /** Metrics of every worker process merged, when several serve one port (default: this process's). */
  gatherMetrics?: () => Promise<string>;
}

export async function buildApp(service: Service, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: service.config.logLevel },
    genReqId: generateRequestId,
    // One log line per request (our onResponse hook below) instead of Fastify's two.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    bodyLimit: BODY_MAX_BYTES,
    return503OnClosing: true,
    frameworkErrors: (err, req, reply) => {
      const known = toBulwarkError(err) ?? new BulwarkError('REQUEST_INVALID', 'The URL or request is malformed.');
      void (reply as FastifyReply).code(known.statusCode).header('x-request-id', req.id).send(errorBody(known, req.id));
    },
  });
  installValidation(app);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installJsonBody(app);
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app);
  installRequestIdHeader(app);
  installMetrics(app, service.metrics, options.gatherMetrics);
  const keyCache = new KeyCache(service.stores.keys);
  // A revoked key stops working at once, in every worker (Service.changed reaches them all).
  service.onChange((change) => { if ('keys' in change) keyCache.clear(); });
  installAuth(app, keyCache, service.config.rateLimit > 0 ? new KeyRateLimiter(service.config.rateLimit) : null);
  app.addHook('preValidation', async (req) => refuseProtectedAttributes(req.body, req.query));
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, url: req.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 }, 'request');
  });

  await installOpenApi(app, version);
  await app.register(healthRoutes, { service });
  await app.register(moderateRoutes, { service });
  await app.register(moderateImageRoutes, { service });
  await app.register(redactImageRoutes, { service });
  await app.register(openAiModerationRoutes, { service });
  await app.register(decisionRoutes, { service });
  await app.register(decisionMediaRoutes, { service });
  await app.register(reviewRoutes, { service });
  await app.register(policyRoutes, { service });
  await app.register(listRoutes, { service });
  await app.register(keyRoutes, { service });
  await app.register(auditRoutes, { service });
  await app.register(settingsRoutes, { service });
  await app.register(statsRoutes, { service });
  await app.register(webhookRoutes, { service });
  await app.register(jobRoutes, { service });
  await app.register(streamRoutes, { service });
  await app.register(consoleRoutes);
  return app;
}

/** What Bulwark will never do (PRODUCT.md): asking for a protected trait is refused, never ignored. */
function refuseProtectedAttributes(body: unknown, query: unknown): void {
  for (const source of [body, query]) {
    if (typeof source !== 'object' || source === null || !('attributes' in source)) continue;
    const named = namedProtectedAttributes((source as { attributes: unknown }).attributes);
    const which = named.length ? ` You asked for: ${named.join(', ')}.` : '';
    throw new BulwarkError('ATTRIBUTE_NOT_SUPPORTED', `Bulwark returns no attributes of people. It never infers ethnicity, race, religion, nationality, gender, sexual orientation or age, and never identifies anyone.${which}`);
  }
}
