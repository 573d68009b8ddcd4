// Fetching media by URL without becoming a way into the operator's network (SSRF): http and https
// only; every address a host name resolves to must be public (no loopback, private, link-local,
// cloud metadata, multicast or reserved ranges) unless the operator allows that host; the
// connection goes to the address that was checked (no second DNS answer can swap it); redirects
// are followed by hand, each checked the same way; a connect-and-read deadline and a byte cap
// enforced while the body streams.

import { lookup } from 'node:dns/promises';
import http from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { BulwarkError } from '../errors.js';

export interface FetchLimits {
  maxBytes: number;
  /** The whole fetch, redirects included, in ms. */
  timeoutMs: number;
  maxRedirects: number;
  /** Host names (or literal addresses) the operator allows even when they resolve to private addresses. */
  allowHosts: readonly string[];
}

export interface Fetched { bytes: Buffer; contentType: string | null; url: string }

const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) FORBIDDEN.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64],
] as const) FORBIDDEN.addSubnet(net, prefix, 'ipv6');

/** True when the address is not one a fetched URL may reach (IPv4-mapped IPv6 checked as IPv4). */
export function isForbiddenAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return FORBIDDEN.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return FORBIDDEN.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Fetches the URL into memory: the whole fetch within the deadline, the body within the byte cap. */
export async function safeFetch(rawUrl: string, limits: FetchLimits): Promise<Fetched> {
  const opened = await openUrl(rawUrl, limits);
  const { res, req } = opened;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { req.destroy(); reject(timedOut()); }, Math.max(1, opened.deadline - Date.now()));
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) {
        req.destroy();
        reject(tooLarge(limits.maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve({ bytes: Buffer.concat(chunks), contentType: opened.contentType, url: opened.url.toString() }));
    res.on('error', (err) => reject(new BulwarkError('MEDIA_FETCH_FAILED', `Reading the URL failed: ${err.message}`)));
    res.on('close', () => { if (!res.complete) reject(new BulwarkError('MEDIA_FETCH_FAILED', 'The URL closed the connection early.')); });
    req.on('close', () => clearTimeout(timer));
  });
}

/** A URL answering 2xx, redirects followed (each checked), its body not read yet; within the deadline so far. */
export interface OpenedUrl { res: IncomingMessage; req: ClientRequest; contentType: string | null; url: URL; deadline: number }

/** Connects and waits for a 2xx answer (redirects followed by hand), refusing a declared size above the cap; `signal` cancels. */
export async function openUrl(rawUrl: string, limits: FetchLimits, signal?: AbortSignal): Promise<OpenedUrl> {
  const deadline = Date.now() + limits.timeoutMs;
  let url = parseUrl(rawUrl);
  for (let hop = 0; ; hop++) {
    const address = await vettedAddress(url, limits.allowHosts);
    const answer = await request(url, address, deadline, limits.maxBytes, signal);
    if ('redirect' in answer) {
      if (hop >= limits.maxRedirects) throw new BulwarkError('MEDIA_FETCH_FAILED', `More than ${limits.maxRedirects} redirects.`);
      url = parseUrl(new URL(answer.redirect, url).toString());
      continue;
    }
    return { ...answer, url, deadline };
  }
}

/** An address a host resolved to, checked: where the connection goes. */
export interface VettedAddress { address: string; family: number }

/** The URL parsed, if it is http or https; URL_NOT_ALLOWED otherwise. */
export function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BulwarkError('URL_NOT_ALLOWED', 'The URL does not parse.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BulwarkError('URL_NOT_ALLOWED', `Only http and https URLs are fetched, not ${url.protocol}.`);
  return url;
}

/** The address to connect to: the host's first resolved address, after every one of them was checked. */
export async function vettedAddress(url: URL, allowHosts: readonly string[]): Promise<VettedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: VettedAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  } catch {
    throw new BulwarkError('MEDIA_FETCH_FAILED', `The host "${host}" does not resolve.`);
  }
  if (addresses.length === 0) throw new BulwarkError('MEDIA_FETCH_FAILED', `The host "${host}" does not resolve.`);
  const allowed = allowHosts.includes(host.toLowerCase());
  if (!allowed && addresses.some((a) => isForbiddenAddress(a.address))) {
    throw new BulwarkError('URL_NOT_ALLOWED', `"${host}" resolves to a private, loopback, link-local or reserved address; the operator can allow it with BULWARK_FETCH_ALLOW_HOSTS.`);
  }
  return addresses[0];
}

/** A lookup that connects to the checked address whatever a second lookup would say (DNS rebinding). */
export function pinnedLookup(vetted: VettedAddress): LookupFunction {
  return (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: VettedAddress[]) => void)(null, [vetted]);
    else callback(null, vetted.address, vetted.family);
  };
}

/** One request: a redirect to follow, or the answer with its body still to read (the deadline timer is the reader's then). */
function request(url: URL, vetted: VettedAddress, deadline: number, maxBytes: number, signal?: AbortSignal):
  Promise<{ redirect: string } | { res: IncomingMessage; req: ClientRequest; contentType: string | null }> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(timedOut());
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { signal, lookup: pinnedLookup(vetted), headers: { 'user-agent': 'Bulwark media fetcher', accept: 'image/*, audio/*, video/*, */*;q=0.5' } }, (res) => {
      clearTimeout(timer);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        resolve({ redirect: res.headers.location });
        return;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        reject(new BulwarkError('MEDIA_FETCH_FAILED', `The URL answered HTTP ${status}.`, { status }));
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > maxBytes) {
        req.destroy();
        reject(new BulwarkError('MEDIA_TOO_LARGE', `The URL's content is ${declared} bytes; the limit is ${maxBytes}.`, { limit: maxBytes }));
        return;
      }
      resolve({ res, req, contentType: res.headers['content-type'] ?? null });
    });
    // Connecting and waiting for the answer share the deadline.
    const timer = setTimeout(() => { req.destroy(); reject(timedOut()); }, remaining);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(signal?.aborted ? signal.reason : new BulwarkError('MEDIA_FETCH_FAILED', `Fetching the URL failed: ${err.message}`));
    });
  });
}

/** The byte cap was passed while reading. */
export function tooLarge(maxBytes: number): BulwarkError {
  return new BulwarkError('MEDIA_TOO_LARGE', `The content is larger than ${maxBytes} bytes.`, { limit: maxBytes });
}

function timedOut(): BulwarkError {
  return new BulwarkError('MEDIA_FETCH_FAILED', 'The URL did not answer in time.', { reason: 'timeout' });
}
