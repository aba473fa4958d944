/**
 * What the tests of panels off screen (src/ui/on-screen.tsx) share: the page's idle callbacks
 * run by hand, and a probe panel that shows the moment it draws.
 */
import { vi } from 'vitest';
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

export class IdleByHand {
  tasks: (() => void)[] = [];

  /** Stands in for the page's idle callbacks (the test's afterEach unstubs the globals). */
  install(): void {
    this.tasks = [];
    vi.stubGlobal('requestIdleCallback', (task: () => void) => this.tasks.push(task));
    vi.stubGlobal('cancelIdleCallback', (handle: number) => {
      this.tasks.splice(handle - 1, 1);
    });
  }

  run(): void {
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
