// One threshold of a policy: a severity (low, medium, high), a score in [0, 1], or never. The
// score's box shows only when "score" is chosen; out-of-range scores are left to the API to refuse.

import { useEffect, useState } from 'react';
import type { Threshold } from './policyText';

type Kind = 'never' | 'low' | 'medium' | 'high' | 'score';

const kindOf = (t: Threshold): Kind => (t === null ? 'never' : typeof t === 'number' ? 'score' : (t as Kind));

export function ThresholdInput({ label, value, disabled, onChange }: {
  /** e.g. "harassment: block", read as "harassment: block at" and "harassment: block score". */
  label: string; value: Threshold; disabled: boolean; onChange: (t: Threshold) => void;
}) {
  const kind = kindOf(value);
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '0.5');
  // Follows the value when it changes from outside (a version restored), not while the box is being cleared.
  useEffect(() => { if (typeof value === 'number' && text.trim() !== '' && Number(text) !== value) setText(String(value)); }, [value, text]);
  const choose = (k: Kind) => onChange(k === 'never' ? null : k === 'score' ? (text.trim() === '' ? 0.5 : Number(text)) : k);
  return (
    <span className="threshold">
      <select aria-label={`${label} at`} value={kind} disabled={disabled} onChange={(e) => choose(e.target.value as Kind)}>
        <option value="never">never</option>
        <option value="low">severity low</option>
        <option value="medium">severity medium</option>
        <option value="high">severity high</option>
        <option value="score">score ≥</option>
      </select>
      {kind === 'score' && (
        <input type="number" aria-label={`${label} score`} min={0} max={1} step={0.05} value={text} disabled={disabled}
          onChange={(e) => { setText(e.target.value); if (e.target.value.trim() !== '') onChange(Number(e.target.value)); }} />
      )}
    </span>
  );
}
