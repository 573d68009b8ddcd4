// Deciding one review item: labels (the flagged categories offered as quick picks), a note, and
// optionally the matched term — or a picture's PDQ hash — added to a list in the same step.
// Keys: a approve, r reject, l labels, n note, t add to a list.

import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Decision } from './api';
import type { schemas } from './generated/api';
import { allows, useMe } from './me';
import { useShortcuts } from './useShortcuts';

export type List = schemas['List'];
export type Verdict = { outcome: 'approve' | 'reject'; labels: string[]; note?: string; addToList?: { listId: string; value: string } };

/** What a reviewer would add to a list from this decision: a picture's PDQ hash, or the first thing the text detectors matched. */
function listValue(decision: Decision): string {
  if (decision.kind === 'image' && decision.media) return decision.media.pdq;
  return decision.evidence.find((e) => e.severity !== 'none' && e.text)?.text ?? '';
}

/** `lists`: the tenant's lists; the form offers those of the decision's kind this key may add to. */
export function DecideForm({ decision, lists: all, disabled, onDecide }: {
  decision: Decision; lists: readonly List[]; disabled: boolean; onDecide: (verdict: Verdict) => void;
}) {
  const me = useMe();
  // Allow lists silence detections for everyone: only admin keys may add to them.
  const lists = useMemo(() => {
    const kind = decision.kind === 'image' ? 'image' : 'keyword';
    return all.filter((l) => l.kind === kind && (l.action !== 'allow' || allows(me.scopes, 'admin')));
  }, [all, decision.kind, me.scopes]);
  const [labels, setLabels] = useState('');
  const [note, setNote] = useState('');
  const [toList, setToList] = useState(false);
  const [pickedList, setPickedList] = useState('');
  const listId = pickedList || lists[0]?.id || '';
  const [value, setValue] = useState(() => listValue(decision));
  const labelsField = useRef<HTMLInputElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const listBox = useRef<HTMLInputElement>(null);

  const flagged = useMemo(() => [...new Set(decision.reasons.map((r) => r.category))], [decision.reasons]);
  const chosen = labels.split(',').map((l) => l.trim()).filter(Boolean);
  const toggleLabel = (label: string) => setLabels((chosen.includes(label) ? chosen.filter((l) => l !== label) : [...chosen, label]).join(', '));

  const decide = (outcome: Verdict['outcome']) => {
    if (disabled) return;
    onDecide({
      outcome, labels: chosen, ...(note.trim() ? { note: note.trim() } : {}),
      ...(toList && listId && value.trim() ? { addToList: { listId, value: value.trim() } } : {}),
    });
  };
  useShortcuts({
    a: () => decide('approve'),
    r: () => decide('reject'),
    l: () => labelsField.current?.focus(),
    n: () => noteField.current?.focus(),
    t: () => listBox.current?.click(),
  });
  // Enter in a field decides nothing: approving and rejecting are deliberate.
  const submit = (event: FormEvent) => event.preventDefault();

  return (
    <form className="decide" onSubmit={submit} aria-label="Decide">
      <div className="field">
        <label htmlFor="labels">Labels <kbd>l</kbd></label>
        <input id="labels" ref={labelsField} value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="comma-separated, e.g. insult, spam-bot" autoComplete="off" />
        {flagged.length > 0 && (
          <div className="quick-labels" role="group" aria-label="Quick labels">
            {flagged.map((c) => <button key={c} type="button" aria-pressed={chosen.includes(c)} onClick={() => toggleLabel(c)}>{c}</button>)}
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor="note">Note <kbd>n</kbd></label>
        <textarea id="note" ref={noteField} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
      </div>
      <fieldset className="to-list" disabled={lists.length === 0}>
        <legend>
          <label><input type="checkbox" ref={listBox} checked={toList} onChange={(e) => setToList(e.target.checked)} /> Also add to a list <kbd>t</kbd></label>
        </legend>
        {lists.length === 0 ? <p className="muted">No {decision.kind === 'image' ? 'image hash' : 'keyword'} list this key may add to.</p> : (
          <>
            <label htmlFor="list">List</label>
            <select id="list" value={listId} onChange={(e) => setPickedList(e.target.value)} disabled={!toList}>
              {lists.map((l) => <option key={l.id} value={l.id}>{l.name} ({l.action} · {l.category})</option>)}
            </select>
            <label htmlFor="list-value">{decision.kind === 'image' ? 'PDQ hash' : 'Term'}</label>
            <input id="list-value" value={value} onChange={(e) => setValue(e.target.value)} disabled={!toList} autoComplete="off" />
          </>
        )}
      </fieldset>
      <div className="actions">
        <button type="button" className="approve" disabled={disabled} onClick={() => decide('approve')}>Approve <kbd>a</kbd></button>
        <button type="button" className="reject" disabled={disabled} onClick={() => decide('reject')}>Reject <kbd>r</kbd></button>
      </div>
    </form>
  );
}
