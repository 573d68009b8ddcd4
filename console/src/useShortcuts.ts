// Single-key shortcuts for the whole page, ignored while typing in a field (Escape leaves the field,
// so the keys work again). A handled key does nothing else: `l` focusing a field types no "l".

import { useEffect } from 'react';

export function useShortcuts(keys: Record<string, () => void>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target?.closest('input, textarea, select')) {
        if (event.key === 'Escape') target.blur();
        return;
      }
      const action = keys[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys]);
}
