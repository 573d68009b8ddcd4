// The review queue: open and claimed items, oldest or riskiest first; the selected item's content
// with its evidence and the machine's scores; approve or reject, all from the keyboard too.

import { useCallback, useEffect, useState } from 'react';
import { ApiError, call } from './api';
import type { Review } from './api';
import { ContentView } from './ContentView';
import { Scores } from './Scores';
import { useShortcuts } from './useShortcuts';

type Order = 'oldest' | 'riskiest';

export function ReviewQueue() {
  const [order, setOrder] = useState<Order>('oldest');
  const [items, setItems] = useState<Review[] | null>(null);
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState('');
  const load = useCallback(async () => {
    const [open, claimed] = await Promise.all((['open', 'claimed'] as const).map((s) => call('get', '/v1/reviews', { query: { status: s, order, limit: '100' } })));
    const all = [...open.reviews, ...claimed.reviews];
    all.sort(order === 'riskiest' ? (a, b) => b.risk - a.risk : (a, b) => a.createdAt.localeCompare(b.createdAt));
    setItems(all);
  }, [order]);
  useEffect(() => { load().catch((err: unknown) => setStatus(String(err))); }, [load]);
  const current = items?.[Math.min(selected, items.length - 1)];

  const decide = useCallback(async (outcome: 'approve' | 'reject') => {
    if (!current) return;
    try {
      await call('post', '/v1/reviews/{id}/decide', { params: { id: current.id }, body: { outcome } });
      setStatus(outcome === 'approve' ? 'Approved' : 'Rejected');
      await load();
    } catch (err) {
      setStatus(err instanceof ApiError ? `${err.code}: ${err.message}` : String(err));
    }
  }, [current, load]);

  useShortcuts({
    j: () => setSelected((k) => Math.min(k + 1, (items?.length ?? 1) - 1)),
    k: () => setSelected((k) => Math.max(k - 1, 0)),
    a: () => void decide('approve'),
    r: () => void decide('reject'),
  });

  return (
    <div className="queue">
      <section className="list-pane">
        <h1>Review queue</h1>
        <label>Order <select value={order} onChange={(e) => setOrder(e.target.value as Order)}>
          <option value="oldest">Oldest first</option><option value="riskiest">Riskiest first</option>
        </select></label>
        {items && items.length === 0 && <p>The queue is empty.</p>}
        <ul aria-label="Review queue items" className="items">
          {items?.map((item, k) => (
            <li key={item.id}>
              <button type="button" aria-current={item === current} onClick={() => setSelected(k)}>
                <span className={`chip ${item.decision?.suggestion ?? ''}`}>{item.decision?.suggestion ?? '?'}</span>
                {' '}{(item.decision?.content ?? item.decision?.evidence[0]?.text ?? item.decisionId).slice(0, 80)}
              </button>
            </li>
          ))}
        </ul>
        <p className="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>a</kbd> approve · <kbd>r</kbd> reject</p>
      </section>
      <section className="item-pane">
        {current?.decision && (
          <>
            <h2>{current.decision.kind} · {current.decision.suggestion} · <a href={`#/decisions/${current.decision.id}`}>{current.decision.id}</a></h2>
            <ContentView decision={current.decision} />
            <Scores decision={current.decision} />
            <div className="actions">
              <button type="button" className="approve" onClick={() => void decide('approve')}>Approve <kbd>a</kbd></button>
              <button type="button" className="reject" onClick={() => void decide('reject')}>Reject <kbd>r</kbd></button>
            </div>
          </>
        )}
        <p role="status">{status}</p>
      </section>
    </div>
  );
}
