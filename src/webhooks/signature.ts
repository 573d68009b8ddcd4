// Webhook signatures: header `Bulwark-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
// "<t>.<raw body>" with the endpoint's secret>`. The timestamp is signed with the body, so a
// receiver that checks the signature and refuses old timestamps rejects forgeries and replays.

import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'bulwark-signature';

/** Replays older than this (in seconds) are refused by verifySignature by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmac(secret, unixSeconds, body)}`;
}

/**
 * What a receiver runs: true when the header carries a valid v1 signature of this exact body made
 * no more than `toleranceSeconds` from `nowSeconds`.
 */
export function verifySignature(header: string | undefined, body: string, secret: string,
  { nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = {}): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(hmac(secret, t, body), 'hex'));
}

function hmac(secret: string, unixSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
}
