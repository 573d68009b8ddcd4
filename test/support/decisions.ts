// Decisions for the policy preview's tests, made through the real moderation route: texts with a
// spread of harassment scores (insults of several strengths, a threat), spam, and harmless ones.

import assert from 'node:assert/strict';
import type { TestServer } from './server.js';

export const PREVIEW_TEXTS = [
  'Honestly, you are such an idiot for parking there.',
  'You are a pathetic loser and everyone knows it.',
  'shut up, moron',
  'what a stupid idea, you clown',
  'I will kill you if you come back here.',
  'Great game last night, well played everyone!',
  'Can someone share the meeting notes?',
  'BUY CHEAP PILLS NOW visit cheap-pills.example.com call +1 555 010 9999',
  'The weather is lovely today.',
  'you ugly worthless piece of garbage',
  'Thanks for the help, idiot-proof instructions indeed.',
  'Go away, nobody likes you, freak.',
];

export interface StoredDecision {
  id: string;
  suggestion: 'pass' | 'review' | 'block';
  categories: Record<string, { score: number; severity: string }>;
}

/** Moderates the texts and returns the tenant's stored decisions, newest first (as the preview reads them). */
export async function moderated(s: TestServer, texts: readonly string[]): Promise<StoredDecision[]> {
  const made = await s.call('POST', '/v1/moderate/text', { texts });
  assert.equal(made.status, 200, JSON.stringify(made.body));
  const page = await s.call('GET', '/v1/decisions?limit=500');
  return page.body.decisions as StoredDecision[];
}

/** What moving harassment's block threshold down to a score of `at` does, from the stored scores alone. */
export function harassmentBlockAt(decisions: readonly StoredDecision[], at: number) {
  const tally = (suggestions: readonly string[]) => {
    const counts: Record<string, number> = { pass: 0, review: 0, block: 0 };
    for (const s of suggestions) counts[s] += 1;
    return counts;
  };
  const meets = (d: StoredDecision) => d.categories.harassment.score >= at && d.categories.harassment.score > 0;
  return {
    moved: decisions.filter((d) => d.suggestion !== 'block' && meets(d)),
    current: tally(decisions.map((d) => d.suggestion)),
    proposed: tally(decisions.map((d) => (meets(d) ? 'block' : d.suggestion))),
  };
}
