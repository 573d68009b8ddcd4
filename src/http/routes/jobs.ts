// Audio and video moderation as jobs: POST /v1/moderate/audio and /v1/moderate/video take the
// recording as multipart/form-data (a `file` part), as a raw audio/* or video/* body, or as JSON
// { "url": … }, stream it to disk and answer 202 { jobId }. GET /v1/jobs/{id} gives the status,
// progress and, once done, the decision; DELETE /v1/jobs/{id} cancels.

import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { BulwarkError } from '../../errors.js';
import type { Service } from '../../service/index.js';
import { jobView } from '../../service/recordingJobs.js';
import type { JobCallback, RecordingRequest } from '../../service/recordingJobs.js';
import { checkedReceiverUrl } from '../../net/safePost.js';
import { rowToDecision } from '../../service/decisionRows.js';
import { parseUrl } from '../../net/safeFetch.js';
import { principalOf } from '../plugins/auth.js';
import { DecisionSchema, IdParams, POLICY_NAME_PATTERN, PolicyNameSchema, errorResponses, literalUnion } from '../schemas.js';
import { checkedField, metadataField, multipartError } from './formFields.js';
import { checkMetadata } from './moderate.js';

const DATA_ID = Type.String({ maxLength: 128, description: 'Your id for the recording; stored with the decision.' });
const LANG = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'The spoken language (default en; only en has a speech engine).' });

const INTERVAL = Type.Number({ minimum: 0.2, maximum: 60, description: 'Video only: seconds between sampled frames (default 1); scene changes are sampled too.' });
const INTERVAL_PATTERN = /^(?:\d{1,2}(?:\.\d+)?)$/;

const CALLBACK_URL = Type.String({ maxLength: 2000, description: 'Told (POST, signed like a webhook with callbackSecret) when the job ends.' });
const CALLBACK_SECRET = Type.String({ minLength: 16, maxLength: 256, description: 'Your secret the callback is signed with (Bulwark-Signature); required with callbackUrl.' });

const JsonBody = Type.Object({
  url: Type.String({ maxLength: 4096, description: 'An http(s) URL to fetch the recording from when the job runs (public addresses only).' }),
  policy: Type.Optional(PolicyNameSchema),
  dataId: Type.Optional(DATA_ID),
  lang: Type.Optional(LANG),
  interval: Type.Optional(INTERVAL),
  callbackUrl: Type.Optional(CALLBACK_URL),
  callbackSecret: Type.Optional(CALLBACK_SECRET),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Stored with the decision (≤ 8 KB as JSON).' })),
}, { additionalProperties: false });

const Query = Type.Object({
  policy: Type.Optional(PolicyNameSchema), dataId: Type.Optional(DATA_ID), lang: Type.Optional(LANG), interval: Type.Optional(INTERVAL),
  callbackUrl: Type.Optional(CALLBACK_URL),
}, { additionalProperties: false });

/** With a raw body, the callback's secret comes in this header (never in a URL). */
const CALLBACK_SECRET_HEADER = 'bulwark-callback-secret';

type Kind = 'audio' | 'video';

const JobSchema = Type.Object({
  id: Type.String(), kind: Type.String(), status: literalUnion(['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const),
  progress: Type.Number({ minimum: 0, maximum: 1 }), decisionId: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  attempts: Type.Integer(), createdAt: Type.String(), startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  decision: Type.Optional(DecisionSchema),
}, { $id: 'Job' });

const Accepted = Type.Object({ jobId: Type.String(), status: Type.String(), job: Type.String({ description: 'Where to follow it: /v1/jobs/{jobId}.' }) });

const FIELD_MAX_BYTES = 16 * 1024;

export async function jobRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  await app.register(multipart, { limits: { fileSize: service.recordings.settings.maxBytes, files: 1, fields: 8, fieldSize: FIELD_MAX_BYTES, parts: 10 } });
  // The recording is streamed to disk by the route, not buffered by a parser.
  app.addContentTypeParser(/^(audio|video)\/[\w.+-]+$|^application\/octet-stream$/, (_req, payload, done) => done(null, payload));

  for (const kind of ['audio', 'video'] as const) {
    app.post<{ Body: Static<typeof JsonBody> | Readable | undefined; Querystring: Static<typeof Query> }>(`/v1/moderate/${kind}`, {
      config: { scope: 'moderate' },
      bodyLimit: FIELD_MAX_BYTES * 2,
      schema: {
        tags: ['moderation'],
        summary: kind === 'audio' ? 'Moderate a recording of speech (a job)' : 'Moderate a video: sampled frames as pictures, its sound as speech (a job)',
        description: 'Send the file as multipart/form-data (a `file` part, after the `policy`, `dataId`, `lang`, `interval`, `metadata` fields), ' +
          'as a raw audio/* or video/* body (the same fields in the query), or as JSON `{ "url": … }`. Any format ffmpeg reads. ' +
          'The answer is 202 with the job id; follow GET /v1/jobs/{id}, or subscribe a webhook to job.completed and job.failed.',
        querystring: Query,
        body: { content: { 'application/json': { schema: JsonBody } } },
        response: { 202: Accepted, ...errorResponses(403, 413, 415, 503) },
      },
    }, async (req, reply) => {
      const { tenantId } = principalOf(req);
      const job = await submitted(req, service, tenantId, kind);
      return reply.code(202).header('location', `/v1/jobs/${job.id}`).send({ jobId: job.id, status: job.status, job: `/v1/jobs/${job.id}` });
    });
  }

  app.get<{ Params: Static<typeof IdParams> }>('/v1/jobs/:id', {
    config: { scope: 'moderate' },
    schema: { tags: ['moderation'], summary: 'A job: status, progress, and the decision once it succeeded', params: IdParams,
      response: { 200: JobSchema, ...errorResponses(403, 404) } },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    const job = await service.stores.jobs.get(tenantId, req.params.id);
    if (!job.decision_id) return jobView(job);
    await service.flushDecisions();
    const row = await service.stores.decisions.get(tenantId, job.decision_id);
    if (!row) return jobView(job);
    const { content: _content, contentHash: _hash, ...decision } = rowToDecision(row);
    return { ...jobView(job), decision };
  });

  app.delete<{ Params: Static<typeof IdParams> }>('/v1/jobs/:id', {
    config: { scope: 'moderate' },
    schema: { tags: ['moderation'], summary: 'Cancel a queued or running job', params: IdParams, response: { 200: JobSchema, ...errorResponses(403, 404, 409) } },
  }, async (req) => jobView(await service.recordings.cancel(principalOf(req).tenantId, req.params.id)));
}

async function submitted(req: FastifyRequest<{ Querystring: Static<typeof Query> }>, service: Service, tenantId: string, kind: Kind) {
  if (req.isMultipart()) return multipartJob(req, service, tenantId, kind);
  const body = req.body as Static<typeof JsonBody> | Readable | undefined;
  if (body && typeof (body as Readable).pipe === 'function') {
    const { policy, dataId, lang, interval, callbackUrl } = req.query;
    const secret = req.headers[CALLBACK_SECRET_HEADER];
    const callback = await callbackOf(service, callbackUrl, typeof secret === 'string' ? secret : undefined);
    return service.recordings.submit(tenantId, kind, { stream: body as Readable }, onlyForVideo(kind, { policy, dataId, lang, interval }), callback);
  }
  if (!body) throw new BulwarkError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'Send the recording as multipart/form-data, an audio/* body or JSON { "url": … }.');
  if (Object.keys(req.query).length > 0) throw new BulwarkError('REQUEST_INVALID', 'With a JSON body, put policy, dataId and lang in the JSON.');
  const json = body as Static<typeof JsonBody>;
  checkMetadata(json.metadata);
  parseUrl(json.url);
  return service.recordings.submit(tenantId, kind, { url: json.url },
    onlyForVideo(kind, { policy: json.policy, dataId: json.dataId, lang: json.lang, interval: json.interval, metadata: json.metadata }),
    await callbackOf(service, json.callbackUrl, json.callbackSecret));
}

