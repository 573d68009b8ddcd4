// Policies: per-category review/block thresholds and the lists that apply. Every PUT stores a
// new version; decisions record name@version, so the audit trail shows which rules decided.
// A preview replays recent decisions under a proposed body before anyone saves it.

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { SUGGESTIONS } from '../../content/index.js';
import { BulwarkError } from '../../errors.js';
import { PREVIEW_LAST_DEFAULT, PREVIEW_LAST_MAX, previewPolicy } from '../../moderation/index.js';
import { parsePolicyBody } from '../../policies/index.js';
import type { PolicyBody } from '../../policies/index.js';
import { rowToReplayed } from '../../service/index.js';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { POLICY_NAME_PATTERN, errorResponses, literalUnion } from '../schemas.js';

// Loose here on purpose: parsePolicyBody checks the values and answers POLICY_INVALID with a reason.
const Threshold = Type.Union([Type.Number(), Type.String(), Type.Null()],
  { description: 'A score in [0, 1], a severity (low|medium|high), or null for never.' });
const Rule = Type.Object({ review: Type.Optional(Threshold), block: Type.Optional(Threshold) });
const Body = Type.Object({
  description: Type.Optional(Type.String({ maxLength: 500 })),
  categories: Type.Optional(Type.Record(Type.String(), Rule, { description: 'Categories left out keep the defaults.' })),
  lists: Type.Optional(Type.Union([Type.Literal('all'), Type.Array(Type.String())])),
}, { additionalProperties: false });

const PreviewBody = Type.Object({
  ...Body.properties,
  last: Type.Optional(Type.Integer({ minimum: 1, maximum: PREVIEW_LAST_MAX,
    description: `How many of the newest decisions made under this policy (any version) to replay; default ${PREVIEW_LAST_DEFAULT}.` })),
}, { additionalProperties: false });

const Counts = Type.Object({ pass: Type.Integer(), review: Type.Integer(), block: Type.Integer() });
const PreviewSchema = Type.Object({
  policy: Type.String(), version: Type.Integer({ description: 'The current version, replayed beside the proposed body.' }),
  last: Type.Integer(), considered: Type.Integer({ description: 'Decisions replayed (fewer than last when there are fewer).' }),
  current: Counts, proposed: Counts,
  difference: Type.Object(Counts.properties, { description: 'proposed − current: block +12 is "12 more blocks".' }),
  changed: Type.Integer({ description: 'Decisions whose suggestion changes.' }),
  approximate: Type.Integer({ description: 'Decisions the replay had to approximate (lists applied differently); see docs/api.md.' }),
  examples: Type.Array(Type.Object({ id: Type.String(), from: literalUnion(SUGGESTIONS), to: literalUnion(SUGGESTIONS) }),
    { description: 'Up to 10 changed decisions, newest first.' }),
});

const PolicySchema = Type.Object({
  name: Type.String(), version: Type.Integer(), createdAt: Type.String(),
  description: Type.Optional(Type.String()),
  categories: Type.Record(Type.String(), Type.Object({ review: Threshold, block: Threshold })),
  lists: Type.Union([Type.Literal('all'), Type.Array(Type.String())]),
}, { $id: 'Policy' });

const NameParams = Type.Object({ name: Type.String({ pattern: POLICY_NAME_PATTERN }) });
const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

type Stored = { name: string; version: number; body: unknown; createdAt: string };
const view = (p: Stored) => ({ name: p.name, version: p.version, createdAt: p.createdAt, ...parsePolicyBody(p.body) });

