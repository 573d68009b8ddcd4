// A new list (admin keys): name, kind, action, category, and the match kind (keyword lists) or the
// largest PDQ distance that matches (image lists). The API checks everything again.

import { useState } from 'react';
import type { FormEvent } from 'react';
import { call, errorText } from './api';
import type { paths, schemas } from './generated/api';

type Create = paths['/v1/lists']['post']['body'];

// The closed sets the create body takes; the checks below fail to compile if the API's grow.
const KINDS = ['keyword', 'image'] as const satisfies readonly NonNullable<Create['kind']>[];
const ACTIONS = ['block', 'review', 'allow'] as const satisfies readonly Create['action'][];
const MATCHES = ['normalized', 'exact', 'pattern'] as const satisfies readonly NonNullable<Create['match']>[];
const CATEGORIES = ['sexual', 'sexual_minors', 'hate', 'harassment', 'violence', 'self_harm', 'illicit', 'spam', 'ads', 'profanity', 'pii'] as const satisfies readonly Create['category'][];
type Missing = Exclude<Create['category'], (typeof CATEGORIES)[number]> | Exclude<Create['action'], (typeof ACTIONS)[number]>
  | Exclude<NonNullable<Create['match']>, (typeof MATCHES)[number]> | Exclude<NonNullable<Create['kind']>, (typeof KINDS)[number]>;
const complete: [Missing] extends [never] ? true : never = true;
void complete;

export function ListCreate({ onCreated }: { onCreated: (list: schemas['List']) => void }) {
  const [form, setForm] = useState<Required<Pick<Create, 'name' | 'kind' | 'action' | 'category' | 'match'>> & { maxDistance: number }>(
    { name: '', kind: 'keyword', action: 'block', category: 'spam', match: 'normalized', maxDistance: 31 });
  const [error, setError] = useState('');
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { maxDistance, match, ...common } = form;
    try {
      const created = await call('post', '/v1/lists', { body: form.kind === 'image' ? { ...common, maxDistance } : { ...common, match } });
      onCreated(created);
      setError('');
      set({ name: '' });
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <details className="list-create">
      <summary>New list</summary>
      <form onSubmit={submit} aria-label="New list">
        <label className="field">Name <input type="text" required pattern="[\w.\-]{1,64}" value={form.name} onChange={(e) => set({ name: e.target.value })} /></label>
        <label className="field">Kind <select value={form.kind} onChange={(e) => set({ kind: e.target.value as typeof form.kind })}>
          {KINDS.map((k) => <option key={k} value={k}>{k === 'image' ? 'image (picture hashes)' : 'keyword'}</option>)}</select></label>
        <label className="field">Action <select value={form.action} onChange={(e) => set({ action: e.target.value as typeof form.action })}>
          {ACTIONS.map((a) => <option key={a}>{a}</option>)}</select></label>
        <label className="field">Category <select value={form.category} onChange={(e) => set({ category: e.target.value as typeof form.category })}>
          {CATEGORIES.map((c) => <option key={c}>{c}</option>)}</select></label>
        {form.kind === 'keyword' ? (
          <label className="field">Match <select value={form.match} onChange={(e) => set({ match: e.target.value as typeof form.match })}>
            {MATCHES.map((m) => <option key={m}>{m}</option>)}</select></label>
        ) : (
          <label className="field">Largest PDQ distance <input type="number" min={0} max={64} value={form.maxDistance} onChange={(e) => set({ maxDistance: e.target.valueAsNumber })} /></label>
        )}
        <button type="submit">Create list</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </details>
  );
}
