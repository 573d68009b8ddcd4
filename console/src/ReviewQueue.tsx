// The review queue: open and claimed items, oldest or riskiest first. Opening an item claims it (so
// other reviewers skip it); the item shows its content with the evidence where it is, the
// machine's scores, and the decide form. Everything a reviewer does all day has a key.

import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorText } from './api';
import type { Review } from './api';
import { ContentView } from './ContentView';
import { DecideForm } from './DecideForm';
import type { List, Verdict } from './DecideForm';
import { allows, useMe } from './me';
import { setPreferences, usePreferences } from './preferences';
import { Scores } from './Scores';
import { useShortcuts } from './useShortcuts';

type Order = 'oldest' | 'riskiest';

const KEYS: [string, string][] = [
  ['j / k', 'next / previous item'], ['a', 'approve'], ['r', 'reject'], ['v', 'reveal or blur the picture or video'],
  ['l', 'labels'], ['n', 'note'], ['t', 'also add to a list'], ['Esc', 'leave a field'],
];

export function ReviewQueue() {
  const me = useMe();
  const preferences = usePreferences();
  const [order, setOrder] = useState<Order>('oldest');
  const [items, setItems] = useState<Review[] | null>(null);
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState('');
  // The lists the decide form may add to, read once for the whole queue.
  const [lists, setLists] = useState<List[]>([]);
  useEffect(() => { call('get', '/v1/lists').then((answer) => setLists(answer.lists), () => setLists([])); }, []);
  const load = useCallback(async () => {
    const [open, claimed] = await Promise.all((['open', 'claimed'] as const).map((s) => call('get', '/v1/reviews', { query: { status: s, order, limit: '100' } })));
    const all = [...open.reviews, ...claimed.reviews];
    all.sort(order === 'riskiest' ? (a, b) => b.risk - a.risk : (a, b) => a.createdAt.localeCompare(b.createdAt));
    setItems(all);
  }, [order]);
  useEffect(() => { load().catch((err: unknown) => setStatus(errorText(err))); }, [load]);
  const current = items?.[Math.min(selected, items.length - 1)];

  // Opening an item (a click, j or k — not merely landing on the queue) claims it for this key,
  // once: a refused claim reloads the queue.
  const [opened, setOpened] = useState(false);
  // Each item's claim, kept so that a verdict given while it is still on its way waits for it
  // (a claim landing after the verdict would be refused, and its error would hide the verdict's status).
  const claims = useRef(new Map<string, Promise<unknown>>());
  useEffect(() => {
    if (!opened || !current || current.status !== 'open' || claims.current.has(current.id)) return;
    claims.current.set(current.id, call('post', '/v1/reviews/{id}/claim', { params: { id: current.id } }).then((claimed) => {
      setItems((all) => all?.map((item) => (item.id === claimed.id ? { ...item, ...claimed } : item)) ?? all);
    }, (err: unknown) => {
      setStatus(errorText(err));
      void load();
    }));
  }, [opened, current, load]);

  const takenByOther = !!current && current.status === 'claimed' && current.claimedBy !== me.keyId;
  const decide = useCallback(async (verdict: Verdict) => {
    if (!current) return;
    try {
      await claims.current.get(current.id);
      await call('post', '/v1/reviews/{id}/decide', { params: { id: current.id }, body: verdict });
      setStatus(`${verdict.outcome === 'approve' ? 'Approved' : 'Rejected'}${verdict.addToList ? ' and added to the list' : ''}`);
      await load();
    } catch (err) {
      setStatus(errorText(err));
    }
  }, [current, load]);

  const open = (move: (k: number) => number) => {
    setOpened(true);
    setSelected(move);
  };
  useShortcuts({
    j: () => open((k) => Math.min(k + 1, (items?.length ?? 1) - 1)),
    k: () => open((k) => Math.max(k - 1, 0)),
  });

  return (
    <div className="queue">
      <section className="list-pane" aria-labelledby="queue-title">
        <h1 id="queue-title">Review queue</h1>
        <label>Order <select value={order} onChange={(e) => setOrder(e.target.value as Order)}>
          <option value="oldest">Oldest first</option><option value="riskiest">Riskiest first</option>
        </select></label>
        {items && items.length === 0 && <p>The queue is empty.</p>}
        <ul aria-label="Review queue items" className="items">
          {items?.map((item, k) => (
            <li key={item.id}>
              <button type="button" aria-current={item === current} onClick={() => open(() => k)}>
                <span className={`chip ${item.decision?.suggestion ?? ''}`}>{item.decision?.suggestion ?? '?'}</span>
                {' '}<span className="chip">{item.decision?.kind}</span>
                {item.status === 'claimed' && item.claimedBy !== me.keyId && <span className="chip"> claimed by {item.claimedByName ?? 'another key'}</span>}
                {' '}{(item.decision?.content ?? item.decision?.evidence[0]?.text ?? item.decisionId).slice(0, 80)}
              </button>
            </li>
          ))}
        </ul>
        <fieldset className="display">
          <legend>Pictures and video</legend>
          <label><input type="checkbox" checked={preferences.veilMedia} onChange={(e) => setPreferences({ veilMedia: e.target.checked })} /> Blur and greyscale until I reveal each one</label>
          <label><input type="checkbox" checked={preferences.keepGreyscale} onChange={(e) => setPreferences({ keepGreyscale: e.target.checked })} /> Keep them greyscale when revealed</label>
        </fieldset>
        <section aria-label="Keyboard shortcuts">
          <h2 className="small">Keys</h2>
          <dl className="keys">{KEYS.map(([key, what]) => <div key={key}><dt><kbd>{key}</kbd></dt><dd>{what}</dd></div>)}</dl>
        </section>
      </section>
      <section className="item-pane" aria-label="Item">
        {current?.decision && (
          <>
            <h2>{current.decision.kind} · {current.decision.suggestion} · <a href={`#/decisions/${current.decision.id}`}>{current.decision.id}</a></h2>
            {takenByOther && <p role="note" className="notice">{current.claimedByName ?? 'Another reviewer'} claimed this item{allows(me.scopes, 'admin') ? '; as an admin you may still decide it.' : '.'}</p>}
            <ContentView decision={current.decision} />
            <Scores decision={current.decision} />
            <DecideForm key={current.id} decision={current.decision} lists={lists} disabled={takenByOther && !allows(me.scopes, 'admin')} onDecide={(v) => void decide(v)} />
          </>
        )}
        <p role="status">{status}</p>
      </section>
    </div>
  );
}
