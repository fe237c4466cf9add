// Undo/redo over graph snapshots. Pure: every function returns a new history.
export interface History<T> {
  past: T[];
  future: T[];
  /** Coalescing: consecutive pushes with the same key within `coalesceMs` keep only the first snapshot. */
  lastKey?: string;
  lastAt?: number;
}

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

const limit = 200;
const coalesceMs = 1000;

/** Record `before` (the state prior to a change) as an undo step. */
export function record<T>(h: History<T>, before: T, key?: string, now = Date.now()): History<T> {
  if (key && h.lastKey === key && h.lastAt !== undefined && now - h.lastAt < coalesceMs) {
    return { ...h, future: [], lastAt: now };
  }
  const past = h.past.length >= limit ? [...h.past.slice(1), before] : [...h.past, before];
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undo<T>(h: History<T>, current: T): { history: History<T>; state: T } | null {
  if (h.past.length === 0) return null;
  const state = h.past[h.past.length - 1];
  return { history: { past: h.past.slice(0, -1), future: [current, ...h.future] }, state };
}

export function redo<T>(h: History<T>, current: T): { history: History<T>; state: T } | null {
  if (h.future.length === 0) return null;
  const [state, ...future] = h.future;
  return { history: { past: [...h.past, current], future }, state };
}
