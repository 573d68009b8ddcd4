// POST /v1/moderate/image: one picture, sent as multipart/form-data (a `file` part), as a raw body
// with an image/* content type, or as JSON { "base64": "…" } or { "url": "…" } (fetched safely: net/safeFetch.ts). `policy`, `dataId` and `metadata`
// come as form fields (multipart), in the query string (raw body) or in the JSON.

import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BulwarkError } from '../../errors.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { DecisionSchema, POLICY_NAME_PATTERN, PolicyNameSchema, errorResponses } from '../schemas.js';
import { safeFetch } from '../../net/safeFetch.js';
import type { FetchLimits } from '../../net/safeFetch.js';
import { checkedField, metadataField, multipartError } from './formFields.js';
import { checkMetadata } from './moderate.js';

const DATA_ID = Type.String({ maxLength: 128, description: 'Your id for the picture; stored with the decision.' });

const JsonBody = Type.Object({
  base64: Type.Optional(Type.String({ description: 'The picture file, base64-encoded.' })),
  url: Type.Optional(Type.String({ maxLength: 4096, description: 'An http(s) URL to fetch the picture from (public addresses only).' })),
  policy: Type.Optional(PolicyNameSchema),
  dataId: Type.Optional(DATA_ID),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Stored with the decision (≤ 8 KB as JSON).' })),
}, { additionalProperties: false });

const Query = Type.Object({ policy: Type.Optional(PolicyNameSchema), dataId: Type.Optional(DATA_ID) }, { additionalProperties: false });

const TEXT = Type.Boolean({ description: 'Also blur lines of text holding personal data or contact details (read by OCR).' });
const RedactJsonBody = Type.Object({
  base64: Type.Optional(Type.String({ description: 'The picture file, base64-encoded.' })),
  url: Type.Optional(Type.String({ maxLength: 4096, description: 'An http(s) URL to fetch the picture from (public addresses only).' })),
  policy: Type.Optional(PolicyNameSchema),
  text: Type.Optional(TEXT),
}, { additionalProperties: false });
const RedactQuery = Type.Object({ policy: Type.Optional(PolicyNameSchema), text: Type.Optional(TEXT) }, { additionalProperties: false });

interface Picture { bytes: Buffer; policy?: string; dataId?: string; metadata?: Record<string, unknown>; text?: boolean }

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const FIELD_MAX_BYTES = 16 * 1024;

/** Multipart and raw image/* bodies in this plugin's routes; the limits a picture URL is fetched with. */
async function acceptPictures(app: FastifyInstance, service: Service): Promise<FetchLimits> {
  const { maxBytes } = service.images.settings.limits;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: FIELD_MAX_BYTES, parts: 10 } });
  app.addContentTypeParser(/^image\/[\w.+-]+$/, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
  return { maxBytes, timeoutMs: service.config.fetchTimeoutMs, maxRedirects: 5, allowHosts: service.config.fetchAllowHosts };
}

/** A base64 body is a third larger than the file it carries. */
function jsonBodyLimit(service: Service): number {
  return Math.ceil(service.images.settings.limits.maxBytes / 3) * 4 + FIELD_MAX_BYTES;
}

export async function moderateImageRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  const fetchLimits = await acceptPictures(app, service);

  app.post<{ Body: Static<typeof JsonBody> | Buffer | undefined; Querystring: Static<typeof Query> }>('/v1/moderate/image', {
    config: { scope: 'moderate' },
    bodyLimit: jsonBodyLimit(service),
    schema: {
      tags: ['moderation'],
      summary: 'Moderate a picture',
      description: 'Send the picture as multipart/form-data (a `file` part, plus `policy`, `dataId`, `metadata` fields), ' +
        'as a raw body with an image/* content type (`policy` and `dataId` in the query), or as JSON `{ "base64": … }` ' +
        'or `{ "url": … }` (http/https; private, loopback and metadata addresses refused after DNS and on every redirect). ' +
        'JPEG, PNG, WebP, GIF (animated: several frames), AVIF, TIFF.',
      querystring: Query,
      body: { content: { 'application/json': { schema: JsonBody } } },
      response: { 200: DecisionSchema, ...errorResponses(403, 404, 413, 415, 422, 503) },
    },
  }, async (req) => {
    const picture = await pictureOf(req, fetchLimits);
    checkMetadata(picture.metadata);
    return service.images.moderate(
      { tenantId: principalOf(req).tenantId, policy: picture.policy },
      picture.bytes,
      { dataId: picture.dataId ?? null, metadata: picture.metadata ?? null },
    );
  });
}

