// POST /v1/moderate/text: one text → one decision; `texts` (≤ 100) → { results } in order.

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { TEXT_BATCH_MAX, TEXT_MAX_CHARS } from '../../content/index.js';
import { BulwarkError } from '../../errors.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { DecisionSchema, PolicyNameSchema, errorResponses } from '../schemas.js';

const METADATA_MAX_BYTES = 8 * 1024;

const Body = Type.Object({
  text: Type.Optional(Type.String({ description: `The text to moderate (at most ${TEXT_MAX_CHARS} characters).` })),
  texts: Type.Optional(Type.Array(Type.String(), { description: `Several texts (at most ${TEXT_BATCH_MAX}); answered in order.` })),
  policy: Type.Optional(PolicyNameSchema),
  lang: Type.Optional(Type.String({ maxLength: 16, description: 'Language hint (routing only; never a verdict).' })),
  dataId: Type.Optional(Type.String({ maxLength: 128, description: 'Your id for the content; stored with the decision.' })),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Stored with the decision (≤ 8 KB as JSON).' })),
}, { additionalProperties: false });
type BodyT = Static<typeof Body>;

export async function moderateRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  app.post<{ Body: BodyT }>('/v1/moderate/text', {
    config: { scope: 'moderate' },
    schema: {
      tags: ['moderation'],
      summary: 'Moderate one text or a batch of texts',
      body: Body,
      response: {
        200: Type.Union([DecisionSchema, Type.Object({ results: Type.Array(DecisionSchema) })]),
        ...errorResponses(403, 404, 413),
      },
    },
  }, async (req) => {
    const body = req.body;
    const texts = textsOf(body);
    const decisions = await service.text.moderate(
      { tenantId: principalOf(req).tenantId, policy: body.policy },
      texts.map((text) => ({ text, lang: body.lang, dataId: body.dataId ?? null, metadata: body.metadata ?? null })),
    );
    return body.texts ? { results: decisions } : decisions[0];
  });
}

function textsOf(body: BodyT): string[] {
  if ((body.text === undefined) === (body.texts === undefined)) {
    throw new BulwarkError('REQUEST_INVALID', 'Send exactly one of "text" or "texts".');
  }
  checkMetadata(body.metadata);
  const texts = body.texts ?? [body.text as string];
  checkTexts(texts, body.texts ? 'texts' : 'text', Boolean(body.texts));
  return texts;
}

/** Metadata is stored with the decision: at most METADATA_MAX_BYTES as JSON. */
export function checkMetadata(metadata: Record<string, unknown> | undefined | null): void {
  if (metadata && Buffer.byteLength(JSON.stringify(metadata)) > METADATA_MAX_BYTES) {
    throw new BulwarkError('REQUEST_INVALID', `"metadata" is larger than ${METADATA_MAX_BYTES} bytes as JSON.`);
  }
}

/** Batch size, empty and over-long texts: the same limits for every text route. */
export function checkTexts(texts: readonly string[], field: string, batch: boolean): void {
  if (texts.length === 0) throw new BulwarkError('REQUEST_INVALID', `"${field}" is empty.`);
  if (texts.length > TEXT_BATCH_MAX) {
    throw new BulwarkError('CONTENT_BATCH_TOO_LARGE', `"${field}" holds ${texts.length} items; the limit is ${TEXT_BATCH_MAX}.`);
  }
  texts.forEach((text, i) => {
    const where = batch ? `${field}[${i}]` : field;
    if (text.trim() === '') throw new BulwarkError('CONTENT_EMPTY', `"${where}" is empty.`);
    if (text.length > TEXT_MAX_CHARS && [...text].length > TEXT_MAX_CHARS) {
      throw new BulwarkError('CONTENT_TOO_LARGE', `"${where}" has ${[...text].length} characters; the limit is ${TEXT_MAX_CHARS}.`);
    }
  });
}
