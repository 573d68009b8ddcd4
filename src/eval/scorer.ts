// Where scores come from: the pipeline in this process (the default tenant's policy and lists,
// nothing written to the audit log), or a running server through its public API.

import { TEXT_BATCH_MAX } from '../content/index.js';
import type { Category } from '../content/index.js';
import { loadConfig } from '../config.js';
import { moderateText } from '../moderation/index.js';
import type { Decision } from '../moderation/index.js';
import { createService, DEFAULT_TENANT_ID } from '../service/index.js';
import type { Scored } from './evaluate.js';

export interface Scorer {
  /** Scores up to TEXT_BATCH_MAX texts, in order. */
  score(texts: readonly string[]): Promise<Scored[]>;
  /** Names what was measured (detector versions, policy), for the report. */
  describe(): string;
  close(): Promise<void>;
}

export function toScored(d: Pick<Decision, 'categories' | 'reasons'>): Scored {
  const scores = Object.fromEntries(Object.entries(d.categories).map(([c, r]) => [c, r.score])) as Record<Category, number>;
  return { scores, flagged: new Set(d.reasons.map((r) => r.category)) };
}

export async function inProcessScorer(policyName = 'default'): Promise<Scorer> {
  const service = await createService(loadConfig());
  const policy = await service.sources.policy(DEFAULT_TENANT_ID, policyName);
  const lists = await service.sources.lists(DEFAULT_TENANT_ID);
  let models = '';
  return {
    async score(texts) {
      const createdAt = new Date().toISOString();
      const out: Scored[] = [];
      for (const text of texts) {
        const d = await moderateText({ text }, { id: 'dec_eval', createdAt, policy, lists, detectors: service.detectors });
        models ||= Object.entries(d.models).map(([k, v]) => `${k} ${v}`).join(', ');
        out.push(toScored(d));
      }
      return out;
    },
    describe: () => `in-process, policy ${policy.name}@${policy.version}, ${lists.length} custom list(s), detectors: ${models}`,
    close: () => service.close(),
  };
}

export function httpScorer(url: string, key: string, policy?: string): Scorer {
  const endpoint = new URL('/v1/moderate/text', url).toString();
  let seen = '';
  return {
    async score(texts) {
      if (texts.length > TEXT_BATCH_MAX) throw new Error(`at most ${TEXT_BATCH_MAX} texts per call`);
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ texts, ...(policy ? { policy } : {}) }),
      });
      const body = await res.json() as { results?: Decision[]; code?: string; message?: string };
      if (!res.ok || !body.results) throw new Error(`${endpoint} answered ${res.status} ${body.code ?? ''}: ${body.message ?? ''}`);
      const first = body.results[0];
      if (first && !seen) seen = `policy ${first.policy}, detectors: ${Object.entries(first.models).map(([k, v]) => `${k} ${v}`).join(', ')}`;
      return body.results.map(toScored);
    },
    describe: () => `${url}, ${seen}`,
    close: async () => {},
  };
}
