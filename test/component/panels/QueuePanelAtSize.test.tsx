// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePlayback } from '../../../src/store/playback.ts';
import { QueuePanel } from '../../../src/ui/panels/QueuePanel.tsx';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

afterEach(() => {
  cleanup();
  act(() => usePlayback.getState().setLanguage('en'));
});

const BROKERS = ['broker-a', 'broker-b', 'broker-c'];
/** 3 masters x 48 queues: 144 cells, past the canvas's 128 drawn one by one (topology-density.ts). */
const atSize = () => writeReadScenario({ brokers: BROKERS, writeQueueNums: 48, readQueueNums: 40 });

describe('the Queues panel at size: one row per broker, as the canvas draws a heat row past 128 queue cells', () => {
  it('draws no queue card until a broker is opened, and each row gives the broker\'s messages, its lag range and its queues furthest behind first', () => {
    const timeline = loadAt(atSize(), 90_000);
    render(<QueuePanel />);
    expect(screen.getByTestId('queues-condensed')).toHaveTextContent('144 queues: one row per broker');
    expect(screen.queryAllByTestId(/^queue-cell-/)).toHaveLength(0);
    const queues = timeline.summary().queues.filter((q) => q.topic === 'TopicTest');
    for (const broker of BROKERS) {
      const own = queues.filter((q) => q.broker === broker);
      const messages = own.reduce((total, q) => total + q.maxOffset, 0);
      const lags = own.map((q) => Math.max(0, ...Object.values(q.lag)));
      const row = screen.getByTestId(`queue-broker-TopicTest-${broker}`);
      expect(row).toHaveTextContent(`${messages.toLocaleString('en-US')} messages in 48 queues`);
      const [min, max] = [Math.min(...lags), Math.max(...lags)];
      expect(row).toHaveTextContent(min === max ? `lag ${max} on every queue` : `lag ${min}–${max}`);
      // Queues 40-47 are written and never given to a consumer: the worst, largest first.
      const worst = own.map((q, i) => ({ id: q.queueId, score: lags[i]! + q.neverConsumable })).filter((q) => q.score > 0)
        .sort((a, b) => b.score - a.score || a.id - b.id).slice(0, 5).map((q) => q.id);
      expect(worst.length).toBeGreaterThan(0);
      expect(worst.every((id) => id >= 40)).toBe(true);
      const buttons = within(screen.getByTestId(`queue-worst-TopicTest-${broker}`)).getAllByRole('button');
      expect(buttons.map((b) => Number(/^#(\d+)/.exec(b.getAttribute('aria-label')!)![1]))).toEqual(worst);
    }
  });

  it('opens a broker\'s cards with a real button that says whether they are shown (aria-expanded), and a queue furthest behind opens its card', () => {
    loadAt(atSize(), 90_000);
    render(<QueuePanel />);
    const open = screen.getByTestId('queue-expand-TopicTest-broker-b');
    expect(open.tagName).toBe('BUTTON');
    expect(open).toHaveAttribute('aria-expanded', 'false');
    expect(open).toHaveTextContent('Show its 48 queues');
    fireEvent.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById(open.getAttribute('aria-controls')!)).toContainElement(screen.getByTestId('queue-cell-TopicTest-broker-b-47'));
    expect(screen.getAllByTestId(/^queue-cell-TopicTest-broker-b-/)).toHaveLength(48);
    expect(screen.queryAllByTestId(/^queue-cell-TopicTest-broker-[ac]-/)).toHaveLength(0);
    fireEvent.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryAllByTestId(/^queue-cell-/)).toHaveLength(0);
    const first = within(screen.getByTestId('queue-worst-TopicTest-broker-a')).getAllByRole('button')[0]!;
    fireEvent.click(first);
    expect(usePlayback.getState().selection).toMatchObject({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a' });
  });

  it('speaks Chinese too', () => {
    loadAt(atSize(), 90_000);
    act(() => usePlayback.getState().setLanguage('zh'));
    render(<QueuePanel />);
    expect(screen.getByTestId('queues-condensed')).toHaveTextContent('共 144 个队列：每个 Broker 一行');
    expect(screen.getByTestId('queue-expand-TopicTest-broker-a')).toHaveTextContent('展开它的 48 个队列');
  });

  it('keeps the reference scenario\'s cards (8 queues on one master), with no rows to open', () => {
    loadAt(writeReadScenario(), 60_000);
    render(<QueuePanel />);
    expect(screen.queryByTestId('queues-condensed')).toBeNull();
    expect(screen.queryAllByTestId(/^queue-expand-/)).toHaveLength(0);
    expect(screen.getAllByTestId(/^queue-cell-TopicTest-broker-a-/)).toHaveLength(8);
  });
});
