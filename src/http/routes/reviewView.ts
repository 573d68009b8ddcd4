// A review row as the API shows it.

import type { ReviewTable } from '../../db/schema.js';

export function reviewView(row: ReviewTable) {
  return {
    id: row.id,
    decisionId: row.decision_id,
    status: row.status,
    risk: Number(row.risk),
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at,
    outcome: row.outcome,
    labels: JSON.parse(row.labels) as string[],
    note: row.note,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}
