/**
 * What the tests of panels off screen (src/ui/on-screen.tsx) share: the page's idle callbacks
 * run by hand, and a probe panel that shows the moment it draws.
 */
import { vi } from 'vitest';
import { QUIET_MS } from '../../../src/ui/on-screen.tsx';
import { PanelFrame } from '../../../src/ui/panels/shared.tsx';
import { useSimView } from '../../../src/ui/use-sim.ts';

/** requestIdleCallback run by hand: `run()` runs what waits for the page to be idle then. */
/** An IntersectionObserver that finds every watched panel off screen (the page scrolled to its foot): stub it with vi.stubGlobal. */
export class OffScreenObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target, isIntersecting: false } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
  disconnect() {}
}

/**
 * The page's clock as the idle callbacks below see it: performance.now() plus the time the tests
 * let pass. Only ever moved forward, across tests too: a move remembered by src/ui/on-screen.tsx
 * in one test is never ahead of the clock in the next.
 */
let passedMs = 0;

export class IdleByHand {
  tasks: (() => void)[] = [];

  /** Stands in for the page's idle callbacks and its clock (the test's afterEach unstubs the globals and restores the mocks). */
  install(): void {
    this.tasks = [];
    vi.stubGlobal('requestIdleCallback', (task: () => void) => this.tasks.push(task));
    vi.stubGlobal('cancelIdleCallback', (handle: number) => {
      this.tasks.splice(handle - 1, 1);
    });
    if (vi.isMockFunction(performance.now)) return;
    const now = performance.now.bind(performance);
    vi.spyOn(performance, 'now').mockImplementation(() => now() + passedMs);
  }

  /** The page turns idle `afterMs` later (by default once the playhead has rested, QUIET_MS), and runs what waits for it then. */
  run(afterMs = QUIET_MS): void {
    passedMs += afterMs;
    this.runNow();
  }

  /** The page turns idle at once, the playhead still where the last move put it a moment ago. */
  runNow(): void {
    const tasks = this.tasks;
    this.tasks = [];
    for (const task of tasks) task();
  }
}

/** A panel that shows the time of the moment it draws. */
export function ProbePanel() {
  const view = useSimView();
  return (
    <PanelFrame name="probe" title="probe">
      <output data-testid="shown">{view?.timeMs}</output>
    </PanelFrame>
  );
}
