// A decision's kept picture or recording, fetched with the key (an <img> cannot send it) into an
// object URL that lives as long as the component showing it.

import { useEffect, useState } from 'react';
import { fetchMedia } from './api';

type KeptMedia =
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'failed'; message: string }
  | { state: 'kept'; url: string; type: string; offset: number };

export function useKeptMedia(decisionId: string): KeptMedia {
  const [media, setMedia] = useState<KeptMedia>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    let url: string | null = null;
    setMedia({ state: 'loading' });
    fetchMedia(decisionId, abort.signal).then((kept) => {
      if (!kept) return setMedia({ state: 'none' });
      url = kept.url;
      if (abort.signal.aborted) URL.revokeObjectURL(url);
      else setMedia({ state: 'kept', ...kept });
    }, (err: unknown) => {
      if (!abort.signal.aborted) setMedia({ state: 'failed', message: String(err) });
    });
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [decisionId]);
  return media;
}
