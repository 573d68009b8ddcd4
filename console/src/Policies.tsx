// The Policies page: the tenant's policies; the one picked in a form whose preview tells what the
// edit would have done to recent decisions; saving (admin keys) adds a version to its history.

import { useCallback, useEffect, useState } from 'react';
import { call, errorText } from './api';
import type { schemas } from './generated/api';
import { PolicyEditor } from './PolicyEditor';
import type { Policy } from './policyText';
import { allows, useMe } from './me';

export function Policies() {
  const { scopes } = useMe();
  const [policies, setPolicies] = useState<Policy[] | null>(null);
  const [lists, setLists] = useState<schemas['List'][]>([]);
  const [picked, setPicked] = useState('default');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const load = useCallback(async () => {
    const [p, l] = await Promise.all([call('get', '/v1/policies'), call('get', '/v1/lists')]);
    setPolicies(p.policies);
    setLists(l.lists);
  }, []);
  useEffect(() => { load().catch((err: unknown) => setError(errorText(err))); }, [load]);
  const policy = policies?.find((p) => p.name === picked) ?? policies?.[0];

  const saved = (p: Policy) => {
    setPolicies((all) => all?.map((q) => (q.name === p.name ? p : q)) ?? [p]);
    setStatus(`Saved ${p.name} as version ${p.version}.`);
  };

  return (
    <div className="policies">
      <section className="list-pane" aria-labelledby="policies-heading">
        <h1 id="policies-heading">Policies</h1>
        {error && <p role="alert">{error}</p>}
        <ul aria-label="Policies" className="items">
          {policies?.map((p) => (
            <li key={p.name}>
              <button type="button" aria-current={p === policy} onClick={() => { setPicked(p.name); setStatus(''); }}>
                {p.name} <span className="muted">v{p.version}</span>
              </button>
            </li>
          ))}
        </ul>
        <p role="status">{status}</p>
      </section>
      <section className="item-pane">
        {policy && <PolicyEditor key={`${policy.name}@${policy.version}`} policy={policy} lists={lists} admin={allows(scopes, 'admin')} onSaved={saved} />}
      </section>
    </div>
  );
}
