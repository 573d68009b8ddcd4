// The reviewer's own display settings, kept in this browser (localStorage: they are no secret and
// should outlive the tab, unlike the key). Every component that reads them sees a change at once.

import { useSyncExternalStore } from 'react';

interface Preferences {
  /** Pictures and video start blurred and greyscaled; the reviewer reveals each item. */
  veilMedia: boolean;
  /** A revealed picture or video stays greyscale. */
  keepGreyscale: boolean;
}

const KEY = 'bulwark.preferences';
const DEFAULTS: Preferences = { veilMedia: true, keepGreyscale: false };
const listeners = new Set<() => void>();

function load(): Preferences {
  try {
    return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>) };
  } catch {
    return DEFAULTS;
  }
}

let current = load();

export function setPreferences(change: Partial<Preferences>): void {
  current = { ...current, ...change };
  localStorage.setItem(KEY, JSON.stringify(current));
  for (const listener of listeners) listener();
}

export function usePreferences(): Preferences {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, () => current);
}
