// The decision search form and its link with the URL: the search lives in the hash
// ('#/decisions?suggestion=block&category=spam'), so a search can be bookmarked and the back button works.

import { useState } from 'react';
import type { FormEvent } from 'react';
import type { paths } from './generated/api';

type ListQuery = NonNullable<paths['/v1/decisions']['get']['query']>;
type Filters = Pick<ListQuery, 'suggestion' | 'category' | 'since' | 'until' | 'dataId' | 'review'>;
type Suggestion = NonNullable<Filters['suggestion']>;
type Category = NonNullable<Filters['category']>;
type Review = NonNullable<Filters['review']>;

// Records over the API's own unions: the compiler fails here if the API gains or drops a value.
const SUGGESTIONS: Record<Suggestion, true> = { pass: true, review: true, block: true };
const CATEGORIES: Record<Category, true> = {
  sexual: true, sexual_minors: true, hate: true, harassment: true, violence: true, self_harm: true,
  illicit: true, spam: true, ads: true, profanity: true, pii: true,
};
/** Where the decision's newest review stands, in a reviewer's words. */
const REVIEWS: Record<Review, string> = { none: 'never queued', pending: 'in the queue', approve: 'approved', reject: 'rejected' };
const isSuggestion = (v: string | null): v is Suggestion => v !== null && Object.hasOwn(SUGGESTIONS, v);
const isCategory = (v: string | null): v is Category => v !== null && Object.hasOwn(CATEGORIES, v);
const isReview = (v: string | null): v is Review => v !== null && Object.hasOwn(REVIEWS, v);

/** The filters a hash query names; unknown values are dropped rather than sent. */
export function parseFilters(query: string): Filters {
  const p = new URLSearchParams(query);
  const time = (name: string) => { const v = p.get(name); return v && !Number.isNaN(Date.parse(v)) ? v : undefined; };
  const suggestion = p.get('suggestion');
  const category = p.get('category');
  const review = p.get('review');
  return {
    suggestion: isSuggestion(suggestion) ? suggestion : undefined,
    category: isCategory(category) ? category : undefined,
    review: isReview(review) ? review : undefined,
    since: time('since'), until: time('until'),
    dataId: p.get('dataId') || undefined,
  };
}

/** The filters as query parameters, empty ones left out (for the hash and for the API alike). */
export function filterParams(filters: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

// <input type="datetime-local"> speaks local wall-clock time without a zone; the hash and the API get ISO-8601.
const pad = (n: number) => String(n).padStart(2, '0');
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

const EMPTY = { suggestion: '', category: '', review: '', since: '', until: '', dataId: '' };

/** The form; give it `key` = the query so that a new hash (back button, bookmark) resets it. */
export function DecisionSearch({ filters }: { filters: Filters }) {
  const [form, setForm] = useState<typeof EMPTY>({
    suggestion: filters.suggestion ?? '', category: filters.category ?? '', review: filters.review ?? '',
    since: toLocalInput(filters.since), until: toLocalInput(filters.until), dataId: filters.dataId ?? '',
  });
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen: Filters = {
      suggestion: isSuggestion(form.suggestion) ? form.suggestion : undefined,
      category: isCategory(form.category) ? form.category : undefined,
      review: isReview(form.review) ? form.review : undefined,
      since: fromLocalInput(form.since), until: fromLocalInput(form.until), dataId: form.dataId.trim() || undefined,
    };
    const query = new URLSearchParams(filterParams(chosen)).toString();
    window.location.hash = query ? `#/decisions?${query}` : '#/decisions';
  };
  return (
    <form className="decision-search" role="search" aria-label="Search decisions" onSubmit={submit}>
      <AnyOf label="Suggestion" value={form.suggestion} options={Object.keys(SUGGESTIONS)} onChange={set('suggestion')} />
      <AnyOf label="Category" value={form.category} options={Object.keys(CATEGORIES)} onChange={set('category')} />
      <AnyOf label="Review" value={form.review} options={Object.keys(REVIEWS)} names={REVIEWS} onChange={set('review')} />
      <label>Since <input type="datetime-local" value={form.since} onChange={set('since')} /></label>
      <label>Until <input type="datetime-local" value={form.until} onChange={set('until')} /></label>
      <label>Data id <input type="text" value={form.dataId} onChange={set('dataId')} maxLength={128} /></label>
      <div className="search-actions">
        <button type="submit">Search</button>
        <button type="button" onClick={() => { setForm(EMPTY); window.location.hash = '#/decisions'; }}>Clear</button>
      </div>
    </form>
  );
}

/** A select of "Any" or one of `options`, each shown by its name if `names` gives one. */
function AnyOf({ label, value, options, names = {}, onChange }: {
  label: string; value: string; options: string[]; names?: Record<string, string>; onChange: (e: { target: { value: string } }) => void;
}) {
  return (
    <label>{label}
      <select value={value} onChange={onChange}>
        <option value="">Any</option>
        {options.map((o) => <option key={o} value={o}>{names[o] ?? o}</option>)}
      </select>
    </label>
  );
}
