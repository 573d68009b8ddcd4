// An endpoint's delivery log, newest first, each event's body a click away, with cursor paging and
// Redeliver. While a delivery shown is still pending, the first page is read again every two
// seconds, so a send's end appears by itself.

import { useCallback, useEffect, useState } from 'react';
import { call, when } from './api';
import type { schemas } from './generated/api';
import { explain } from './WebhookForm';
import type { Webhook } from './WebhookForm';

type Delivery = schemas['WebhookDelivery'];

const PAGE = '20';
const POLL_MS = 2_000;

/** The fresh first page over what is shown: updated rows replaced, new ones put on top. */
function merge(shown: Delivery[], fresh: Delivery[]): Delivery[] {
  const byId = new Map(fresh.map((d) => [d.id, d]));
  const added = fresh.filter((d) => !shown.some((s) => s.id === d.id));
  return [...added, ...shown.map((d) => byId.get(d.id) ?? d)];
}

export function Deliveries({ webhook }: { webhook: Webhook }) {
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const page = useCallback((after: string | null) => call('get', '/v1/webhooks/{id}/deliveries',
    { params: { id: webhook.id }, query: { limit: PAGE, ...(after ? { cursor: after } : {}) } }), [webhook.id]);

  useEffect(() => {
    setDeliveries(null);
    setError('');
    page(null).then((p) => { setDeliveries(p.deliveries); setCursor(p.nextCursor); }, (err: unknown) => setError(explain(err)));
  }, [page]);

  const pending = deliveries?.some((d) => d.status === 'pending') ?? false;
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => {
      page(null).then((p) => setDeliveries((shown) => merge(shown ?? [], p.deliveries)), (err: unknown) => setError(explain(err)));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, deliveries, page]);

  const more = () => page(cursor).then((p) => {
    setDeliveries((shown) => [...(shown ?? []), ...p.deliveries]);
    setCursor(p.nextCursor);
  }, (err: unknown) => setError(explain(err)));

  const redeliver = async (d: Delivery) => {
    try {
      const again = await call('post', '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { id: webhook.id, deliveryId: d.id } });
      setDeliveries((shown) => merge(shown ?? [], [again]));
      setStatus(`Queued again: ${d.event} (${d.eventId}).${webhook.enabled ? '' : ' The endpoint is disabled: it is sent once enabled.'}`);
    } catch (err) {
      setError(explain(err));
    }
  };

  return (
    <section className="deliveries" aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading">Deliveries to <span className="webhook-url">{webhook.url}</span></h2>
      <p role="status">{status}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {deliveries === null && !error && <p>Loading…</p>}
      {deliveries?.length === 0 && <p>Nothing sent yet.</p>}
      {deliveries && deliveries.length > 0 && (
        <div className="table-scroll">
          <table className="plain delivery-table" aria-label="Delivery log">
            <thead>
              <tr><th scope="col">Time</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th>
                <th scope="col">Response</th><th scope="col">Error</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td><time dateTime={d.createdAt} title={`${d.id}, last attempt ${when(d.lastAttemptAt)}`}>{when(d.createdAt)}</time></td>
                  <td><EventBody delivery={d} /></td>
                  <td><span className={`chip ${d.status}`}>{d.status}</span>
                    {d.status === 'pending' && d.nextAttemptAt && <span className="hint"> next try {when(d.nextAttemptAt)}</span>}</td>
                  <td>{d.attempts}</td>
                  <td>{d.responseStatus ?? '—'}</td>
                  <td className="delivery-error">{d.lastError ?? '—'}</td>
                  <td><button type="button" onClick={() => void redeliver(d)}>Redeliver<span className="sr-only"> {d.event} of {when(d.createdAt)}</span></button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && <button type="button" onClick={() => void more()}>Load more</button>}
    </section>
  );
}

/** The event's name; opened, the JSON body that was sent (drawn only while open: bodies can be long). */
function EventBody({ delivery }: { delivery: Delivery }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary><code>{delivery.event}</code></summary>
      {open && <pre className="delivery-body" aria-label={`Body of ${delivery.event}`}>{JSON.stringify(delivery.payload, null, 2)}</pre>}
    </details>
  );
}
