// POST /v1/moderations: OpenAI's moderation endpoint, answered by Bulwark. Clients written for
// OpenAI (the official SDKs with baseURL pointed here) work unchanged; the decisions behind the
// answer are Bulwark's own, made under the tenant's default policy and stored in the audit log.

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { BulwarkError } from '../../errors.js';
import { OPENAI_CATEGORY_KEYS, toOpenAiResult } from '../../moderation/index.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { errorResponses } from '../schemas.js';
import { checkTexts } from './moderate.js';

const TextPart = Type.Object({ type: Type.Literal('text'), text: Type.String() }, { additionalProperties: false });
const ImagePart = Type.Object({ type: Type.Literal('image_url'), image_url: Type.Unknown() }, { additionalProperties: false });

const Body = Type.Object({
  input: Type.Union([Type.String(), Type.Array(Type.Union([Type.String(), TextPart, ImagePart]))],
    { description: 'A text, several texts, or OpenAI content parts ({ type: "text", text }).' }),
  model: Type.Optional(Type.String({ maxLength: 100, description: 'Echoed back; Bulwark always uses its own detectors.' })),
}, { additionalProperties: false });
type BodyT = Static<typeof Body>;

const Scores = Type.Object(Object.fromEntries(OPENAI_CATEGORY_KEYS.map((k) => [k, Type.Number()])));
const Flags = Type.Object(Object.fromEntries(OPENAI_CATEGORY_KEYS.map((k) => [k, Type.Boolean()])));
const Types = Type.Object(Object.fromEntries(OPENAI_CATEGORY_KEYS.map((k) => [k, Type.Array(Type.String())])));
const Response = Type.Object({
  id: Type.String(),
  model: Type.String(),
  results: Type.Array(Type.Object({ flagged: Type.Boolean(), categories: Flags, category_scores: Scores, category_applied_input_types: Types })),
});

export async function openAiModerationRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  app.post<{ Body: BodyT }>('/v1/moderations', {
    config: { scope: 'moderate' },
    schema: {
      tags: ['moderation'],
      summary: 'OpenAI-compatible moderation (one result per input, OpenAI category keys)',
      body: Body,
      response: { 200: Response, ...errorResponses(403, 413, 415) },
    },
  }, async (req) => {
    const texts = textsOf(req.body.input);
    const decisions = await service.text.moderate(
      { tenantId: principalOf(req).tenantId },
      texts.map((text) => ({ text, metadata: { via: 'openai-moderations' } })),
    );
    const model = req.body.model ?? `bulwark-${decisions[0].models.classifier ?? decisions[0].models.lexicon}`;
    return { id: `modr-${decisions[0].id.slice(4)}`, model, results: decisions.map(toOpenAiResult) };
  });
}

function textsOf(input: BodyT['input']): string[] {
  const parts = typeof input === 'string' ? [input] : input;
  const texts = parts.map((part) => {
    if (typeof part === 'string') return part;
    if (part.type === 'text') return part.text;
    throw new BulwarkError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'Image inputs are not accepted yet: send text.');
  });
  checkTexts(texts, 'input', typeof input !== 'string');
  return texts;
}
