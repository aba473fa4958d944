// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { OnScreenSlot, QUIET_MS, useOffScreenCaughtUp } from '../../../src/ui/on-screen.tsx';
import { PanelFrame } from '../../../src/ui/panels/shared.tsx';
import { useSimView } from '../../../src/ui/use-sim.ts';
import { loadAt } from './load.ts';
import { IdleByHand, ProbePanel } from './idle-probe.tsx';
import { writeReadScenario } from './scenarios.ts';

/** An IntersectionObserver the test moves by hand: `scroll(false)` takes every watched panel off screen. */
class FakeObserver {
  static all: FakeObserver[] = [];
  private readonly targets: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    FakeObserver.all = FakeObserver.all.filter((observer) => observer !== this);
  }
  static scroll(onScreen: boolean) {
    for (const observer of FakeObserver.all) {
      const entries = observer.targets.map((target) => ({ target, isIntersecting: onScreen }) as unknown as IntersectionObserverEntry);
      observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  }
}

const idle = new IdleByHand();

function Rest() {
  return <output data-testid="caught-up">{String(useOffScreenCaughtUp())}</output>;
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  idle.install();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  FakeObserver.all = [];
});

describe('a panel off screen', () => {
  it('follows the playhead once the page is idle, and the page is not caught up until it has', () => {
    loadAt(writeReadScenario(), 1_000);
    render(<><OnScreenSlot><ProbePanel /></OnScreenSlot><Rest /></>);
    const shown = () => screen.getByTestId('shown').textContent;
    const caughtUp = () => screen.getByTestId('caught-up').textContent;
    act(() => usePlayback.getState().seek(2_000));
    expect(shown()).toBe('2000');

    act(() => FakeObserver.scroll(false));
    act(() => usePlayback.getState().seek(3_000));
    act(() => usePlayback.getState().seek(4_000));
    expect(shown()).toBe('2000');
    expect(caughtUp()).toBe('false');
    expect(idle.tasks).toHaveLength(1);

    act(() => idle.run());
    expect(shown()).toBe('4000');
    expect(caughtUp()).toBe('true');
  });

  it('is caught up when it comes back on screen, and owes nothing when the playhead came back to what it shows', () => {
    loadAt(writeReadScenario(), 1_000);
    render(<><OnScreenSlot><ProbePanel /></OnScreenSlot><Rest /></>);
    const shown = () => screen.getByTestId('shown').textContent;
    const caughtUp = () => screen.getByTestId('caught-up').textContent;
    act(() => FakeObserver.scroll(false));
    act(() => usePlayback.getState().seek(5_000));
    expect(shown()).toBe('1000');
    act(() => FakeObserver.scroll(true));
    expect(shown()).toBe('5000');
    expect(caughtUp()).toBe('true');

    act(() => FakeObserver.scroll(false));
    act(() => usePlayback.getState().seek(6_000));
    act(() => usePlayback.getState().seek(5_000));
    expect(caughtUp()).toBe('false');
    act(() => idle.run());
    expect(shown()).toBe('5000');
    expect(caughtUp()).toBe('true');
  });

  it('does not catch up while playing, and does once playing stops or it comes back on screen', () => {
    let wall = 5_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => wall);
    // The page turns idle once the playhead has rested, on this test's own clock.
    const idleAfterRest = () => {
      wall += QUIET_MS;
      idle.runNow();
    };
    loadAt(writeReadScenario(), 1_000);
    render(<><OnScreenSlot><ProbePanel /></OnScreenSlot><Rest /></>);
    const shown = () => screen.getByTestId('shown').textContent;
    const caughtUp = () => screen.getByTestId('caught-up').textContent;
    act(() => FakeObserver.scroll(false));
    act(idleAfterRest);
    act(() => usePlayback.getState().setPlaying(true));
    act(() => usePlayback.getState().seek(2_000));
    wall += 5_000;
    act(() => usePlayback.getState().seek(3_000));
    expect(idle.tasks).toHaveLength(0);
    expect(caughtUp()).toBe('false');
    act(() => FakeObserver.scroll(true));
    expect(shown()).toBe('3000');

    act(() => FakeObserver.scroll(false));
    act(idleAfterRest);
    act(() => usePlayback.getState().seek(4_000));
    expect(idle.tasks).toHaveLength(0);
    expect(shown()).toBe('3000');
    act(() => usePlayback.getState().setPlaying(false));
    act(idleAfterRest);
    expect(shown()).toBe('4000');
    expect(caughtUp()).toBe('true');
  });

  it('waits until the playhead has rested before it catches up: moves in a row draw only what is on screen', () => {
    loadAt(writeReadScenario(), 1_000);
    render(<><OnScreenSlot><ProbePanel /></OnScreenSlot><Rest /></>);
    const shown = () => screen.getByTestId('shown').textContent;
    const caughtUp = () => screen.getByTestId('caught-up').textContent;
    act(() => FakeObserver.scroll(false));
    act(() => usePlayback.getState().seek(2_000));
    // Idle right after the move, as between two steps of a key held down: the next move may come.
    act(() => idle.runNow());
    expect(shown()).toBe('1000');
    expect(caughtUp()).toBe('false');
    expect(idle.tasks).toHaveLength(1);
    // However long the moves go on (here 10 x 120 ms), as long as none rests.
    for (let t = 3_000; t <= 12_000; t += 1_000) {
      act(() => usePlayback.getState().seek(t));
      act(() => idle.run(QUIET_MS - 30));
      expect(shown()).toBe('1000');
    }

    act(() => idle.run());
    expect(shown()).toBe('12000');
    expect(caughtUp()).toBe('true');
  });

  it('is not drawn for a seek whose frame brings the summary of the new moment, only when it catches up', () => {
    let renders = 0;
    function CountingPanel() {
      const view = useSimView();
      renders++;
      return <PanelFrame name="counted" title="counted"><output data-testid="shown">{view?.timeMs}</output></PanelFrame>;
    }
    loadAt(writeReadScenario(), 1_000);
    render(<OnScreenSlot><CountingPanel /></OnScreenSlot>);
    act(() => FakeObserver.scroll(false));
    const before = renders;
    act(() => usePlayback.getState().seek(3_000));
    expect(usePlayback.getState().summaryMs).toBe(3_000);
    expect(renders).toBe(before);
    act(() => idle.run());
    expect(screen.getByTestId('shown').textContent).toBe('3000');
    expect(renders).toBe(before + 1);
  });

  it('draws every move outside a slot', () => {
    loadAt(writeReadScenario(), 1_000);
    render(<ProbePanel />);
    act(() => FakeObserver.scroll(false));
    act(() => usePlayback.getState().seek(7_000));
    expect(screen.getByTestId('shown').textContent).toBe('7000');
  });
});
