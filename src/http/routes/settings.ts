// Per-tenant settings: whether decisions keep the content itself (default: only its SHA-256), the
// opt-in the audit log needs for reviewers to see what they judge later; and whether audio and
// video decisions include the transcript (default: they do).

import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Service } from '../../service/index.js';
import { principalOf } from '../plugins/auth.js';
import { errorResponses } from '../schemas.js';

const SettingsSchema = Type.Object({
  storeContent: Type.Boolean({ description: 'Store the moderated content with each decision (default false: only its hash). Always true when the operator set BULWARK_STORE_CONTENT=true.' }),
  includeTranscript: Type.Boolean({ description: 'Audio and video decisions include the transcript and the heard text of each finding (default true).' }),
}, { $id: 'Settings' });
const PatchBody = Type.Partial(SettingsSchema, { additionalProperties: false });

export async function settingsRoutes(app: FastifyInstance, { service }: { service: Service }): Promise<void> {
  app.get('/v1/settings', {
    config: { scope: 'admin' },
    schema: { tags: ['settings'], summary: "The tenant's settings", response: { 200: SettingsSchema, ...errorResponses(403) } },
  }, async (req) => {
    return service.tenantSettings(principalOf(req).tenantId);
  });

  app.patch<{ Body: Static<typeof PatchBody> }>('/v1/settings', {
    config: { scope: 'admin' },
    schema: { tags: ['settings'], summary: "Change the tenant's settings", body: PatchBody, response: { 200: SettingsSchema, ...errorResponses(403) } },
  }, async (req) => {
    const { tenantId, keyId } = principalOf(req);
    await service.stores.tenants.updateSettings(tenantId, req.body);
    await service.changed({ tenant: tenantId });
    await service.stores.audit.record({ tenantId, actor: keyId, action: 'settings.update', target: tenantId, detail: { ...req.body } });
    return service.tenantSettings(tenantId);
  });
}
