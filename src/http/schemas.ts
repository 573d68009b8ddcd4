// Shared TypeBox schemas: they validate requests, serialise responses and generate the
// OpenAPI document, so the docs cannot drift from the code.

import { Type } from '@sinclair/typebox';
import type { TLiteral, TSchema, TUnion } from '@sinclair/typebox';
import { CATEGORIES, SEVERITIES, SUGGESTIONS, CONTENT_KINDS } from '../content/index.js';
import { ERRORS } from '../errors.js';

type LiteralsOf<T extends readonly string[]> = { [K in keyof T]: TLiteral<T[K]> };

/** A closed set (an `as const` tuple) as a schema whose static type keeps the literals. */
export function literalUnion<const T extends readonly string[]>(values: T, description?: string): TUnion<[...LiteralsOf<T>]> {
  return Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {}) as unknown as TUnion<[...LiteralsOf<T>]>;
}

export const ErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  code: literalUnion(Object.keys(ERRORS) as (keyof typeof ERRORS)[], 'Machine-readable code; see docs/errors.md.'),
  error: Type.String(),
  message: Type.String(),
  requestId: Type.String(),
}, { $id: 'Error', description: 'Every error has this shape.' });

/** A policy's name, as requests name it. */
export const POLICY_NAME_PATTERN = '^[A-Za-z0-9_.-]{1,64}$';
export const PolicyNameSchema = Type.String({ pattern: POLICY_NAME_PATTERN, description: 'Policy name; default "default".' });

export const SpanSchema = Type.Object({
  start: Type.Integer({ description: 'Offset in the original text, UTF-16 code units.' }),
  end: Type.Integer(),
});

export const CategoryResultSchema = Type.Object({
  score: Type.Number({ minimum: 0, maximum: 1 }),
  severity: literalUnion(SEVERITIES),
});

export const EvidenceSchema = Type.Object({
  category: literalUnion(CATEGORIES),
  source: Type.String({ description: 'lexicon, list, url, phone, email, handle, pii, spam, classifier, …' }),
  text: Type.String({ description: 'The original text that matched.' }),
  span: Type.Optional(SpanSchema),
  rule: Type.String(),
  severity: literalUnion(SEVERITIES),
  score: Type.Number(),
  mask: Type.Optional(Type.Boolean()),
  entry: Type.Optional(Type.String()),
  quoted: Type.Optional(Type.Boolean({ description: 'Inside quotation marks: reported or condemned words, severity lowered to low.' })),
  action: Type.Optional(literalUnion(['allow', 'review', 'block'] as const)),
  overrides: Type.Optional(Type.Array(Type.String())),
  listId: Type.Optional(Type.String()),
  region: Type.Optional(Type.Object({ x: Type.Integer(), y: Type.Integer(), w: Type.Integer(), h: Type.Integer() },
    { description: 'Where in the picture, in original pixels (EXIF orientation applied).' })),
  frame: Type.Optional(Type.Integer({ description: 'The frame of an animated picture (0-based).' })),
  time: Type.Optional(Type.Object({ start: Type.Number(), end: Type.Number() },
    { description: 'Audio and video evidence: when, in seconds from the start.' })),
  readText: Type.Optional(Type.String({ description: 'The whole text read from the picture (a QR payload); span points into it.' })),
  distance: Type.Optional(Type.Integer({ description: 'Image hash lists: bits between the picture\'s PDQ hash and the entry.' })),
  orientation: Type.Optional(Type.String({ description: 'Image hash lists: the turn of the picture that matched (original, rotate90, …, exact).' })),
});

export const ReasonSchema = Type.Object({
  category: literalUnion(CATEGORIES),
  suggestion: literalUnion(['review', 'block'] as const),
  by: Type.String(),
});

const CategoriesSchema = Type.Object(
  Object.fromEntries(CATEGORIES.map((c) => [c, CategoryResultSchema])) as Record<string, TSchema>,
);

export const ReviewOutcomeSchema = Type.Object({
  id: Type.String(),
  status: Type.String(),
  outcome: Type.Union([Type.String(), Type.Null()]),
  labels: Type.Array(Type.String()),
  note: Type.Union([Type.String(), Type.Null()]),
  decidedBy: Type.Union([Type.String(), Type.Null()], { description: 'The id of the key that decided.' }),
  decidedByName: Type.Union([Type.String(), Type.Null()], { description: 'The name of the key that decided.' }),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
});

export const DecisionSchema = Type.Object({
  id: Type.String(),
  kind: literalUnion(CONTENT_KINDS),
  suggestion: literalUnion(SUGGESTIONS),
  policy: Type.String({ description: 'name@version of the policy that decided.' }),
  categories: CategoriesSchema,
  evidence: Type.Array(EvidenceSchema),
  reasons: Type.Array(ReasonSchema),
  maskedText: Type.Optional(Type.String()),
  media: Type.Optional(Type.Object({
    format: Type.String(), width: Type.Integer(), height: Type.Integer(), frames: Type.Integer(), bytes: Type.Integer(),
    sha256: Type.String(), pdq: Type.String({ description: 'PDQ hash, 64 hex digits: what an image hash list matches.' }),
    pdqQuality: Type.Integer({ description: '0–100; below 50 the picture is too flat for its PDQ to mean much.' }),
  }, { description: 'Pictures: format, size (EXIF orientation applied) and hashes. The bytes are kept only for review (GET /v1/decisions/{id}/media) when the tenant stores content and the picture was flagged.' })),
  recording: Type.Optional(Type.Object({
    format: Type.String(), duration: Type.Number({ description: 'Seconds.' }), bytes: Type.Integer(), sha256: Type.String(),
    video: Type.Union([Type.Object({ width: Type.Integer(), height: Type.Integer() }), Type.Null()]),
    frames: Type.Optional(Type.Object({ interval: Type.Number(), sampled: Type.Integer(), analysed: Type.Integer() },
      { description: 'Video: frames sampled (every interval seconds and at scene changes) and analysed (near-duplicates skipped).' })),
  }, { description: 'Audio and video: what was moderated. The file is kept only for review (GET /v1/decisions/{id}/media) when the tenant stores content and it was flagged.' })),
  timeline: Type.Optional(Type.Array(Type.Object({
    start: Type.Number(), end: Type.Number(), categories: Type.Array(literalUnion(CATEGORIES)), severity: literalUnion(SEVERITIES),
  }), { description: 'Audio and video: the flagged moments, in order.' })),
  transcript: Type.Optional(Type.Object({
    language: Type.String(), engine: Type.Union([Type.String(), Type.Null()]), text: Type.String(),
    segments: Type.Array(Type.Object({ start: Type.Number(), end: Type.Number(), text: Type.String() })),
    note: Type.Optional(Type.String()),
  }, { description: 'Audio and video: what was heard (text and segments empty when the tenant omits transcripts).' })),
  models: Type.Record(Type.String(), Type.String()),
  latencyMs: Type.Number(),
  dataId: Type.Union([Type.String(), Type.Null()]),
  metadata: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  createdAt: Type.String(),
  contentHash: Type.Optional(Type.String()),
  content: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  review: Type.Optional(Type.Union([ReviewOutcomeSchema, Type.Null()])),
}, { $id: 'Decision' });

export const CursorQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
};

export const IdParams = Type.Object({ id: Type.String({ pattern: '^[a-z]{2,5}_[0-9a-z]{1,40}$', description: 'A Bulwark id, e.g. dec_…' }) });

/** Standard error responses for a route's OpenAPI entry. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorSchema> {
  return Object.fromEntries([400, 401, ...statuses].map((s) => [s, ErrorSchema]));
}
