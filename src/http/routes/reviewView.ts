// Review rows as the API shows them, with the names of the keys that claimed and decided them
// (read in one query for a whole page).

import type { KeyStore } from '../../db/index.js';
import type { ReviewTable } from '../../db/schema.js';

export type ReviewView = ReturnType<typeof reviewView>;

function reviewView(row: ReviewTable, keyNames: ReadonlyMap<string, string>) {
  const nameOf = (keyId: string | null) => (keyId ? keyNames.get(keyId) ?? null : null);
  return {
    id: row.id,
    decisionId: row.decision_id,
    status: row.status,
    risk: Number(row.risk),
    claimedBy: row.claimed_by,
    claimedByName: nameOf(row.claimed_by),
    claimedAt: row.claimed_at,
    outcome: row.outcome,
    labels: JSON.parse(row.labels) as string[],
    note: row.note,
    decidedBy: row.decided_by,
    decidedByName: nameOf(row.decided_by),
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

export async function reviewViews(keys: KeyStore, tenantId: string, rows: readonly ReviewTable[]): Promise<ReviewView[]> {
  const keyIds = rows.flatMap((r) => [r.claimed_by, r.decided_by]).filter((id): id is string => id !== null);
  const names = await keys.names(tenantId, keyIds);
  return rows.map((row) => reviewView(row, names));
}

export async function oneReviewView(keys: KeyStore, tenantId: string, row: ReviewTable): Promise<ReviewView> {
  const [view] = await reviewViews(keys, tenantId, [row]);
  return view;
}
