// The console's only way to the service: its public HTTP API, typed from the OpenAPI document
// (generated/api.ts, made by `bulwark openapi --types` at build time). The key lives in
// sessionStorage: it goes in the Authorization header, never in a URL.

import type { paths, schemas } from './generated/api';

export type Decision = schemas['Decision'];
export type Review = paths['/v1/reviews']['get']['responses'][200]['reviews'][number];
export type Evidence = Decision['evidence'][number];

const KEY = 'bulwark.apiKey';

export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  signIn: (key: string): void => sessionStorage.setItem(KEY, key),
  signOut: (): void => sessionStorage.removeItem(KEY),
};

/** An error the API answered, with its machine-readable code. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** An error as the console shows it: the API's code and message, or what went wrong otherwise. */
export function errorText(err: unknown): string {
  return err instanceof ApiError ? `${err.code}: ${err.message}` : String(err);
}

/** The ApiError of a refused answer: its code and message, or the HTTP status when it gave none. */
async function apiError(res: Response): Promise<ApiError> {
  const answer = await res.json().catch(() => ({})) as { code?: string; message?: string };
  return new ApiError(res.status, answer.code ?? 'INTERNAL', answer.message ?? `HTTP ${res.status}`);
}

const authorization = () => ({ authorization: `Bearer ${session.key() ?? ''}` });

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
// The success answer: 200, or 201 (created) or 202 (accepted) for routes that answer so.
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : unknown;
type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? Success<R> : unknown;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { body: infer B } ? B : never;

/** Calls `method route` (route as in the OpenAPI document; `params` fill its {braces}). */
export async function call<P extends keyof paths, M extends keyof paths[P] & Method>(
  method: M, route: P, options: { params?: Record<string, string>; query?: Record<string, string>; body?: Body<P, M> } = {},
): Promise<Answer<P, M>> {
  const path = String(route).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ''));
  const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
  const res = await fetch(`${path}${query}`, {
    method: method.toUpperCase(),
    headers: { ...authorization(), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  if (!res.ok) throw await apiError(res);
  return await res.json().catch(() => ({})) as Answer<P, M>;
}

/** A flagged decision's picture or recording as an object URL (revoke it when done), or null when it was not kept. */
export async function fetchMedia(decisionId: string, signal?: AbortSignal): Promise<{ url: string; type: string; offset: number } | null> {
  const res = await fetch(`/v1/decisions/${encodeURIComponent(decisionId)}/media`, { headers: authorization(), signal });
  if (res.status === 404) return null;
  if (!res.ok) throw await apiError(res);
  const blob = await res.blob();
  return { url: URL.createObjectURL(blob), type: blob.type, offset: Number(res.headers.get('bulwark-media-offset') ?? 0) };
}

/** A time from the API in the reader's locale, or a dash when there is none. */
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
