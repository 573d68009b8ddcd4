import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReadText } from '../detectors/index.js';
import { touchedParts } from './mediaText.js';

// Three OCR lines joined by spaces: "Call me" [0,7) "+1 202" [8,14) "555 0143" [15,23).
const read: ReadText = {
  source: 'ocr', text: 'Call me +1 202 555 0143',
  parts: [
    { start: 0, end: 7, region: { x: 10, y: 10, w: 100, h: 20 } },
    { start: 8, end: 14, region: { x: 10, y: 40, w: 80, h: 20 } },
    { start: 15, end: 23, region: { x: 10, y: 70, w: 90, h: 20 } },
  ],
};
const lines = (start: number, end: number) => touchedParts(read, { start, end }).map((p) => read.parts.indexOf(p));

test('a span touches the lines it covers, and only those', () => {
  assert.deepEqual(lines(8, 23), [1, 2], 'a number over two lines');
  assert.deepEqual(lines(0, 4), [0]);
  assert.deepEqual(lines(15, 23), [2], 'a span starting at a line start does not touch the line before');
  assert.deepEqual(lines(13, 14), [1], 'a span ending at a line end does not touch the line after');
  assert.deepEqual(lines(7, 8), [0], 'the joining space belongs to the line before');
  assert.deepEqual(touchedParts(read, undefined).length, 3, 'a finding about the whole text touches every line');
});
