// Registering or changing a webhook endpoint: its URL, the events it wants and a description.
// The URL rules are the server's (docs/api.md, "Webhooks"); the form says them and shows the refusal.

import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, errorText } from './api';
import type { paths, schemas } from './generated/api';

export type Webhook = schemas['Webhook'];
type WebhookEvent = paths['/v1/webhooks']['post']['body']['events'][number];
export interface WebhookFields { url: string; events: WebhookEvent[]; description: string }

/** Every event, with when it is sent; a Record so the compiler notices when the API's events change. */
const EVENTS: Record<WebhookEvent, string> = {
  'decision.flagged': 'a decision says review or block',
  'review.decided': 'a reviewer approves or rejects an item',
  'job.completed': 'an audio or video job ends with a decision',
  'job.failed': 'an audio or video job fails',
  'stream.alert': 'a live stream’s moment is flagged, or the stream ends',
};
const isEvent = (e: string): e is WebhookEvent => Object.hasOwn(EVENTS, e);

const URL_HINT = 'http or https. A private or local address (localhost, 10.x, 192.168.x…) is refused unless the '
  + 'operator lists its host in BULWARK_FETCH_ALLOW_HOSTS. Redirects are not followed.';

/** errorText, with how to allow a host when the URL was refused. */
export function explain(err: unknown): string {
  const why = errorText(err);
  return err instanceof ApiError && err.code === 'URL_NOT_ALLOWED' ? `${why} ${URL_HINT}` : why;
}

interface Props {
  /** The endpoint being changed; absent when registering a new one. */
  editing?: Webhook;
  onSave: (fields: WebhookFields) => Promise<void>;
  onCancel: () => void;
}

export function WebhookForm({ editing, onSave, onCancel }: Props) {
  const ids = useId();
  const [url, setUrl] = useState(editing?.url ?? '');
  const [events, setEvents] = useState<WebhookEvent[]>(editing ? editing.events.filter(isEvent) : ['decision.flagged']);
  const [description, setDescription] = useState(editing?.description ?? '');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const toggle = (event: WebhookEvent, on: boolean) =>
    setEvents((chosen) => (on ? [...chosen, event] : chosen.filter((e) => e !== event)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (events.length === 0) { setError('Choose at least one event.'); return; }
    setSaving(true);
    setError('');
    try {
      await onSave({ url: url.trim(), events, description: description.trim() });
    } catch (err) {
      setError(explain(err));
    } finally {
      setSaving(false);
    }
  };

  const title = editing ? 'Edit endpoint' : 'New endpoint';
  return (
    <form className="webhook-form" aria-labelledby={`${ids}-title`} onSubmit={submit}>
      <h2 id={`${ids}-title`}>{title}</h2>
      <label htmlFor={`${ids}-url`}>URL</label>
      <input id={`${ids}-url`} type="url" required maxLength={2000} value={url} onChange={(e) => setUrl(e.target.value)}
        aria-describedby={`${ids}-url-hint`} placeholder="https://example.com/bulwark" autoFocus />
      <p id={`${ids}-url-hint`} className="hint">{URL_HINT}</p>
      <fieldset>
        <legend>Events</legend>
        {(Object.keys(EVENTS) as WebhookEvent[]).map((event) => (
          <label key={event} className="check">
            <input type="checkbox" checked={events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />
            <code>{event}</code> <span className="hint">{EVENTS[event]}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${ids}-description`}>Description (optional)</label>
      <input id={`${ids}-description`} type="text" maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} />
      {error && <p role="alert" className="error">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={saving}>{editing ? 'Save changes' : 'Register endpoint'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
