// One list's entries, 50 a page with cursor paging; admin keys add one entry or remove the ones
// ticked. `revision` changes when entries were changed elsewhere (an import): back to page one.

import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { call, errorText } from './api';
import type { paths } from './generated/api';

type Entry = paths['/v1/lists/{id}/entries']['get']['responses'][200]['entries'][number];
const PAGE = '50';

export function ListEntries({ listId, admin, revision, onChanged }: { listId: string; admin: boolean; revision: number; onChanged: () => void }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  // Cursors of the pages before this one and of this one ('' is the first page), for the revision
  // they were walked in: a new revision starts again at page one (derived, so it loads once).
  const [paging, setPaging] = useState({ revision, cursors: [''] });
  const cursors = paging.revision === revision ? paging.cursors : [''];
  const setCursors = (change: (walked: string[]) => string[]) => setPaging({ revision, cursors: change(cursors) });
  const [next, setNext] = useState<string | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [value, setValue] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const cursor = cursors[cursors.length - 1];

  const load = useCallback(async () => {
    const page = await call('get', '/v1/lists/{id}/entries', { params: { id: listId }, query: cursor ? { limit: PAGE, cursor } : { limit: PAGE } });
    setEntries(page.entries);
    setNext(page.nextCursor);
    setTicked(new Set());
  }, [listId, cursor, revision]); // revision is not read: a new one only asks for a reload
  useEffect(() => { load().catch((err: unknown) => setError(errorText(err))); }, [load]);

  const act = async (what: () => Promise<string>) => {
    try {
      setStatus(await what());
      setError('');
      onChanged();
      await load();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const r = await call('post', '/v1/lists/{id}/entries', { params: { id: listId }, body: { entries: [{ value }] } });
      setValue('');
      return r.added ? `Added “${value.trim()}”.` : `“${value.trim()}” is already on the list.`;
    });
  };
  const remove = () => void act(async () => {
    const r = await call('delete', '/v1/lists/{id}/entries', { params: { id: listId }, body: { values: [...ticked] } });
    return `Removed ${r.removed} ${r.removed === 1 ? 'entry' : 'entries'}.`;
  });
  const tick = (v: string, on: boolean) => setTicked((t) => { const n = new Set(t); if (on) n.add(v); else n.delete(v); return n; });

  return (
    <section aria-labelledby="entries-heading" className="entries">
      <h3 id="entries-heading">Entries</h3>
      {admin && (
        <form onSubmit={add} className="inline">
          <label>New entry <input type="text" maxLength={200} required value={value} onChange={(e) => setValue(e.target.value)} /></label>
          <button type="submit">Add</button>
        </form>
      )}
      {entries.length === 0 ? <p className="muted">No entries{cursors.length > 1 ? ' on this page' : ''}.</p> : (
        <table className="scores" aria-label="Entries">
          <thead><tr>{admin && <th scope="col">Pick</th>}<th scope="col">Entry</th><th scope="col">Added</th></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                {admin && <td><input type="checkbox" aria-label={`Pick ${e.value}`} checked={ticked.has(e.value)} onChange={(ev) => tick(e.value, ev.target.checked)} /></td>}
                <td className="entry">{e.value}</td>
                <td><time dateTime={e.createdAt}>{new Date(e.createdAt).toLocaleDateString()}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>Previous page</button>
        <button type="button" disabled={!next} onClick={() => next && setCursors((c) => [...c, next])}>Next page</button>
        {admin && <button type="button" className="reject" disabled={ticked.size === 0} onClick={remove}>Remove picked ({ticked.size})</button>}
      </div>
      <p role="status">{status}</p>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
