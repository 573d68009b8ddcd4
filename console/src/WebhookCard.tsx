// One webhook endpoint: what it wants and whether it is working, and what can be done to it.
// Deleting and rotating the secret break a receiver at once, so both ask to be confirmed first.

import { useState } from 'react';
import { when } from './api';
import type { Webhook } from './WebhookForm';

interface CardActions {
  edit: () => void;
  setEnabled: (enabled: boolean) => void;
  rotate: () => void;
  remove: () => void;
}

type Asking = 'delete' | 'rotate' | null;


export function WebhookCard({ webhook, selected, actions }: { webhook: Webhook; selected: boolean; actions: CardActions }) {
  const [asking, setAsking] = useState<Asking>(null);
  const headingId = `webhook-${webhook.id}`;
  const name = <span className="sr-only"> {webhook.url}</span>;
  return (
    <article className={`webhook${selected ? ' selected' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="webhook-url">{webhook.url}</h3>
      {webhook.description && <p>{webhook.description}</p>}
      <p>{webhook.events.map((e) => <code key={e} className="chip">{e}</code>)}</p>
      <p>
        {webhook.enabled ? <span className="state on">Enabled</span> : <span className="state off">Disabled</span>}
        {webhook.disabledReason && <> · {webhook.disabledReason}</>}
        {webhook.failingSince && <> · <span className="warn">failing since {when(webhook.failingSince)}</span></>}
      </p>
      {asking ? (
        <Confirm
          question={asking === 'delete' ? 'Delete this endpoint and its delivery log? This cannot be undone.'
            : 'Rotate the signing secret? The old one stops working at once; the new one is shown once.'}
          yes={asking === 'delete' ? 'Delete endpoint' : 'Rotate secret'}
          onYes={() => { setAsking(null); if (asking === 'delete') actions.remove(); else actions.rotate(); }}
          onNo={() => setAsking(null)}
        />
      ) : (
        <div className="actions">
          <a href={`#/webhooks/${webhook.id}`} aria-current={selected ? 'page' : undefined}>Deliveries{name}</a>
          <button type="button" onClick={actions.edit}>Edit{name}</button>
          <button type="button" onClick={() => actions.setEnabled(!webhook.enabled)}>{webhook.enabled ? 'Disable' : 'Enable'}{name}</button>
          <button type="button" onClick={() => setAsking('rotate')}>Rotate secret{name}</button>
          <button type="button" className="reject" onClick={() => setAsking('delete')}>Delete{name}</button>
        </div>
      )}
    </article>
  );
}

function Confirm({ question, yes, onYes, onNo }: { question: string; yes: string; onYes: () => void; onNo: () => void }) {
  return (
    <div className="confirm" role="group" aria-label="Confirm">
      <p>{question}</p>
      <button type="button" className="reject" onClick={onYes}>{yes}</button>
      {/* Focus lands on the harmless answer, so a stray Enter does no damage. */}
      <button type="button" onClick={onNo} autoFocus>Cancel</button>
    </div>
  );
}
