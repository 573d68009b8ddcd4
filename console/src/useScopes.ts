// What the signed-in key may do (GET /v1/me), for pages that show write controls to admin keys
// only, and the one way those pages word an error.

import { useEffect, useState } from 'react';
import { ApiError, call } from './api';
import type { Scope } from './api';

/** The key's scopes; null until known. */
export function useScopes(): Scope[] | null {
  const [scopes, setScopes] = useState<Scope[] | null>(null);
  useEffect(() => {
    call('get', '/v1/me').then((me) => setScopes(me.scopes), () => setScopes([]));
  }, []);
  return scopes;
}

export const isAdmin = (scopes: readonly Scope[] | null): boolean => scopes?.includes('admin') ?? false;

export function errorText(err: unknown): string {
  return err instanceof ApiError ? `${err.code}: ${err.message}` : String(err);
}
