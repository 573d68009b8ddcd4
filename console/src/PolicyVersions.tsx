// A policy's history, newest first, each version with what it changed from the one before; with
// `onLoad` (admin keys), each older version can be loaded into the form to save it again.

import { useEffect, useState } from 'react';
import { call, errorText, when } from './api';
import { changesBetween } from './policyText';
import type { Policy } from './policyText';

export function PolicyVersions({ name, version, onLoad }: { name: string; version: number; onLoad?: (older: Policy) => void }) {
  const [versions, setVersions] = useState<Policy[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    call('get', '/v1/policies/{name}/versions', { params: { name } }).then((r) => setVersions(r.versions), (err: unknown) => setError(errorText(err)));
  }, [name, version]);
  return (
    <section aria-labelledby="versions-heading" className="versions">
      <h3 id="versions-heading">Version history</h3>
      {error && <p role="alert">{error}</p>}
      <ol aria-label="Versions">
        {versions?.map((v, k) => {
          const older = versions[k + 1];
          const changes = older ? changesBetween(older, v) : [];
          return (
            <li key={v.version}>
              <strong>Version {v.version}</strong> · <time dateTime={v.createdAt}>{when(v.createdAt)}</time>
              {v.description && <> · {v.description}</>}
              {older && <div className="muted">{changes.length ? changes.join('; ') : 'no change'}</div>}
              {onLoad && v.version !== version && <button type="button" onClick={() => onLoad(v)}>Load version {v.version} into the form</button>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
