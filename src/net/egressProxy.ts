// A forward proxy on 127.0.0.1 through which ffmpeg reaches the network when it pulls an http(s)
// stream, so that every address it fetches follows safeFetch's rules, not only the URL a tenant gave:
// HLS segment and key hosts, variant playlists and each redirect (ffmpeg follows them itself, back
// through the proxy). Plain http requests and https CONNECT tunnels both go to the address that
// was checked, never to a second DNS answer (DNS rebinding). What it refused is kept, for the
// stream's error. One proxy serves one connection of one stream and is closed with it.

import http from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BulwarkError } from '../errors.js';
import { parseUrl, pinnedLookup, vettedAddress } from './safeFetch.js';
import type { VettedAddress } from './safeFetch.js';

/** Headers that belong to one hop, not passed on (RFC 9110 §7.6.1), besides those `Connection` names. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'proxy-authenticate', 'te', 'trailer', 'transfer-encoding', 'upgrade'];
const IDLE_MS = 60_000;

export class EgressProxy {
  /** Why requests were refused, each with the first URL refused for it and how many were. */
  readonly #refusals = new Map<string, { url: string; count: number }>();
  readonly #server: http.Server;
  readonly #sockets = new Set<Duplex>();
  readonly #allowHosts: readonly string[];
  #closed = false;

  private constructor(allowHosts: readonly string[]) {
    this.#allowHosts = allowHosts;
    this.#server = http.createServer((req, res) => {
      this.#forward(req, res).catch(() => res.destroy());
    });
    this.#server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.#tunnel(req, socket, head).catch(() => socket.destroy());
    });
    this.#server.on('connection', (socket: Socket) => this.#track(socket));
  }

  static async start(allowHosts: readonly string[]): Promise<EgressProxy> {
    const proxy = new EgressProxy(allowHosts);
    await new Promise<void>((resolve, reject) => {
      proxy.#server.once('error', reject);
      proxy.#server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** The proxy's address, for ffmpeg's http_proxy. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** What was refused, one line a reason: "<first url> (and n more): <why>". */
  refused(): string[] {
    return [...this.#refusals].map(([why, { url, count }]) => `${url}${count > 1 ? ` (and ${count - 1} more)` : ''}: ${why}`);
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** A plain http request, sent on to the checked address; redirects are handed back to the client. */
  async #forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url?.startsWith('http:') ? await this.#vet(req.url) : null;
    if (!target || this.#closed) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Refused by Bulwark: the address is not allowed.');
      return;
    }
    const upstream = http.request(target.url, { method: req.method, headers: endToEnd(req.headers), lookup: pinnedLookup(target.address) }, (answer) => {
      const status = answer.statusCode ?? 0;
      if (status < 100 || status > 599) {
        answer.destroy();
        res.writeHead(502).end();
        return;
      }
      res.writeHead(status, endToEnd(answer.headers));
      pipeline(answer, res).catch(() => undefined);
    });
    upstream.setTimeout(IDLE_MS, () => upstream.destroy());
    upstream.on('error', () => { if (!res.headersSent) res.writeHead(502).end(); else res.destroy(); });
    res.on('close', () => upstream.destroy());
    pipeline(req, upstream).catch(() => undefined);
  }

  /** An https tunnel (CONNECT host:port), opened to the checked address; either side closing closes both. */
  async #tunnel(req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
    // `client` is the connection's socket, tracked since it connected.
    client.on('error', () => client.destroy());
    const target = await this.#vet(`https://${req.url ?? ''}/`);
    if (client.destroyed || this.#closed) return;
    if (!target) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect({ host: target.address.address, port: Number(target.url.port || 443), family: target.address.family });
    this.#track(upstream);
    upstream.setTimeout(IDLE_MS, () => upstream.destroy());
    let open = false;
    upstream.once('connect', () => {
      open = true;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      pipeline(upstream, client).catch(() => undefined);
      pipeline(client, upstream).catch(() => undefined);
    });
    upstream.on('error', () => { if (!open && !client.destroyed) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'); });
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  }

  /** The URL and the address to connect to, or null (and the refusal kept) when it is not allowed. */
  async #vet(raw: string): Promise<{ url: URL; address: VettedAddress } | null> {
    try {
      const url = parseUrl(raw);
      return { url, address: await vettedAddress(url, this.#allowHosts) };
    } catch (err) {
      const why = err instanceof BulwarkError ? err.message : String(err);
      const seen = this.#refusals.get(why);
      if (seen) seen.count++;
      else if (this.#refusals.size < 5) this.#refusals.set(why, { url: raw.slice(0, 200), count: 1 });
      return null;
    }
  }

  #track(socket: Duplex): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
  }
}

/** The headers without those that belong to one hop. */
function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept = { ...headers };
  const named = String(headers.connection ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  for (const name of [...HOP_BY_HOP, ...named]) delete kept[name];
  return kept;
}
