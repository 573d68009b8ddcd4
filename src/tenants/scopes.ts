// What an API key may do. 'admin' implies every other scope; 'review' implies reading
// decisions, lists and policies (a reviewer needs to see what they judge).

export const SCOPES = ['moderate', 'review', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function hasScope(granted: readonly string[], needed: Scope): boolean {
  return granted.includes('admin') || granted.includes(needed);
}

/** Who is calling: resolved from the API key on every request. */
export interface Principal {
  keyId: string;
  tenantId: string;
  scopes: readonly Scope[];
}
