// The console's frame: sign-in until a key is given, then the navigation the key's scopes allow
// and the page the URL's hash names (see PAGES).

import { useEffect, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { call, session } from './api';
import { Dashboard } from './Dashboard';
import { DecisionPage } from './DecisionPage';
import { Decisions } from './Decisions';
import { MeContext, allows } from './me';
import type { Me, Scope } from './me';
import { Lists } from './Lists';
import { Policies } from './Policies';
import { ReviewQueue } from './ReviewQueue';
import { SignIn } from './SignIn';
import { Webhooks } from './Webhooks';

interface Page {
  /**
   * The hash it answers: '#/name', or '#/name/<id>' when `match` captures an id; a page with a
   * search in its hash ('#/name?a=1') captures the query instead, and reads its search from it.
   */
  match: RegExp;
  /** In the navigation under this label, when given. */
  label?: string;
  href?: string;
  scope: Scope;
  render: (id: string) => ReactNode;
}

const PAGES: Page[] = [
  { match: /^#?\/?$/, label: 'Review queue', href: '#/', scope: 'review', render: () => <ReviewQueue /> },
  { match: /^#\/decisions\/([\w-]+)$/, scope: 'review', render: (id) => <DecisionPage id={id} /> },
  { match: /^#\/decisions\/?(?:\?(.*))?$/, label: 'Decisions', href: '#/decisions', scope: 'review', render: (query) => <Decisions query={query} /> },
  { match: /^#\/dashboard$/, label: 'Dashboard', href: '#/dashboard', scope: 'review', render: () => <Dashboard /> },
  { match: /^#\/policies$/, label: 'Policies', href: '#/policies', scope: 'review', render: () => <Policies /> },
  { match: /^#\/lists$/, label: 'Lists', href: '#/lists', scope: 'review', render: () => <Lists /> },
  { match: /^#\/webhooks(?:\/([\w-]+))?$/, label: 'Webhooks', href: '#/webhooks', scope: 'admin', render: (id) => <Webhooks selected={id} /> },
];

function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [signedIn, setSignedIn] = useState(session.key() !== null);
  const hash = useHash();
  // A key kept from before (a reload) is asked who it is; a fresh sign-in already knows.
  useEffect(() => {
    if (!signedIn || me) return;
    call('get', '/v1/me').then(setMe, () => { session.signOut(); setSignedIn(false); });
  }, [signedIn, me]);
  if (!signedIn) return <SignIn onSignedIn={(who) => { setMe(who); setSignedIn(true); }} />;
  if (!me) return <p role="status">Loading…</p>;
  const { scopes } = me;
  const page = PAGES.find((p) => p.match.test(hash));
  const id = page?.match.exec(hash)?.[1] ?? '';
  // The skip link focuses the page without touching the hash (the hash is the route).
  const skip = (event: MouseEvent) => { event.preventDefault(); document.getElementById('main')?.focus(); };
  return (
    <MeContext.Provider value={me}>
      <div className="app">
        <a className="skip" href="#main" onClick={skip}>Skip to content</a>
        <header className="bar">
          <strong>Bulwark</strong>
          <nav aria-label="Sections">
            {PAGES.filter((p) => p.label && allows(scopes, p.scope)).map((p) => (
              <a key={p.href} href={p.href} aria-current={p === page ? 'page' : undefined}>{p.label}</a>
            ))}
          </nav>
          <button type="button" onClick={() => { session.signOut(); setSignedIn(false); setMe(null); }}>Sign out</button>
        </header>
        <main id="main" tabIndex={-1}>
          {!page ? <p role="alert">No such page.</p>
            : !allows(scopes, page.scope) ? <p role="alert">This key lacks the “{page.scope}” scope this page needs.</p>
              : page.render(id)}
        </main>
      </div>
    </MeContext.Provider>
  );
}
