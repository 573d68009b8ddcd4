// The Lists page: the tenant's keyword and image lists; one list's entries with paging; admin keys
// create and delete lists, add, remove and import entries (review keys read).

import { useCallback, useEffect, useState } from 'react';
import { call, errorText } from './api';
import type { schemas } from './generated/api';
import { ListCreate } from './ListCreate';
import { ListEntries } from './ListEntries';
import { ListImport } from './ListImport';
import { allows, useMe } from './me';

type List = schemas['List'];

export function Lists() {
  const admin = allows(useMe().scopes, 'admin');
  const [lists, setLists] = useState<List[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => setLists((await call('get', '/v1/lists')).lists), []);
  useEffect(() => { load().catch((err: unknown) => setError(errorText(err))); }, [load]);
  const list = lists?.find((l) => l.id === picked) ?? lists?.[0];

  return (
    <div className="lists">
      <section className="list-pane" aria-labelledby="lists-heading">
        <h1 id="lists-heading">Lists</h1>
        {error && <p role="alert">{error}</p>}
        {lists?.length === 0 && <p>No lists yet.</p>}
        <ul aria-label="Lists" className="items">
          {lists?.map((l) => (
            <li key={l.id}>
              <button type="button" aria-current={l === list} onClick={() => setPicked(l.id)}>
                {l.name} <span className={`chip ${l.action}`}>{l.action}</span> <span className="muted">{l.category} · {l.kind}</span>
              </button>
            </li>
          ))}
        </ul>
        {admin ? <ListCreate onCreated={(l) => { setPicked(l.id); void load(); }} />
          : <p className="notice">Read-only: this key has the review scope; changing lists needs an admin key.</p>}
      </section>
      <section className="item-pane">
        {list && <ListDetail key={list.id} list={list} admin={admin} onChanged={() => void load()} onDeleted={() => { setPicked(null); void load(); }} />}
      </section>
    </div>
  );
}

function ListDetail({ list, admin, onChanged, onDeleted }: { list: List; admin: boolean; onChanged: () => void; onDeleted: () => void }) {
  const [revision, setRevision] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const remove = async () => {
    try {
      await call('delete', '/v1/lists/{id}', { params: { id: list.id } });
      onDeleted();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <article aria-labelledby="list-heading">
      <h2 id="list-heading">{list.name}</h2>
      <p>{list.kind} list · {list.action} · {list.category} · {list.kind === 'image' ? `PDQ distance ≤ ${list.maxDistance}` : `match ${list.match}`} · revision {list.revision}</p>
      {admin && (confirming ? (
        <p className="actions">
          <button type="button" className="reject" onClick={() => void remove()}>Delete “{list.name}” and all its entries</button>
          <button type="button" onClick={() => setConfirming(false)}>Keep it</button>
        </p>
      ) : <p><button type="button" onClick={() => setConfirming(true)}>Delete list…</button></p>)}
      {error && <p role="alert">{error}</p>}
      <div className="list-detail">
        <ListEntries listId={list.id} admin={admin} revision={revision} onChanged={onChanged} />
        {admin && <ListImport listId={list.id} onImported={() => { setRevision((r) => r + 1); onChanged(); }} />}
      </div>
    </article>
  );
}