export async function redactImageRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  const fetchLimits = await acceptPictures(app, service);

  app.post<{ Querystring: Static<typeof RedactQuery> }>('/v1/redact/image', {
    config: { scope: 'moderate' },
    bodyLimit: jsonBodyLimit(service),
    schema: {
      tags: ['moderation'],
      summary: 'A picture with faces blurred',
      description: 'Send the picture as for /v1/moderate/image. The answer is the picture itself (JPEG, WebP or PNG as sent; ' +
        'other formats come back as PNG; an animation as its first frame) with every face blurred, and with `text=true` every ' +
        'line of text holding personal data or contact details too. Headers Bulwark-Faces and Bulwark-Text-Regions count ' +
        'the blurred regions. Faces are found only to be blurred: nothing about them is estimated or returned.',
      querystring: RedactQuery,
      body: { content: { 'application/json': { schema: RedactJsonBody } } },
      response: errorResponses(403, 404, 413, 415, 422, 503),
    },
  }, async (req, reply) => {
    const picture = await pictureOf(req, fetchLimits);
    const text = picture.text ?? req.query.text ?? false;
    const result = await service.images.redact({ tenantId: principalOf(req).tenantId, policy: picture.policy }, picture.bytes, { text });
    return reply.header('content-type', result.contentType).header('bulwark-faces', String(result.faces))
      .header('bulwark-text-regions', String(result.textRegions)).send(result.bytes);
  });
}

async function pictureOf(req: FastifyRequest<{ Querystring: Record<string, unknown> }>, fetchLimits: FetchLimits): Promise<Picture> {
  if (req.isMultipart()) return multipartPicture(req);
  if (Buffer.isBuffer(req.body)) return { bytes: req.body, ...req.query };
  const body = req.body as (Static<typeof JsonBody> & { text?: boolean }) | undefined;
  if (!body) throw new BulwarkError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'Send the picture as multipart/form-data, an image/* body or JSON.');
  if (Object.keys(req.query).length > 0) throw new BulwarkError('REQUEST_INVALID', 'With a JSON body, put policy and dataId in the JSON.');
  const fields = { policy: body.policy, dataId: body.dataId, metadata: body.metadata, text: body.text };
  if ((body.base64 === undefined) === (body.url === undefined)) throw new BulwarkError('REQUEST_INVALID', 'Send exactly one of "base64" or "url".');
  if (body.url !== undefined) return { bytes: (await safeFetch(body.url, fetchLimits)).bytes, ...fields };
  const base64 = body.base64!.replace(/\s+/g, '');
  if (!BASE64.test(base64)) throw new BulwarkError('REQUEST_INVALID', '"base64" is not valid base64.');
  return { bytes: Buffer.from(base64, 'base64'), ...fields };
}

async function multipartPicture(req: FastifyRequest): Promise<Picture> {
  const picture: Partial<Picture> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new BulwarkError('REQUEST_INVALID', `Unknown file part "${part.fieldname}"; send the picture as "file".`);
        picture.bytes = await part.toBuffer();
        continue;
      }
      const value = String(part.value);
      if (part.fieldname === 'policy') picture.policy = checkedField('policy', value, new RegExp(POLICY_NAME_PATTERN));
      else if (part.fieldname === 'dataId') picture.dataId = checkedField('dataId', value, /^[^]{1,128}$/);
      else if (part.fieldname === 'metadata') picture.metadata = metadataField(value);
      else if (part.fieldname === 'text') picture.text = checkedField('text', value, /^(true|false)$/) === 'true';
      else throw new BulwarkError('REQUEST_INVALID', `Unknown field "${part.fieldname}".`);
    }
  } catch (err) {
    throw multipartError(err, 'picture');
  }
  if (!picture.bytes) throw new BulwarkError('REQUEST_INVALID', 'The multipart body has no "file" part.');
  return picture as Picture;
}
