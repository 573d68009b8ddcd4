// The console's frame: sign-in until a key is given, then the navigation the key's scopes allow
// and the page the URL's hash names (see PAGES).

import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { call, session } from './api';
import type { Scope } from './api';
import { DecisionPage } from './DecisionPage';
import { Lists } from './Lists';
import { Policies } from './Policies';
import { ReviewQueue } from './ReviewQueue';
import { SignIn } from './SignIn';

interface Page {
  /** The hash it answers: '#/name', or '#/name/<id>' when `match` captures an id. */
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
  { match: /^#\/policies$/, label: 'Policies', href: '#/policies', scope: 'review', render: () => <Policies /> },
  { match: /^#\/lists$/, label: 'Lists', href: '#/lists', scope: 'review', render: () => <Lists /> },
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

const allows = (granted: readonly Scope[], needed: Scope) => granted.includes('admin') || granted.includes(needed);

export function App() {
  const [scopes, setScopes] = useState<Scope[] | null>(null);
  const [signedIn, setSignedIn] = useState(session.key() !== null);
  const hash = useHash();
  useEffect(() => {
    if (!signedIn) return;
    call('get', '/v1/me').then((me) => setScopes(me.scopes), () => { session.signOut(); setSignedIn(false); });
  }, [signedIn]);
  if (!signedIn) return <SignIn onSignedIn={() => setSignedIn(true)} />;
  if (!scopes) return <p role="status">Loading…</p>;
  const page = PAGES.find((p) => p.match.test(hash));
  const id = page?.match.exec(hash)?.[1] ?? '';
  return (
    <div className="app">
      <a className="skip" href="#main">Skip to content</a>
      <header className="bar">
        <strong>Bulwark</strong>
        <nav aria-label="Sections">
          {PAGES.filter((p) => p.label && allows(scopes, p.scope)).map((p) => (
            <a key={p.href} href={p.href} aria-current={p === page ? 'page' : undefined}>{p.label}</a>
          ))}
        </nav>
        <button type="button" onClick={() => { session.signOut(); setSignedIn(false); setScopes(null); }}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1}>
        {!page ? <p role="alert">No such page.</p>
          : !allows(scopes, page.scope) ? <p role="alert">This key lacks the “{page.scope}” scope this page needs.</p>
            : page.render(id)}
      </main>
    </div>
  );
}