/** A callbackUrl comes with the secret its delivery is signed with; both or neither. */
async function callbackOf(service: Service, url: string | undefined, secret: string | undefined): Promise<JobCallback | null> {
  if (url === undefined && secret === undefined) return null;
  if (url === undefined || secret === undefined) throw new BulwarkError('REQUEST_INVALID', 'Send callbackUrl and callbackSecret together.');
  if (secret.length < 16 || secret.length > 256) throw new BulwarkError('REQUEST_INVALID', 'callbackSecret must be 16 to 256 characters.');
  return { url: await checkedReceiverUrl(url, service.config.fetchAllowHosts), secret };
}

function onlyForVideo(kind: Kind, request: RecordingRequest): RecordingRequest {
  if (kind !== 'video' && request.interval !== undefined) throw new BulwarkError('REQUEST_INVALID', '"interval" is for videos.');
  return request;
}

/** Fields may come before or after the file; the file is streamed to disk as it arrives. */
async function multipartJob(req: FastifyRequest, service: Service, tenantId: string, kind: Kind) {
  const fields: RecordingRequest = {};
  const callback: { url?: string; secret?: string } = {};
  let job: Awaited<ReturnType<typeof service.recordings.submit>> | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new BulwarkError('REQUEST_INVALID', `Unknown file part "${part.fieldname}"; send the recording as "file".`);
        job = await service.recordings.submit(tenantId, kind, { stream: part.file }, onlyForVideo(kind, fields), await callbackOf(service, callback.url, callback.secret));
        if (part.file.truncated) throw new BulwarkError('MEDIA_TOO_LARGE', 'The recording is larger than the limit.');
        continue;
      }
      if (job) throw new BulwarkError('REQUEST_INVALID', 'Send the fields before the file part.');
      const value = String(part.value);
      if (part.fieldname === 'policy') fields.policy = checkedField('policy', value, new RegExp(POLICY_NAME_PATTERN));
      else if (part.fieldname === 'dataId') fields.dataId = checkedField('dataId', value, /^[^]{1,128}$/);
      else if (part.fieldname === 'lang') fields.lang = checkedField('lang', value, /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
      else if (part.fieldname === 'metadata') fields.metadata = metadataField(value);
      else if (part.fieldname === 'interval') fields.interval = checkedInterval(value);
      else if (part.fieldname === 'callbackUrl') callback.url = value;
      else if (part.fieldname === 'callbackSecret') callback.secret = value;
      else throw new BulwarkError('REQUEST_INVALID', `Unknown field "${part.fieldname}".`);
    }
  } catch (err) {
    if (job) await service.recordings.cancel(tenantId, job.id).catch(() => undefined);
    throw multipartError(err, 'recording');
  }
  if (!job) throw new BulwarkError('REQUEST_INVALID', 'The multipart body has no "file" part.');
  return job;
}

function checkedInterval(value: string): number {
  const interval = Number(checkedField('interval', value, INTERVAL_PATTERN));
  if (interval < 0.2 || interval > 60) throw new BulwarkError('REQUEST_INVALID', 'Field "interval" must be 0.2 to 60 seconds.');
  return interval;
}
