// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePlayback } from '../../../src/store/playback.ts';
import { HeatRows } from '../../../src/ui/panels/TopologyHeat.tsx';
import { heatRows } from '../../../src/ui/panels/topology-heat.ts';
import type { CanvasQueue } from '../../../src/ui/panels/topology-queues.ts';
import { useTopologyStrings } from '../../../src/ui/panels/topology-strings.ts';
import { layoutQueueStrip } from '../../../src/viz/queue-strip.ts';
import { queueCellId } from '../../../src/viz/topology-layout.ts';

const NODE = 'broker-a/0';
const COUNT = 8;
const queues = Object.fromEntries(Array.from({ length: COUNT }, (_, queueId): [string, CanvasQueue] => [queueCellId(NODE, queueId), {
  broker: 'broker-a', queueId, count: queueId, writable: true, readable: true, consumed: 0, owners: [], fate: 'readable', lag: 0,
}]));
const cells = Object.fromEntries(layoutQueueStrip(COUNT, { x: 100, y: 40, width: 216, height: 60 }, true).map((cell, queueId) => [queueCellId(NODE, queueId), cell]));
const [ROW] = heatRows(queues, { [NODE]: COUNT }, cells);

function Heat() {
  return <svg><HeatRows rows={[ROW!]} topic="TopicTest" strings={useTopologyStrings()} /></svg>;
}

afterEach(() => {
  cleanup();
  usePlayback.setState({ selection: null });
});

describe('a heat row by keyboard', () => {
  it('outlines the first queue at the first arrow, either way, steps with ← → up to its ends, and opens the queue with Enter', () => {
    render(<Heat />);
    const row = screen.getByTestId(`canvas-queues-${NODE}`);
    act(() => row.focus());
    expect(fireEvent.keyDown(row, { key: 'ArrowLeft' })).toBe(false);
    expect(row.getAttribute('aria-label')).toMatch(/^broker-a queue 0/);
    for (let press = 0; press < COUNT + 2; press++) fireEvent.keyDown(row, { key: 'ArrowRight' });
    expect(row.getAttribute('aria-label')).toMatch(/^broker-a queue 7/);
    fireEvent.keyDown(row, { key: 'ArrowLeft' });
    fireEvent.keyDown(row, { key: 'Enter' });
    expect(usePlayback.getState().selection).toEqual({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 6 });
  });

  it('leaves Home, End and the up and down arrows to the page', () => {
    render(<Heat />);
    const row = screen.getByTestId(`canvas-queues-${NODE}`);
    for (const key of ['Home', 'End', 'ArrowUp', 'ArrowDown']) expect(fireEvent.keyDown(row, { key })).toBe(true);
  });
});
