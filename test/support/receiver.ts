// A real local HTTP receiver standing in for a customer's webhook endpoint: it records every
// delivery (event, signature, raw body) and answers 204, and a test can wait for the one it expects.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received { event: string; signature: string; body: string; json: any }

export interface Receiver {
  received: Received[];
  /** http://127.0.0.1:<port>/bulwark (the server must be listening). */
  readonly url: string;
  listen(): Promise<void>;
  close(): Promise<void>;
  /** The first delivery (already received or still to come) that passes `test`, within 10 s. */
  next(test: (r: Received) => boolean): Promise<Received>;
}

export function receiver(): Receiver {
  const received: Received[] = [];
  const waiting: { test: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      const r = { event: String(req.headers['bulwark-event']), signature: String(req.headers['bulwark-signature']), body, json: JSON.parse(body) };
      received.push(r);
      for (const w of waiting.filter((w) => w.test(r))) { waiting.splice(waiting.indexOf(w), 1); w.resolve(r); }
      res.writeHead(204).end();
    });
  });
  return {
    received,
    get url() { return `http://127.0.0.1:${(server.address() as AddressInfo).port}/bulwark`; },
    listen: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    next(test) {
      const seen = received.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiting.push({ test, resolve });
        setTimeout(() => reject(new Error('no such delivery within 10 s')), 10_000).unref();
      });
    },
  };
}
