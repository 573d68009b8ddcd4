// Bearer API keys. Each route names the scope it needs in its config ('any': every valid key);
// the key is resolved to a Principal (tenant + scopes). Lookups are cached briefly so a hot path costs one hash, not a query.

import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KeyRateLimiter } from './rateLimit.js';
import { BulwarkError } from '../../errors.js';
import { hasScope } from '../../tenants/index.js';
import type { Principal, Scope } from '../../tenants/index.js';

export interface KeyLookup {
  findByKey(key: string): Promise<Principal | null>;
}

declare module 'fastify' {
  interface FastifyContextConfig { scope?: Scope | 'any' }
  interface FastifyRequest { principal: Principal | null }
}

const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;

export class KeyCache {
  #entries = new Map<string, { principal: Principal | null; until: number }>();
  readonly #lookup: KeyLookup;

  constructor(lookup: KeyLookup) { this.#lookup = lookup; }

  async resolve(key: string): Promise<Principal | null> {
    const id = createHash('sha256').update(key).digest('base64');
    const hit = this.#entries.get(id);
    if (hit && hit.until > Date.now()) return hit.principal;
    const principal = await this.#lookup.findByKey(key);
    if (this.#entries.size >= CACHE_MAX) this.#entries.clear();
    this.#entries.set(id, { principal, until: Date.now() + CACHE_MS });
    return principal;
  }

  /** Forget everything, e.g. after a key was revoked in this process. */
  clear(): void { this.#entries.clear(); }
}

export function installAuth(app: FastifyInstance, keys: KeyCache, limiter: KeyRateLimiter | null = null): void {
  app.decorateRequest('principal', null);
  // onRequest: before the body is read or validated, so anonymous callers get 401, not parsing work.
  app.addHook('onRequest', async (req, reply) => {
    const scope = req.routeOptions.config?.scope;
    if (!scope) return;
    const principal = await keys.resolve(bearerKey(req));
    if (!principal) throw new BulwarkError('AUTH_INVALID_KEY');
    if (scope !== 'any' && !hasScope(principal.scopes, scope)) {
      throw new BulwarkError('AUTH_FORBIDDEN_SCOPE', `This route needs the "${scope}" scope.`);
    }
    const wait = limiter ? limiter.take(principal.keyId) : 0;
    if (wait > 0) {
      void reply.header('retry-after', String(Math.ceil(wait)));
      throw new BulwarkError('REQUEST_RATE_LIMITED', `This key may make ${limiter!.perSecond} requests a second; retry in ${wait.toFixed(2)} s.`);
    }
    req.principal = principal;
  });
}

function bearerKey(req: FastifyRequest): string {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw new BulwarkError('AUTH_MISSING_KEY');
  return match[1];
}

/** The caller of an authenticated route (the preHandler guarantees it is set). */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new BulwarkError('AUTH_MISSING_KEY');
  return req.principal;
}