export async function policyRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  const policies = service.stores.policies;
  const latest = async (tenantId: string, name: string) => {
    await service.sources.policy(tenantId, 'default'); // makes sure the default exists
    const p = await policies.latest(tenantId, name);
    if (!p) throw new BulwarkError('POLICY_NOT_FOUND', `No policy named "${name}".`);
    return p;
  };
  const listIdsOf = async (tenantId: string) => new Set((await service.stores.lists.listsForTenant(tenantId)).map((l) => l.id));
  /** The body as PUT takes it: valid, and naming only lists the tenant has (`known`, when already read). */
  const proposal = async (tenantId: string, input: unknown, known?: ReadonlySet<string>): Promise<PolicyBody> => {
    const body = parsePolicyBody(input);
    if (body.lists !== 'all') {
      const ids = known ?? await listIdsOf(tenantId);
      const unknown = body.lists.filter((id) => !ids.has(id));
      if (unknown.length > 0) throw new BulwarkError('POLICY_INVALID', `Unknown list id(s): ${unknown.join(', ')}.`, { unknown });
    }
    return body;
  };

  app.get('/v1/policies', {
    config: { scope: 'review' },
    schema: { tags: ['policies'], summary: 'The latest version of every policy', response: { 200: Type.Object({ policies: Type.Array(PolicySchema) }) } },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    await service.sources.policy(tenantId, 'default');
    return { policies: (await policies.list(tenantId)).map(view) };
  });

  app.get<{ Params: Static<typeof NameParams>; Querystring: Static<typeof VersionQuery> }>('/v1/policies/:name', {
    config: { scope: 'review' },
    schema: { tags: ['policies'], summary: 'A policy (latest, or ?version=N)', params: NameParams, querystring: VersionQuery,
      response: { 200: PolicySchema, ...errorResponses(404) } },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    if (req.query.version === undefined) return view(await latest(tenantId, req.params.name));
    const p = await policies.get(tenantId, req.params.name, req.query.version);
    if (!p) throw new BulwarkError('POLICY_NOT_FOUND', `No version ${req.query.version} of "${req.params.name}".`);
    return view(p);
  });

  app.get<{ Params: Static<typeof NameParams> }>('/v1/policies/:name/versions', {
    config: { scope: 'review' },
    schema: { tags: ['policies'], summary: 'Every version of a policy, newest first', params: NameParams,
      response: { 200: Type.Object({ versions: Type.Array(PolicySchema) }), ...errorResponses(404) } },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    await latest(tenantId, req.params.name);
    return { versions: (await policies.versions(tenantId, req.params.name)).map(view) };
  });

  app.put<{ Params: Static<typeof NameParams>; Body: Static<typeof Body> }>('/v1/policies/:name', {
    config: { scope: 'admin' },
    schema: { tags: ['policies'], summary: 'Create a policy or store a new version of it', params: NameParams, body: Body,
      response: { 200: PolicySchema, ...errorResponses(400, 403) } },
  }, async (req) => {
    const { tenantId, keyId } = principalOf(req);
    const body = await proposal(tenantId, req.body);
    const saved = await policies.save(tenantId, req.params.name, body);
    await service.changed({ tenant: tenantId });
    await service.stores.audit.record({ tenantId, actor: keyId, action: 'policy.update', target: `${saved.name}@${saved.version}`, detail: { ...body } });
    return view(saved);
  });

  app.post<{ Params: Static<typeof NameParams>; Body: Static<typeof PreviewBody> }>('/v1/policies/:name/preview', {
    config: { scope: 'review' },
    schema: { tags: ['policies'], summary: 'What a new version would have decided for the newest decisions (changes nothing)',
      params: NameParams, body: PreviewBody, response: { 200: PreviewSchema, ...errorResponses(400, 403, 404) } },
  }, async (req) => {
    const { tenantId } = principalOf(req);
    const { last = PREVIEW_LAST_DEFAULT, ...input } = req.body;
    const current = await latest(tenantId, req.params.name);
    const listIds = await listIdsOf(tenantId);
    const proposed = await proposal(tenantId, input, listIds);
    const versions = await policies.versions(tenantId, req.params.name);
    const bodies = new Map(versions.map((v) => [`${v.name}@${v.version}`, parsePolicyBody(v.body)]));
    await service.flushDecisions();
    const rows = await service.stores.decisions.newestUnder(tenantId, [...bodies.keys()], last);
    const preview = previewPolicy({
      decisions: rows.map(rowToReplayed), versions: bodies, listIds, current: parsePolicyBody(current.body), proposed,
    });
    return { policy: current.name, version: current.version, last, ...preview };
  });
}
