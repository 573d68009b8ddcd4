import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sexualFinding } from './sexualContent.js';

const scores = (porn: number, hentai: number, sexy: number) => ({ drawing: 0, neutral: Math.max(0, 1 - porn - hentai - sexy), porn, hentai, sexy });

test('Porn + Hentai is explicit up to high; Sexy alone stops at medium with its score scaled down', () => {
  const cases: [ReturnType<typeof scores>, ReturnType<typeof sexualFinding>][] = [
    [scores(0.2, 0.1, 0.1), null],
    [scores(0.2, 0.15, 0), { kind: 'explicit', severity: 'low', score: 0.35 }],
    [scores(0.5, 0.1, 0), { kind: 'explicit', severity: 'medium', score: 0.6 }],
    [scores(0.6, 0.25, 0), { kind: 'explicit', severity: 'high', score: 0.85 }],
    [scores(0.99, 0, 0), { kind: 'explicit', severity: 'high', score: 0.99 }],
    [scores(0, 0, 0.59), null],
    [scores(0, 0, 0.6), { kind: 'suggestive', severity: 'low', score: 0.42 }],
    [scores(0, 0, 0.85), { kind: 'suggestive', severity: 'medium', score: 0.595 }],
    [scores(0.01, 0, 0.99), { kind: 'suggestive', severity: 'medium', score: 0.693 }],
    // Explicit wins over suggestive when both are present.
    [scores(0.3, 0.1, 0.6), { kind: 'explicit', severity: 'low', score: 0.4 }],
  ];
  for (const [input, expected] of cases) assert.deepEqual(sexualFinding(input), expected, JSON.stringify(input));
});
