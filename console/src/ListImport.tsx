// Import many entries into a list: paste lines or pick a .txt/.csv file; batches go to the API
// with a progress bar, and the report says what went in and what was rejected, and why.

import { useState } from 'react';
import { call, errorText } from './api';
import { entryLines, importEntries } from './importEntries';
import type { ImportReport } from './importEntries';

export function ListImport({ listId, onImported }: { listId: string; onImported: () => void }) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);
  // A new key empties the file input after an import, so the next one starts clean.
  const [picker, setPicker] = useState(0);

  const run = async () => {
    setError('');
    setReport(null);
    const lines = file ? entryLines(await file.text(), /\.csv$/i.test(file.name)) : entryLines(text, false);
    if (lines.length === 0) return setError('Nothing to import: paste lines or pick a file.');
    setProgress({ done: 0, total: lines.length });
    setRunning(true);
    try {
      const send = (values: string[]) => call('post', '/v1/lists/{id}/entries', { params: { id: listId }, body: { entries: values.map((value) => ({ value })) } });
      setReport(await importEntries(lines, send, (done) => setProgress({ done, total: lines.length })));
      setText('');
    } catch (err) {
      setError(`The import stopped: ${errorText(err)}`);
    }
    setRunning(false);
    setFile(null);
    setPicker((k) => k + 1);
    onImported();
  };

  return (
    <section aria-labelledby="import-heading" className="import">
      <h3 id="import-heading">Import entries</h3>
      <label className="field">Entries to import, one a line (# starts a comment)
        <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} disabled={file !== null} />
      </label>
      <label className="field">Or pick a .txt or .csv file (a CSV gives its first column)
        <input key={picker} type="file" accept=".txt,.csv,text/plain,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="button" onClick={() => void run()} disabled={running}>Import</button>
      {progress && (
        <p><label>Import progress <progress max={progress.total} value={progress.done} /></label> {progress.done} of {progress.total} lines sent</p>
      )}
      {error && <p role="alert">{error}</p>}
      {report && (
        <div role="status" className="report">
          <p>{report.added} added, {report.skipped} already on the list, {report.rejected.length} rejected.</p>
          {report.rejected.length > 0 && (
            <table className="scores" aria-label="Rejected entries">
              <thead><tr><th scope="col">Entry</th><th scope="col">Why</th></tr></thead>
              <tbody>{report.rejected.map((r, k) => <tr key={k}><td title={r.value}>{shortened(r.value)}</td><td>{r.reason}</td></tr>)}</tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

/** A rejected entry as the report shows it: long ones cut, with their length (the reason is often the length). */
function shortened(value: string): string {
  const chars = [...value];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}… (${chars.length} characters)` : value;
}
