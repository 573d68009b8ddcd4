// Running the Debian media tools (ffmpeg, ffprobe, pocketsphinx) as child processes: arguments as a
// list (never a shell), a deadline and an abort signal that kill the process, bounded output, and
// a clear error when the tool is not installed (scripts/media-tools.sh installs them).

import { spawn } from 'node:child_process';
import { BulwarkError } from '../errors.js';

export interface ToolRun {
  signal?: AbortSignal;
  timeoutMs: number;
  /** Most bytes of stdout kept (the rest is an error). */
  maxOutput?: number;
  /** The child's environment (the process's own when not given). */
  env?: NodeJS.ProcessEnv;
}

export interface ToolResult { stdout: string; stderr: string; code: number | null }

const MAX_STDERR = 8_000;

/** Runs `command args…`; resolves with its output whatever its exit code, rejects when it cannot run or runs too long. */
export function runTool(command: string, args: readonly string[], run: ToolRun): Promise<ToolResult> {
  const maxOutput = run.maxOutput ?? 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    if (run.signal?.aborted) { reject(run.signal.reason); return; }
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: run.env });
    let stdout = '';
    let stderr = '';
    let failure: unknown = null;
    const stop = (why: unknown) => { failure ??= why; child.kill('SIGKILL'); };
    const timer = setTimeout(() => stop(new BulwarkError('MEDIA_TIMEOUT', `${command} ran past ${run.timeoutMs} ms.`)), run.timeoutMs);
    const onAbort = () => stop(run.signal?.reason);
    run.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.length > maxOutput) stop(new BulwarkError('MEDIA_TOO_LARGE', `${command} printed more than ${maxOutput} bytes.`));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { if (stderr.length < MAX_STDERR) stderr += chunk; });
    child.on('error', (err: NodeJS.ErrnoException) => {
      stop(err.code === 'ENOENT'
        ? new BulwarkError('SERVICE_NOT_READY', `${command} is not installed; run scripts/media-tools.sh (Debian: apt-get install ffmpeg pocketsphinx pocketsphinx-en-us).`)
        : err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else resolve({ stdout, stderr, code });
    });
  });
}
