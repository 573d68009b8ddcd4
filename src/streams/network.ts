// How ffmpeg and ffprobe may reach a stream without becoming a way into the operator's network.
// http(s): every request goes through an EgressProxy (the tenant's URL, each HLS segment, key and
// variant, each redirect), checked and pinned there. rtmp and rtsp: the host is checked and ffmpeg
// is given the checked address, so no second DNS answer is used (RTMP's tcUrl keeps the name, for
// servers that route by it); RTSP media comes over the same TCP connection, never UDP to addresses
// the server names. Not covered: an RTSP server's redirect (ffmpeg follows it unchecked). In every
// case a protocol whitelist keeps ffmpeg off file:, pipes and anything else a playlist could name.

import { EgressProxy } from '../net/egressProxy.js';
import { vettedAddress } from '../net/safeFetch.js';

export interface StreamAccess {
  /** The URL ffmpeg opens. */
  url: string;
  /** Input options that go before `-i`. */
  args: string[];
  env: NodeJS.ProcessEnv;
  /** What the proxy refused, for the stream's error. */
  refused(): string[];
  close(): Promise<void>;
}

/** How long ffmpeg waits on a silent socket before it gives the connection up. */
const IO_TIMEOUT_MICROS = String(15_000_000);

const WHITELIST = {
  http: 'http,https,tls,tcp,httpproxy,crypto,data',
  rtmp: 'rtmp,rtmps,tcp,tls',
  rtsp: 'rtsp,rtsps,rtp,srtp,tcp,tls',
};

/** The address a stream's host (any scheme) resolves to, when it may be reached. Throws URL_NOT_ALLOWED. */
export function vettedStreamHost(url: URL, allowHosts: readonly string[]): ReturnType<typeof vettedAddress> {
  return vettedAddress(new URL(`http://${url.host}/`), allowHosts);
}

/** Opens the way to one connection of a stream; `close()` it when ffmpeg is done. Throws URL_NOT_ALLOWED. */
export async function openStreamAccess(raw: string, allowHosts: readonly string[]): Promise<StreamAccess> {
  const url = new URL(raw);
  const env = withoutProxySettings(process.env);
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    await vettedAddress(url, allowHosts);
    const proxy = await EgressProxy.start(allowHosts);
    return {
      url: raw, env: { ...env, http_proxy: proxy.url },
      args: ['-protocol_whitelist', WHITELIST.http, '-http_proxy', proxy.url, '-rw_timeout', IO_TIMEOUT_MICROS, '-reconnect', '0'],
      refused: () => proxy.refused(), close: () => proxy.close(),
    };
  }
  const { address } = await vettedStreamHost(url, allowHosts);
  const named = `${url.protocol}//${url.host}`;
  const pinned = new URL(raw);
  pinned.hostname = address.includes(':') ? `[${address}]` : address;
  const rtmp = url.protocol.startsWith('rtmp');
  const args = rtmp
    ? ['-protocol_whitelist', WHITELIST.rtmp, '-rw_timeout', IO_TIMEOUT_MICROS, '-rtmp_tcurl', `${named}/${url.pathname.split('/')[1] ?? ''}`]
    : ['-protocol_whitelist', WHITELIST.rtsp, '-rtsp_transport', 'tcp', '-timeout', IO_TIMEOUT_MICROS];
  return { url: pinned.toString(), env, args, refused: () => [], close: async () => undefined };
}

/** The environment without proxy settings of the operator's own, which would route around the checks. */
function withoutProxySettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept = { ...env };
  for (const name of Object.keys(kept)) if (/^(https?|no|all)_proxy$/i.test(name)) delete kept[name];
  return kept;
}
