/**
 * Follows a part of the page while what surrounds it settles (use-card-section.ts, a part of the
 * message card; use-broker-module.ts, a module of the broker's inspector): `place` runs at most
 * once a frame whenever the page's content changes or the elements `watch` names change size,
 * until the person scrolls, clicks or types (the page is theirs then). Returns the stop.
 */

/** What a person does to the page that makes its scroll theirs. */
const PERSON_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

export function followUntilPersonActs(place: () => void, watch: () => readonly Element[], mutations: MutationObserverInit = {}): () => void {
  let frame = 0;
  let watched: readonly Element[] = [];
  const sizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(later);
  const changes = new MutationObserver(later);
  function later(): void {
    if (frame === 0) frame = requestAnimationFrame(run);
  }
  function run(): void {
    frame = 0;
    const now = watch();
    if (now.length !== watched.length || now.some((element, index) => element !== watched[index])) {
      sizes?.disconnect();
      for (const element of now) sizes?.observe(element);
      watched = now;
    }
    place();
  }
  function stop(): void {
    changes.disconnect();
    sizes?.disconnect();
    cancelAnimationFrame(frame);
    frame = 0;
    for (const type of PERSON_EVENTS) window.removeEventListener(type, stop, true);
  }
  changes.observe(document.body, { subtree: true, childList: true, ...mutations });
  for (const type of PERSON_EVENTS) window.addEventListener(type, stop, { capture: true, passive: true });
  run();
  return stop;
}
