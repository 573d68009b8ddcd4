// Bodies written to disk under a byte cap, never held in memory: an upload as it arrives, and a
// recording fetched by URL (safeFetch's rules: checked and pinned addresses, redirects checked).
// A download must start answering within the fetch deadline; after that it may take as long as it
// needs, but no pause may last longer than the deadline, and the caller's signal cancels it.

import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BulwarkError } from '../errors.js';
import { openUrl, tooLarge } from './safeFetch.js';
import type { FetchLimits } from './safeFetch.js';

export interface SaveOptions {
  signal?: AbortSignal;
  /**
   * Past the cap, read the rest without writing it and fail at the end (an upload: the client then
   * gets its 413 instead of a reset connection); otherwise fail at once (a download: stop reading).
   */
  drainExcess?: boolean;
}

/** Writes the stream to `file`; MEDIA_TOO_LARGE past `maxBytes`. Returns the bytes written. */
export async function saveCapped(stream: Readable, file: string, maxBytes: number, options: SaveOptions = {}): Promise<number> {
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes <= maxBytes) done(null, chunk);
      else done(options.drainExcess ? null : tooLarge(maxBytes));
    },
    flush(done) {
      done(bytes > maxBytes ? tooLarge(maxBytes) : null);
    },
  });
  await pipeline(stream, cap, createWriteStream(file), { signal: options.signal });
  return bytes;
}

/** Fetches the URL into `file`; returns the bytes written. */
export async function downloadTo(rawUrl: string, file: string, limits: FetchLimits, signal?: AbortSignal): Promise<number> {
  signal?.throwIfAborted();
  const { res, req } = await openUrl(rawUrl, limits, signal);
  let stalled: BulwarkError | null = null;
  req.setTimeout(limits.timeoutMs, () => {
    stalled = new BulwarkError('MEDIA_FETCH_FAILED', `The URL sent nothing for ${limits.timeoutMs} ms.`, { reason: 'timeout' });
    req.destroy(stalled);
  });
  try {
    return await saveCapped(res, file, limits.maxBytes, { signal });
  } catch (err) {
    req.destroy();
    if (signal?.aborted) throw signal.reason;
    if (stalled) throw stalled;
    if (err instanceof BulwarkError) throw err;
    // A disk that fails is the server's trouble, not the URL's.
    if (['open', 'write'].includes((err as NodeJS.ErrnoException).syscall ?? '')) throw err;
    throw new BulwarkError('MEDIA_FETCH_FAILED', `Reading the URL failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
