// Sending a picture or a recording as the raw body, and waiting for an audio or video job to end.

import { setTimeout as sleep } from 'node:timers/promises';
import type { TestServer } from './server.js';

export async function postMedia(s: TestServer, route: string, bytes: Buffer, contentType: string): Promise<any> {
  const res = await fetch(`${s.url}${route}`, {
    method: 'POST', body: new Uint8Array(bytes), headers: { authorization: `Bearer ${s.adminKey}`, 'content-type': contentType },
  });
  return res.json();
}

/** The job once it succeeded or failed (polled every 100 ms, for at most a minute). */
export async function finishedJob(s: TestServer, jobId: string): Promise<any> {
  for (let k = 0; k < 600; k++) {
    const { body } = await s.call('GET', `/v1/jobs/${jobId}`);
    if (['succeeded', 'failed'].includes(body.status)) return body;
    await sleep(100);
  }
  throw new Error(`job ${jobId} did not end within a minute`);
}
