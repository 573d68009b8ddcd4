import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { probeMedia } from '../media/probe.js';
import { recording } from './fixtures.js';
import { listen } from './listen.js';
import { PocketSphinx } from './pocketsphinx.js';
import { SPOKEN_PHRASES } from './spokenPhrases.js';
import { segments } from './transcript.js';

let dir = '';
before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'bulwark-listen-')); });
after(() => rm(dir, { recursive: true, force: true }));

const engine = new PocketSphinx({ timeoutMs: 60_000 });
const options = () => ({ engine, phrases: SPOKEN_PHRASES, language: 'en', workDir: dir, timeoutMs: 60_000 });

test('a spoken threat after silence is heard at its time: words and a spotted phrase inside the spoken stretch', async () => {
  const file = path.join(dir, 'threat.ogg');
  const [, spoken] = await recording(file, [{ silence: 3 }, { say: 'I will kill you tomorrow' }, { silence: 1 }]);
  const probe = await probeMedia(file, { maxSeconds: 60, timeoutMs: 10_000 });
  assert.ok(Math.abs(probe.duration - (spoken.end + 1)) < 0.2, `duration ${probe.duration}`);
  assert.deepEqual([probe.audio, probe.video], [true, null]);
  const heard = await listen(file, options());
  assert.equal(heard.engine, engine.version);
  assert.ok(heard.words.length > 0, 'something is transcribed');
  for (const w of heard.words) assert.ok(w.time.start >= spoken.start - 0.5 && w.time.end <= spoken.end + 0.5, `${w.text} at ${w.time.start}`);
  const kill = heard.spotted.find((s) => s.phrase === 'kill you');
  assert.ok(kill, `"kill you" spotted: ${JSON.stringify(heard.spotted)}; transcript: ${heard.words.map((w) => w.text).join(' ')}`);
  assert.ok(kill.time.start >= spoken.start && kill.time.end <= spoken.end + 0.3, JSON.stringify(kill.time));
  assert.equal(segments(heard.words).length, 1, 'one stretch of speech, one segment');
});

test('a language without an engine is said so; an unreadable file is MEDIA_UNDECODABLE', async () => {
  const file = path.join(dir, 'hello.wav');
  await recording(file, [{ say: 'hello' }]);
  const heard = await listen(file, { ...options(), language: 'zh' });
  assert.deepEqual([heard.engine, heard.words, heard.spotted], [null, [], []]);
  assert.match(heard.note ?? '', /No offline speech engine for "zh"/);
  const { writeFile } = await import('node:fs/promises');
  const junk = path.join(dir, 'junk.mp3');
  await writeFile(junk, Buffer.from('ID3 this is not really audio at all'));
  await assert.rejects(probeMedia(junk, { maxSeconds: 60, timeoutMs: 10_000 }), (e: any) => e.code === 'MEDIA_UNDECODABLE');
  await assert.rejects(probeMedia(file, { maxSeconds: 0.1, timeoutMs: 10_000 }), (e: any) => e.code === 'MEDIA_TOO_LARGE');
});
