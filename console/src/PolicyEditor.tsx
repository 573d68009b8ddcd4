// One policy's form: each category's review and block threshold, the description and the lists
// that apply, with the preview updating as it is edited, and the version history below it. Admin
// keys save a new version, or load an older one into the form; for other keys it is read-only.

import { useState } from 'react';
import type { FormEvent } from 'react';
import { call, errorText } from './api';
import type { schemas } from './generated/api';
import { PolicyPreview } from './PolicyPreview';
import { PolicyVersions } from './PolicyVersions';
import { draftOf } from './policyText';
import type { Policy, PolicyDraft, Threshold } from './policyText';
import { ThresholdInput } from './ThresholdInput';

type List = schemas['List'];

export function PolicyEditor({ policy, lists, admin, onSaved }: {
  policy: Policy; lists: List[]; admin: boolean; onSaved: (saved: Policy) => void;
}) {
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(policy));
  // The version the draft was filled from: the current one, or an older one loaded from the history.
  const [filledFrom, setFilledFrom] = useState(policy.version);
  const fillFrom = (p: Policy) => { setDraft(draftOf(p)); setFilledFrom(p.version); };
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const setRule = (category: string, at: 'review' | 'block', t: Threshold) =>
    setDraft((d) => ({ ...d, categories: { ...d.categories, [category]: { ...d.categories[category], [at]: t } } }));
  const chosen = draft.lists === 'all' ? [] : draft.lists;
  const toggle = (id: string, on: boolean) => setDraft((d) => ({ ...d, lists: on ? [...chosen, id] : chosen.filter((x) => x !== id) }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      onSaved(await call('put', '/v1/policies/{name}', { params: { name: policy.name }, body: draft }));
      setError('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="policy-form" onSubmit={save} aria-labelledby="policy-heading">
      <h2 id="policy-heading">{policy.name} · version {policy.version}</h2>
      {!admin && <p className="notice">Read-only: this key has the review scope; saving a policy needs an admin key.</p>}
      {filledFrom !== policy.version && <p className="notice">Draft loaded from version {filledFrom}; saving stores it as version {policy.version + 1}.</p>}
      <PolicyPreview name={policy.name} draft={draft} />
      <fieldset disabled={!admin}>
        <legend className="sr-only">Policy {policy.name}</legend>
        <label className="field">Description
          <input type="text" maxLength={500} value={draft.description} onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))} />
        </label>
        <table className="thresholds">
          <caption>Thresholds: a category goes to review or block when its score or severity reaches them</caption>
          <thead><tr><th scope="col">Category</th><th scope="col">Review at</th><th scope="col">Block at</th></tr></thead>
          <tbody>
            {Object.entries(draft.categories).map(([category, rule]) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {(['review', 'block'] as const).map((at) => (
                  <td key={at}><ThresholdInput label={`${category}: ${at}`} value={rule[at]} disabled={!admin} onChange={(t) => setRule(category, at, t)} /></td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <fieldset className="applies">
          <legend>Lists that apply</legend>
          <label><input type="radio" name="lists" checked={draft.lists === 'all'} onChange={() => setDraft((d) => ({ ...d, lists: 'all' }))} /> All lists, including lists made later</label>
          <label><input type="radio" name="lists" checked={draft.lists !== 'all'} onChange={() => setDraft((d) => ({ ...d, lists: [] }))} /> Only the lists ticked below</label>
          {lists.length === 0 ? <p className="muted">The tenant has no lists.</p> : (
            <ul className="plain">
              {lists.map((l) => (
                <li key={l.id}><label><input type="checkbox" disabled={draft.lists === 'all'} checked={draft.lists === 'all' || chosen.includes(l.id)}
                  onChange={(e) => toggle(l.id, e.target.checked)} /> {l.name} <span className="muted">({l.action} · {l.category})</span></label></li>
              ))}
            </ul>
          )}
        </fieldset>
      </fieldset>
      {admin && (
        <div className="actions">
          <button type="submit" disabled={saving}>Save as version {policy.version + 1}</button>
          <button type="button" onClick={() => fillFrom(policy)}>Undo changes</button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      <PolicyVersions name={policy.name} version={policy.version} onLoad={admin ? fillFrom : undefined} />
    </form>
  );
}
