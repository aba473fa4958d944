// @vitest-environment jsdom
/** useSimQuery against the same query run directly on the store's Timeline. */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { firstIndexAtOrAfter } from '../../../src/sim/queries/trace-window.ts';
import type { TimelineView } from '../../../src/sim/timeline.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { useSimQuery } from '../../../src/ui/use-sim-query.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

/** What each render showed: the window asked for and the answer's first index. */
let shown: { from: number; firstIndex: number | undefined; pending: boolean }[] = [];

function Window({ from, to }: { from: number; to: number }) {
  // A new args object every render: compared by JSON, it must not re-ask.
  const { data, pending } = useSimQuery('traceWindow', { from, to }, { whilePlayingEveryMs: 0 });
  shown.push({ from, firstIndex: data?.firstIndex, pending });
  return <output data-testid="window" data-pending={String(pending)}>{data ? `${data.firstIndex}:${data.events.length}` : '-'}</output>;
}

function expected(timeline: TimelineView, from: number, to: number): string {
  const all = timeline.traceSlice(0).filter((event) => event.t >= from && event.t <= to);
  return `${firstIndexAtOrAfter(timeline, from)}:${all.length}`;
}

const settled = () => expect(screen.getByTestId('window')).toHaveAttribute('data-pending', 'false');

beforeEach(() => {
  shown = [];
});
afterEach(cleanup);

describe('useSimQuery', () => {
  it('answers the query at the playhead and asks again when the playhead moves', async () => {
    const timeline = loadAt(writeReadScenario(), 20_000);
    render(<Window from={5_000} to={30_000} />);
    await waitFor(settled);
    const at20s = screen.getByTestId('window').textContent;
    expect(at20s).toBe(expected(timeline, 5_000, 30_000));

    act(() => usePlayback.getState().seek(25_000));
    expect(screen.getByTestId('window')).toHaveAttribute('data-pending', 'true');
    await waitFor(settled);
    expect(screen.getByTestId('window').textContent).toBe(expected(timeline, 5_000, 30_000));
    expect(screen.getByTestId('window').textContent).not.toBe(at20s);
  });

  it('does not ask again for equal arguments in a new object', async () => {
    loadAt(writeReadScenario(), 10_000);
    const { rerender } = render(<Window from={1_000} to={2_000} />);
    await waitFor(settled);
    const renders = shown.length;
    rerender(<Window from={1_000} to={2_000} />);
    expect(shown.length).toBe(renders + 1);
    expect(shown.at(-1)!.pending).toBe(false);
  });

  it('never shows an answer to arguments it no longer has', async () => {
    const timeline = loadAt(writeReadScenario(), 20_000);
    const { rerender } = render(<Window from={1_000} to={20_000} />);
    // Asked for 1,000; the arguments change before the answer arrives.
    rerender(<Window from={12_000} to={20_000} />);
    await waitFor(settled);
    expect(screen.getByTestId('window').textContent).toBe(expected(timeline, 12_000, 20_000));
    const first = firstIndexAtOrAfter(timeline, 1_000);
    expect(first).not.toBe(firstIndexAtOrAfter(timeline, 12_000));
    for (const render of shown) {
      if (render.firstIndex !== undefined) expect(render.firstIndex).toBe(firstIndexAtOrAfter(timeline, render.from));
    }
  });

  it('forgets the answer of the previous run when a new one is loaded', async () => {
    loadAt(writeReadScenario(), 20_000);
    render(<Window from={0} to={20_000} />);
    await waitFor(settled);
    const before = screen.getByTestId('window').textContent;
    let timeline: TimelineView | undefined;
    act(() => {
      timeline = loadAt(writeReadScenario({ consumers: 1 }), 3_000);
    });
    expect(screen.getByTestId('window').textContent).toBe('-');
    await waitFor(settled);
    expect(screen.getByTestId('window').textContent).toBe(expected(timeline!, 0, 20_000));
    expect(screen.getByTestId('window').textContent).not.toBe(before);
  });
});
