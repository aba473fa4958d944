// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TopologyPanel } from '../../../src/ui/panels/index.ts';
import { fitDetail } from '../../../src/ui/panels/TopologyLabels.tsx';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

/** The canvas's width in the Cluster tab at 1280x800 (the review measured it there): ResizeObserver reports it. */
const STAGE_WIDTH = 790;

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', class {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      queueMicrotask(() => this.callback([{ target, contentRect: { width: STAGE_WIDTH } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver));
    }
    disconnect() {}
    unobserve() {}
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function renderAtWidth() {
  const result = render(<TopologyPanel />);
  await act(async () => { await Promise.resolve(); });
  return result;
}

/** Eight masters in two columns, 64 queues each, 13 consumers: drawn as the canvas draws a large cluster (topology-density.ts). */
const BROKERS = Array.from({ length: 8 }, (_, i) => `broker-0${i + 1}`);
const atSize = () => writeReadScenario({ brokers: BROKERS, writeQueueNums: 64, readQueueNums: 64, consumers: 13 });

const details = (container: HTMLElement, starts: string) => [...container.querySelectorAll('[data-testid="box-text"]')]
  .filter((clip) => clip.querySelector('.rs-node-label')?.textContent?.startsWith(starts))
  .map((clip) => clip.querySelector('.rs-node-detail')!.textContent!);

describe('the canvas at size: status lines shortened, not cut', () => {
  it('writes each master\'s queue counts whole ("W64/R64") where "W 64 / R 64" after the topic would be cut', async () => {
    loadAt(atSize(), 20_000);
    const { container } = await renderAtWidth();
    const brokers = details(container, 'broker-0');
    expect(brokers).toHaveLength(8);
    for (const detail of brokers) {
      expect(detail).not.toContain('…');
      expect(detail).toBe('running · TopicTest W64/R64');
    }
  });

  it('gives a consumer group node its members\' statuses alone ("13 running") when "13 consumers · 13 running" does not fit', async () => {
    loadAt(atSize(), 20_000);
    const { container } = await renderAtWidth();
    const [group] = details(container, 'CG_ORDER');
    expect(screen.getByRole('button', { name: /^CG_ORDER 13 consumers · 13 running, consumer group/ })).toBeInTheDocument();
    expect(group).toBe('13 running');
  });

  it('keeps the whole line where it fits, and cuts the shortest form only when none fits', () => {
    expect(fitDetail('running · TopicTest W 8 / R 4', ['running · TopicTest W8/R4', 'running · W8/R4'], 400)).toBe('running · TopicTest W 8 / R 4');
    expect(fitDetail('running · TopicLarge W 64 / R 64', ['running · TopicLarge W64/R64', 'running · W64/R64'], 110)).toBe('running · W64/R64');
    expect(fitDetail('running · TopicLarge W 64 / R 64', ['running · W64/R64'], 40)).toMatch(/^runn?i?n?g?.*…$/);
  });

  it('leaves the reference scenario\'s lines as they were', async () => {
    loadAt(writeReadScenario(), 20_000);
    const { container } = await renderAtWidth();
    expect(details(container, 'broker-a/0')).toEqual(['running · TopicTest W 8 / R 4']);
  });
});
