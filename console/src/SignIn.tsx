// Sign-in with an API key: checked against the API before it is kept (in sessionStorage only).

import { useState } from 'react';
import type { FormEvent } from 'react';
import { call, errorText, session } from './api';
import type { Me } from './me';

export function SignIn({ onSignedIn }: { onSignedIn: (who: Me) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    session.signIn(key.trim());
    try {
      onSignedIn(await call('get', '/v1/me'));
    } catch (err) {
      session.signOut();
      setError(errorText(err));
    }
  };
  return (
    <main className="sign-in">
      <h1>Bulwark review console</h1>
      <form onSubmit={submit}>
        <label htmlFor="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} required autoFocus />
        <button type="submit">Sign in</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}
