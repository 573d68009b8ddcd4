// decision.flagged: every decision that is not a pass, once stored, is announced to the tenant's
// endpoints that asked for it, as the decision the API returns (never the content itself).

import type { DecisionTable } from '../db/schema.js';
import type { WebhookEvents } from '../webhooks/events.js';
import { rowToDecision } from './decisionRows.js';

export async function announceFlagged(webhooks: WebhookEvents, rows: readonly DecisionTable[]): Promise<void> {
  for (const row of rows) {
    if (row.suggestion === 'pass' || !(await webhooks.wanted(row.tenant_id, 'decision.flagged'))) continue;
    const { content: _content, contentHash: _hash, ...decision } = rowToDecision(row);
    await webhooks.emit(row.tenant_id, 'decision.flagged', { decision }, new Date(row.created_at));
  }
}
