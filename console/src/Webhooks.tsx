// Webhook endpoints (admin): register, change, enable or disable, rotate the secret, delete; the
// selected endpoint's delivery log ('#/webhooks/<id>'). A new secret is shown once, right here.

import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from './api';
import { Deliveries } from './Deliveries';
import { WebhookCard } from './WebhookCard';
import { WebhookForm, explain } from './WebhookForm';
import type { Webhook, WebhookFields } from './WebhookForm';

type Editing = { mode: 'new' } | { mode: 'edit'; webhook: Webhook } | null;

export function Webhooks({ selected }: { selected: string }) {
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [secret, setSecret] = useState<{ id: string; url: string; secret: string } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  // Only the newest read is shown: quick actions (disable, then enable) can answer out of order.
  const reads = useRef(0);
  const load = useCallback(() => {
    const read = ++reads.current;
    return call('get', '/v1/webhooks').then((r) => { if (read === reads.current) setWebhooks(r.webhooks); }, (err: unknown) => setError(explain(err)));
  }, []);
  useEffect(() => { void load(); }, [load]);

  // Every action ends the same way: say what happened (or why not) and read the endpoints again.
  const run = async (done: string, action: () => Promise<unknown>) => {
    setError('');
    setStatus('');
    try {
      await action();
      setStatus(done);
      await load();
    } catch (err) {
      setError(explain(err));
    }
  };

  const save = async (fields: WebhookFields) => {
    if (editing?.mode === 'edit') {
      const { id } = editing.webhook;
      await call('patch', '/v1/webhooks/{id}', { params: { id }, body: { ...fields, description: fields.description || null } });
      setStatus('Endpoint saved.');
    } else {
      const created = await call('post', '/v1/webhooks', { body: { url: fields.url, events: fields.events, ...(fields.description ? { description: fields.description } : {}) } });
      setSecret({ id: created.id, url: created.url, secret: created.secret });
      setStatus('Endpoint registered.');
    }
    setEditing(null);
    await load();
  };

  const actionsFor = (w: Webhook) => ({
    edit: () => setEditing({ mode: 'edit', webhook: w }),
    setEnabled: (enabled: boolean) => void run(enabled ? 'Endpoint enabled.' : 'Endpoint disabled.',
      () => call('patch', '/v1/webhooks/{id}', { params: { id: w.id }, body: { enabled } })),
    rotate: () => void run('Secret rotated.', async () => {
      const rotated = await call('post', '/v1/webhooks/{id}/rotate-secret', { params: { id: w.id } });
      setSecret({ id: rotated.id, url: rotated.url, secret: rotated.secret });
    }),
    remove: () => void run('Endpoint deleted.', async () => {
      await call('delete', '/v1/webhooks/{id}', { params: { id: w.id } });
      setSecret((shownSecret) => (shownSecret?.id === w.id ? null : shownSecret));
      if (selected === w.id) window.location.hash = '#/webhooks';
    }),
  });

  const shown = webhooks?.find((w) => w.id === selected);
  return (
    <div className="webhooks">
      <h1>Webhooks</h1>
      <p className="muted">Bulwark posts each event, signed with the endpoint’s secret, to every enabled endpoint that wants it
        (docs/api.md, “Webhooks”). Failed deliveries are retried for up to 72 hours.</p>
      {secret && <SecretNotice {...secret} onDone={() => setSecret(null)} />}
      <p role="status">{status}</p>
      {error && <p role="alert" className="error">{error}</p>}
      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">Endpoints</h2>
        {webhooks?.length === 0 && <p>No endpoints yet.</p>}
        <ul className="webhook-list" aria-label="Endpoints">
          {webhooks?.map((w) => <li key={w.id}><WebhookCard webhook={w} selected={w.id === selected} actions={actionsFor(w)} /></li>)}
        </ul>
        {!editing && <button type="button" onClick={() => { setEditing({ mode: 'new' }); setStatus(''); }}>New endpoint</button>}
      </section>
      {editing && (
        <WebhookForm key={editing.mode === 'edit' ? editing.webhook.id : 'new'} editing={editing.mode === 'edit' ? editing.webhook : undefined}
          onSave={save} onCancel={() => setEditing(null)} />
      )}
      {selected && webhooks && (shown ? <Deliveries key={shown.id} webhook={shown} /> : <p role="alert">No such endpoint: {selected}.</p>)}
    </div>
  );
}

/** The signing secret, shown once: selected on focus, with a copy button where the browser allows one. */
function SecretNotice({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => { field.current?.focus(); }, [secret]);
  const copy = () => {
    field.current?.select();
    if (!navigator.clipboard) { setCopied('Select the secret and press Ctrl+C (⌘C).'); return; }
    navigator.clipboard.writeText(secret).then(() => setCopied('Copied.'), () => setCopied('Could not copy: select the secret and press Ctrl+C (⌘C).'));
  };
  return (
    <section className="secret" aria-labelledby="secret-heading">
      <h2 id="secret-heading">New signing secret</h2>
      <p>For <span className="webhook-url">{url}</span>. Copy it now: it is shown only this once. Your receiver checks each
        delivery’s <code>Bulwark-Signature</code> with it.</p>
      <label htmlFor="webhook-secret">Signing secret</label>
      <div className="secret-row">
        <input id="webhook-secret" ref={field} readOnly value={secret} onFocus={(e) => e.target.select()} spellCheck={false} />
        <button type="button" onClick={copy}>Copy</button>
        <button type="button" onClick={onDone}>Done, I have kept it</button>
      </div>
      <p role="status">{copied}</p>
    </section>
  );
}
