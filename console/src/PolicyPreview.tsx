// The preview beside the policy form: 400 ms after the last edit it asks the API what the draft
// would have decided for the newest decisions, and says it in one sentence with a few examples.

import { useEffect, useRef, useState } from 'react';
import { call, errorText } from './api';
import { previewSentence, totals } from './policyText';
import type { PolicyDraft, Preview } from './policyText';

const DEBOUNCE_MS = 400;

export function PolicyPreview({ name, draft }: { name: string; draft: PolicyDraft }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  useEffect(() => {
    const asked = ++latest.current;
    setBusy(true);
    const timer = setTimeout(() => {
      call('post', '/v1/policies/{name}/preview', { params: { name }, body: draft }).then(
        (p) => { if (asked === latest.current) { setPreview(p); setError(''); setBusy(false); } },
        (err: unknown) => { if (asked === latest.current) { setError(errorText(err)); setBusy(false); } },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [name, draft]);

  return (
    <section className="preview" aria-labelledby="preview-heading" aria-busy={busy}>
      <h3 id="preview-heading">Preview</h3>
      {error ? <p role="alert">{error}</p> : preview && (
        <>
          <p className="preview-sentence" aria-live="polite">{previewSentence(preview)}</p>
          <p className="muted">
            Now: {totals(preview.current)} · with this draft: {totals(preview.proposed)}
            {preview.approximate > 0 && ` · ${preview.approximate} approximate (lists applied differently)`}
          </p>
          {preview.examples.length > 0 && (
            <ul aria-label="Decisions that would change" className="examples">
              {preview.examples.map((e) => (
                <li key={e.id}><a href={`#/decisions/${e.id}`}>{e.id}</a> <span className={`chip ${e.from}`}>{e.from}</span> → <span className={`chip ${e.to}`}>{e.to}</span></li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
