// Posting to an address a tenant gave (a webhook endpoint) under the same rules as fetching media
// (safeFetch.ts): http or https, public addresses only unless the operator allows the host, the
// connection pinned to the checked address, one deadline. Redirects are not followed: a receiver
// answers where it was registered. The answer is read only far enough to log why it failed.

import http from 'node:http';
import https from 'node:https';
import { BulwarkError } from '../errors.js';
import { parseUrl, pinnedLookup, vettedAddress } from './safeFetch.js';

export interface PostLimits { timeoutMs: number; allowHosts: readonly string[] }

/** How the receiver answered: its status, and the start of its body. */
export interface PostAnswer { status: number; body: string }

const ANSWER_KEPT = 500;

/**
 * A receiver's URL as registered (a webhook endpoint, a job's callbackUrl): http(s), and a host that
 * resolves to public addresses unless allowed. A host that does not resolve yet is accepted: its
 * deliveries will say why they fail.
 */
export async function checkedReceiverUrl(raw: string, allowHosts: readonly string[]): Promise<string> {
  const url = parseUrl(raw);
  try {
    await vettedAddress(url, allowHosts);
  } catch (err) {
    if (!(err instanceof BulwarkError && err.code === 'MEDIA_FETCH_FAILED')) throw err;
  }
  return url.toString();
}

/** Throws a BulwarkError when the address is not allowed or the request fails or times out. */
export async function safePost(rawUrl: string, body: string, headers: Record<string, string>, limits: PostLimits): Promise<PostAnswer> {
  const url = parseUrl(rawUrl);
  const deadline = Date.now() + limits.timeoutMs;
  const vetted = await vettedAddress(url, limits.allowHosts);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST', lookup: pinnedLookup(vetted),
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    }, (res) => {
      let answer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (answer.length < ANSWER_KEPT) answer += chunk;
        else req.destroy();
      });
      const done = () => resolve({ status: res.statusCode ?? 0, body: answer.slice(0, ANSWER_KEPT) });
      res.on('end', done);
      res.on('close', done);
    });
    const timer = setTimeout(() => { req.destroy(new Error(`no answer within ${limits.timeoutMs} ms`)); }, Math.max(1, deadline - Date.now()));
    req.on('close', () => clearTimeout(timer));
    req.on('error', (err) => reject(err));
    req.end(body);
  });
}
