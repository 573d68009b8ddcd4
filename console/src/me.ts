// Who is signed in: the key's id and scopes (GET /v1/me), for every page that adapts to them.

import { createContext, useContext } from 'react';
import type { paths } from './generated/api';

export type Me = paths['/v1/me']['get']['responses'][200];
export type Scope = Me['scopes'][number];

export const MeContext = createContext<Me>({ keyId: '', tenantId: '', scopes: [] });

export const useMe = (): Me => useContext(MeContext);

/** Whether the scopes grant `needed` ('admin' grants everything). */
export const allows = (granted: readonly Scope[], needed: Scope): boolean => granted.includes('admin') || granted.includes(needed);
