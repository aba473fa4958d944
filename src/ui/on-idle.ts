/** How a task waits for an idle moment where the browser has no requestIdleCallback (Safari). */
interface IdleOptions {
  /** The latest it runs, idle or not (requestIdleCallback's timeout). */
  withinMs: number;
  /** Without idle callbacks, it runs after a timer of this many ms; at once when not given. */
  fallbackMs?: number;
}

/** Runs `task` when the page is next idle (within `withinMs`); returns its cancel. */
export function onIdle(task: () => void, { withinMs, fallbackMs }: IdleOptions): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: withinMs });
    return () => window.cancelIdleCallback(handle);
  }
  if (fallbackMs === undefined) {
    task();
    return () => {};
  }
  const handle = window.setTimeout(task, fallbackMs);
  return () => window.clearTimeout(handle);
}
