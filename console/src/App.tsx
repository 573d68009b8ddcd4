// The console's frame: sign-in until a key is given, then the page the hash names
// (#/ the review queue, #/decisions/<id> one decision).

import { useEffect, useState } from 'react';
import { session } from './api';
import { DecisionPage } from './DecisionPage';
import { ReviewQueue } from './ReviewQueue';
import { SignIn } from './SignIn';

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
  const [signedIn, setSignedIn] = useState(session.key() !== null);
  const hash = useHash();
  if (!signedIn) return <SignIn onSignedIn={() => setSignedIn(true)} />;
  const decision = /^#\/decisions\/([\w-]+)$/.exec(hash)?.[1];
  return (
    <div className="app">
      <header className="bar">
        <strong>Bulwark</strong>
        <nav aria-label="Sections"><a href="#/">Review queue</a></nav>
        <button type="button" onClick={() => { session.signOut(); setSignedIn(false); }}>Sign out</button>
      </header>
      <main>{decision ? <DecisionPage id={decision} /> : <ReviewQueue />}</main>
    </div>
  );
}
