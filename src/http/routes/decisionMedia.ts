// A flagged decision's picture or recording, for the reviewer who judges it (kept only when the
// tenant stores content; see service/reviewMedia.ts). Never cached by a browser or a proxy. A live
// stream's frame or sound piece says where it starts on the decision's timeline (Bulwark-Media-Offset).

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BulwarkError } from '../../errors.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { IdParams, errorResponses } from '../schemas.js';

export async function decisionMediaRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  app.get<{ Params: Static<typeof IdParams> }>('/v1/decisions/:id/media', {
    config: { scope: 'review' },
    schema: {
      tags: ['decisions'], summary: 'The picture or recording of a flagged decision, when the tenant stores content',
      params: IdParams,
      response: { 200: Type.String({ format: 'binary', description: 'The bytes as sent, with their content type.' }), ...errorResponses(403, 404) },
    },
  }, async (req, reply) => {
    const { tenantId } = principalOf(req);
    const kept = await service.media.open(tenantId, req.params.id);
    if (!kept) throw new BulwarkError('MEDIA_NOT_KEPT');
    return reply
      .type(kept.contentType)
      .header('content-length', kept.bytes)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline')
      .header('bulwark-media-offset', String(kept.offset))
      .send(kept.stream);
  });
}
