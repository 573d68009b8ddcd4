// Live streams: POST /v1/streams { url, interval } starts pulling and moderating a stream (HLS, RTMP,
// RTSP or HTTP); each flagged moment is a decision and a stream.alert webhook. GET shows the
// state and the latest flagged moments; DELETE stops it.

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Service } from '../../service/index.js';
import { streamView } from '../../service/liveStreams.js';
import { principalOf } from '../plugins/auth.js';
import { IdParams, PolicyNameSchema, errorResponses, literalUnion } from '../schemas.js';
import { checkMetadata } from './moderate.js';

const CreateBody = Type.Object({
  url: Type.String({ maxLength: 4096, description: 'http(s) (HLS or a plain stream), rtmp(s) or rtsp; the host must resolve to public addresses unless allowed.' }),
  interval: Type.Optional(Type.Number({ minimum: 0.5, maximum: 60, default: 2, description: 'Seconds between frames looked at (default 2).' })),
  policy: Type.Optional(PolicyNameSchema),
  dataId: Type.Optional(Type.String({ maxLength: 128 })),
  lang: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
}, { additionalProperties: false });

const StreamSchema = Type.Object({
  id: Type.String(), url: Type.String(), interval: Type.Number(),
  status: literalUnion(['starting', 'live', 'reconnecting', 'ended', 'failed', 'stopped'] as const),
  lastError: Type.Union([Type.String(), Type.Null()]), alerts: Type.Integer(),
  findings: Type.Array(Type.Unknown(), { description: 'The latest flagged moments: start, end, categories, severity, suggestion, decisionId.' }),
  createdAt: Type.String(), updatedAt: Type.String(), endedAt: Type.Union([Type.String(), Type.Null()]),
}, { $id: 'Stream' });

export async function streamRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  app.post<{ Body: Static<typeof CreateBody> }>('/v1/streams', {
    config: { scope: 'moderate' },
    schema: { tags: ['moderation'], summary: 'Start moderating a live stream', body: CreateBody, response: { 201: StreamSchema, ...errorResponses(403, 503) } },
  }, async (req, reply) => {
    const { url, interval = 2, metadata, ...request } = req.body;
    checkMetadata(metadata);
    const row = await service.streams.create(principalOf(req).tenantId, url, interval, { ...request, metadata: metadata ?? null });
    return reply.code(201).header('location', `/v1/streams/${row.id}`).send(streamView(row));
  });

  app.get('/v1/streams', {
    config: { scope: 'moderate' },
    schema: { tags: ['moderation'], summary: 'The latest 100 streams of this tenant', response: { 200: Type.Object({ streams: Type.Array(StreamSchema) }) } },
  }, async (req) => ({ streams: (await service.stores.streams.list(principalOf(req).tenantId)).map(streamView) }));

  app.get<{ Params: Static<typeof IdParams> }>('/v1/streams/:id', {
    config: { scope: 'moderate' },
    schema: { tags: ['moderation'], summary: 'A stream: its state and latest flagged moments', params: IdParams, response: { 200: StreamSchema, ...errorResponses(403, 404) } },
  }, async (req) => streamView(await service.stores.streams.get(principalOf(req).tenantId, req.params.id)));

  app.delete<{ Params: Static<typeof IdParams> }>('/v1/streams/:id', {
    config: { scope: 'moderate' },
    schema: { tags: ['moderation'], summary: 'Stop moderating a stream', params: IdParams, response: { 200: StreamSchema, ...errorResponses(403, 404) } },
  }, async (req) => streamView(await service.streams.stop(principalOf(req).tenantId, req.params.id)));
}
