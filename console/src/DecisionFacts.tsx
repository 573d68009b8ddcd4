// The parts of a decision page besides its content: the reviewer's outcome, the policy's reasons,
// the file a picture or recording was, the detector versions and the caller's metadata.

import { when } from './api';
import type { Decision } from './api';

export function ReviewOutcome({ review }: { review: Decision['review'] }) {
  return (
    <section className="facts" aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      {!review ? <p>Not reviewed</p> : !review.outcome ? <p>In the review queue ({review.status}), not decided yet.</p> : (
        <>
          <p className="outcome">Outcome: {review.outcome}</p>
          <dl>
            <dt>Labels</dt>
            <dd>{review.labels.length ? review.labels.map((l) => <span key={l} className="chip">{l}</span>) : 'none'}</dd>
            <dt>Note</dt><dd className="note">{review.note ?? '—'}</dd>
            <dt>Decided by</dt><dd>{review.decidedByName ?? '—'} <code>{review.decidedBy}</code></dd>
            <dt>Decided at</dt><dd>{when(review.decidedAt)}</dd>
          </dl>
        </>
      )}
    </section>
  );
}

export function Reasons({ decision }: { decision: Decision }) {
  return (
    <section aria-labelledby="reasons-heading">
      <h2 id="reasons-heading">Reasons</h2>
      {decision.reasons.length === 0 ? <p>None: no category reached the policy's thresholds, so it passed.</p> : (
        <table className="plain" aria-labelledby="reasons-heading">
          <thead><tr><th scope="col">Category</th><th scope="col">Suggestion</th><th scope="col">By</th></tr></thead>
          <tbody>{decision.reasons.map((r, k) => (
            <tr key={k}><td>{r.category}</td><td><span className={`chip ${r.suggestion}`}>{r.suggestion}</span></td><td>{r.by}</td></tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A picture's or a recording's facts (the file itself is never stored). */
export function FileFacts({ decision }: { decision: Decision }) {
  const { media, recording } = decision;
  if (!media && !recording) return null;
  return (
    <section className="facts" aria-labelledby="file-heading">
      <h2 id="file-heading">File</h2>
      {media && (
        <dl>
          <dt>Picture</dt><dd>{media.format}, {media.width} × {media.height}{media.frames > 1 ? `, ${media.frames} frames` : ''}, {kb(media.bytes)}</dd>
          <dt>SHA-256</dt><dd><code className="hash">{media.sha256}</code></dd>
          <dt>PDQ</dt><dd><code className="hash">{media.pdq}</code> (quality {media.pdqQuality})</dd>
        </dl>
      )}
      {recording && (
        <dl>
          <dt>Recording</dt>
          <dd>{recording.format}, {recording.duration.toFixed(1)} s, {kb(recording.bytes)}
            {recording.video ? `, video ${recording.video.width} × ${recording.video.height}` : ', sound only'}</dd>
          {recording.frames && <><dt>Frames</dt>
            <dd>{recording.frames.sampled} sampled (every {recording.frames.interval} s and at scene changes), {recording.frames.analysed} analysed</dd></>}
          <dt>SHA-256</dt><dd><code className="hash">{recording.sha256}</code></dd>
        </dl>
      )}
    </section>
  );
}

export function Models({ decision }: { decision: Decision }) {
  const models = Object.entries(decision.models);
  return (
    <section aria-labelledby="models-heading">
      <h2 id="models-heading">Models</h2>
      <table className="plain" aria-labelledby="models-heading">
        <thead><tr><th scope="col">Detector</th><th scope="col">Version</th></tr></thead>
        <tbody>{models.map(([name, version]) => <tr key={name}><td>{name}</td><td><code>{version}</code></td></tr>)}</tbody>
      </table>
    </section>
  );
}

export function Metadata({ metadata }: { metadata: Decision['metadata'] }) {
  return (
    <section aria-labelledby="metadata-heading">
      <h2 id="metadata-heading">Metadata</h2>
      {metadata && Object.keys(metadata).length > 0
        ? <pre className="metadata">{JSON.stringify(metadata, null, 2)}</pre>
        : <p>None was sent with the content.</p>}
    </section>
  );
}
