// The flagged moments of a recording, on a bar as long as the recording and as a list; choosing one
// moves the player there (the media's offset subtracted: a live stream's piece starts mid-stream).

import type { Decision } from './api';

type Moment = NonNullable<Decision['timeline']>[number];

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function Timeline({ moments, duration, onSeek }: { moments: readonly Moment[]; duration: number; onSeek: ((seconds: number) => void) | null }) {
  const span = Math.max(duration, ...moments.map((m) => m.end), 1);
  const label = (m: Moment) => `${clock(m.start)}–${clock(m.end)} ${m.categories.join(', ')} (${m.severity})`;
  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-bar" aria-hidden="true">
        {moments.map((m, k) => (
          <span key={k} className={`moment sev-${m.severity}`} title={label(m)}
            style={{ left: `${(m.start / span) * 100}%`, width: `max(4px, ${((m.end - m.start) / span) * 100}%)` }} />
        ))}
      </div>
      <ol className="moments">
        {moments.map((m, k) => (
          <li key={k}>
            {onSeek
              ? <button type="button" onClick={() => onSeek(m.start)}>{label(m)}</button>
              : <span>{label(m)}</span>}
          </li>
        ))}
      </ol>
      {moments.length === 0 && <p className="muted">No flagged moments.</p>}
    </section>
  );
}
