// @vitest-environment jsdom
/**
 * A broker's queue cells on the canvas are one Tab stop (a toolbar, WAI-ARIA's toolbar pattern):
 * ← → move between its cells, Home and End go to its first and last, Enter and Space open the
 * queue as a click does, and Tab comes back to the cell last reached. "Write 8 / read 4" on two
 * brokers draws 8 cells in each.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { ownsArrowKeys } from '../../../src/ui/controls/use-keyboard.ts';
import { TopologyPanel } from '../../../src/ui/panels/index.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => null) as never);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  usePlayback.setState({ selection: null });
});

const cell = (node: string, queueId: number) => screen.getByTestId(`canvas-queue-${node}#${queueId}`);
const focusedQueue = () => document.activeElement?.getAttribute('data-testid');

async function renderTwoBrokers() {
  loadAt(writeReadScenario({ brokers: ['broker-a', 'broker-b'] }), 20_000);
  render(<TopologyPanel />);
  await screen.findAllByTestId(/^canvas-queue-/);
}

describe('a broker\'s queue strip by keyboard', () => {
  it('is one Tab stop per broker: only the first cell of each strip is tabbable at first', async () => {
    await renderTwoBrokers();
    const stops = [...document.querySelectorAll('[data-testid^="canvas-queue-"]')].filter((element) => element.getAttribute('tabindex') === '0');
    expect(stops.map((element) => element.getAttribute('data-testid'))).toEqual(['canvas-queue-broker-a/0#0', 'canvas-queue-broker-b/0#0']);
    expect(screen.getAllByRole('toolbar').map((strip) => strip.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^broker-a: 8 queues of TopicTest, [\d,]+ messages\./),
      expect.stringMatching(/^broker-b: 8 queues of TopicTest, [\d,]+ messages\./),
    ]);
  });

  it('moves with ← → up to its ends and with Home and End, claiming each key, and opens the reached queue with Enter or Space', async () => {
    await renderTwoBrokers();
    act(() => cell('broker-a/0', 0).focus());
    expect(fireEvent.keyDown(cell('broker-a/0', 0), { key: 'ArrowRight' })).toBe(false);
    expect(focusedQueue()).toBe('canvas-queue-broker-a/0#1');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(focusedQueue()).toBe('canvas-queue-broker-a/0#7');
    expect(fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' })).toBe(false);
    expect(focusedQueue()).toBe('canvas-queue-broker-a/0#7');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(focusedQueue()).toBe('canvas-queue-broker-a/0#0');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(usePlayback.getState().selection).toEqual({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 2 });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(usePlayback.getState().selection).toEqual({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 3 });
  });

  it('keeps the cell last reached as its Tab stop when focus leaves, and leaves the other strip\'s alone', async () => {
    await renderTwoBrokers();
    act(() => cell('broker-a/0', 0).focus());
    fireEvent.keyDown(cell('broker-a/0', 0), { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    act(() => cell('broker-b/0', 0).focus());
    expect(cell('broker-a/0', 2).getAttribute('tabindex')).toBe('0');
    expect(cell('broker-a/0', 0).getAttribute('tabindex')).toBe('-1');
    expect(cell('broker-b/0', 0).getAttribute('tabindex')).toBe('0');
  });

  it('takes a clicked cell as the one Tab comes back to', async () => {
    await renderTwoBrokers();
    act(() => cell('broker-b/0', 5).focus());
    fireEvent.click(cell('broker-b/0', 5));
    expect(usePlayback.getState().selection).toEqual({ kind: 'queue', topic: 'TopicTest', broker: 'broker-b', queueId: 5 });
    expect(cell('broker-b/0', 5).getAttribute('tabindex')).toBe('0');
    expect(cell('broker-b/0', 0).getAttribute('tabindex')).toBe('-1');
  });

  it('is a widget whose arrows the page\'s step shortcuts give way to, and leaves ↑ ↓ and Shift+→ alone', async () => {
    await renderTwoBrokers();
    expect(ownsArrowKeys({ key: 'ArrowRight', target: cell('broker-a/0', 3) })).toBe(true);
    act(() => cell('broker-a/0', 3).focus());
    for (const key of ['ArrowUp', 'ArrowDown']) expect(fireEvent.keyDown(cell('broker-a/0', 3), { key })).toBe(true);
    expect(fireEvent.keyDown(cell('broker-a/0', 3), { key: 'ArrowRight', shiftKey: true })).toBe(true);
    expect(focusedQueue()).toBe('canvas-queue-broker-a/0#3');
  });
});
