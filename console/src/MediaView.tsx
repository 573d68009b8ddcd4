// A flagged picture, video or sound as the reviewer sees it: the kept media with each finding's box
// drawn where it is (a video's boxes while the player is at their moment), the timeline that moves
// the player, and — for pictures and video — blurred and greyscaled until the reviewer reveals
// this item (key v), unless their settings say otherwise.

import { useRef, useState } from 'react';
import type { Decision, Evidence } from './api';
import { usePreferences } from './preferences';
import { Timeline } from './Timeline';
import { useKeptMedia } from './useKeptMedia';
import { useShortcuts } from './useShortcuts';

type Size = { width: number; height: number };

/** The frame is exactly as big as the picture it shows (so boxes placed in % land on it): full width, at most --media-height tall. */
const frameStyle = (size: Size | null) => (size
  ? { width: `min(100%, calc(var(--media-height) * ${size.width / size.height}))`, aspectRatio: `${size.width} / ${size.height}` }
  : undefined);

function Boxes({ evidence, size }: { evidence: readonly Evidence[]; size: Size | null }) {
  if (!size) return null;
  return evidence.filter((e) => e.region).map((e, k) => {
    const r = e.region!;
    return (
      <span key={k} className={`box sev-${e.severity}`} role="img" aria-label={`${e.category}: “${e.text}”`} title={`${e.category}: ${e.text}`}
        style={{ left: `${(r.x / size.width) * 100}%`, top: `${(r.y / size.height) * 100}%`, width: `${(r.w / size.width) * 100}%`, height: `${(r.h / size.height) * 100}%` }} />
    );
  });
}

export function MediaView({ decision }: { decision: Decision }) {
  const kept = useKeptMedia(decision.id);
  const preferences = usePreferences();
  const [revealed, setRevealed] = useState(false);
  const [size, setSize] = useState<Size | null>(null);
  const [now, setNow] = useState(0);
  const player = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const type = kept.state === 'kept' ? kept.type : '';
  const visual = type.startsWith('image/') || type.startsWith('video/');
  useShortcuts(visual ? { v: () => setRevealed((r) => !r) } : {});

  const offset = kept.state === 'kept' ? kept.offset : 0;
  const veiled = preferences.veilMedia && !revealed;
  const className = `${veiled ? 'veiled' : ''} ${!veiled && preferences.keepGreyscale ? 'greyscale' : ''}`;
  // A video shows the boxes of the findings at the player's moment; a still picture all of them.
  const boxed = type.startsWith('video/')
    ? decision.evidence.filter((e) => e.time && e.time.start - offset <= now && now < e.time.end - offset + 0.5)
    : decision.evidence;
  const seek = (seconds: number) => {
    if (!player.current) return;
    player.current.currentTime = Math.max(0, seconds - offset);
    void player.current.play().catch(() => {});
  };

  return (
    <section className="media" aria-label="Media">
      {kept.state === 'loading' && <p role="status">Loading the media…</p>}
      {kept.state === 'failed' && <p role="alert">The media could not be loaded: {kept.message}</p>}
      {kept.state === 'none' && <p className="muted">The picture or recording was not kept (the tenant keeps only hashes, or it expired); the evidence below shows what was found.</p>}
      {kept.state === 'kept' && (
        <>
          {visual && (
            <div className="veil-controls">
              <button type="button" onClick={() => setRevealed((r) => !r)}>
                {veiled ? 'Reveal' : 'Blur again'} <kbd>v</kbd>
              </button>
            </div>
          )}
          {type.startsWith('image/') && (
            <div className="frame" style={frameStyle(size)}>
              <img src={kept.url} alt="The picture under review" className={className}
                onLoad={(e) => setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })} />
              <Boxes evidence={boxed} size={size} />
            </div>
          )}
          {type.startsWith('video/') && (
            <div className="frame" style={frameStyle(size)}>
              <video ref={player} src={kept.url} controls className={className} aria-label="The video under review"
                onLoadedMetadata={(e) => setSize({ width: e.currentTarget.videoWidth, height: e.currentTarget.videoHeight })}
                onTimeUpdate={(e) => setNow(e.currentTarget.currentTime)} />
              <Boxes evidence={boxed} size={size} />
            </div>
          )}
          {type.startsWith('audio/') && <audio ref={player} src={kept.url} controls aria-label="The recording under review" />}
          {!visual && !type.startsWith('audio/') && <p className="muted">The browser cannot show this media ({type || 'unknown type'}).</p>}
        </>
      )}
      {decision.timeline && (
        <Timeline moments={decision.timeline} duration={decision.recording?.duration ?? 0}
          onSeek={kept.state === 'kept' && !type.startsWith('image/') ? seek : null} />
      )}
    </section>
  );
}
