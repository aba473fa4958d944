// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TopologyPanel } from '../../../src/ui/panels/index.ts';
import { fitDetail } from '../../../src/ui/panels/TopologyLabels.tsx';
import { heatLevel } from '../../../src/ui/panels/topology-heat.ts';
import { waitingOn } from '../../../src/ui/panels/topology-queues.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { topologyLegendStrings } from '../../../src/ui/panels/topology-legend-strings.ts';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';
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

  it('says whether a slave in a narrow box serves its group\'s reads, in English and Chinese, where its line after the topic was cut', async () => {
    // Three masters, each with a slave: two broker columns; at 2:10 broker-a's master is shut down and its 5.x slave refuses the reads (no slaveReadEnable).
    loadAt(scenarioOf(findLibraryEntry('broker-out-of-service')!.scenario as ScenarioJson), 130_000);
    const { container } = await renderAtWidth();
    expect(details(container, 'broker-a/1')).toEqual(['running · refuses reads']);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(details(container, 'broker-a/1')).toEqual(['运行中 · 读 4 · 拒绝读取']);
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('leaves the reference scenario\'s lines as they were', async () => {
    loadAt(writeReadScenario(), 20_000);
    const { container } = await renderAtWidth();
    expect(details(container, 'broker-a/0')).toEqual(['running · TopicTest W 8 / R 4']);
  });
});

/** Three masters of 48 queues (heat rows), 13 consumers each consuming a message in 5 s (4 a second with 20 threads), a producer at 200 a second. */
function fallingBehind() {
  const scenario = writeReadScenario({ brokers: ['broker-a', 'broker-b', 'broker-c'], writeQueueNums: 48, readQueueNums: 48, consumers: 13 });
  return {
    ...scenario,
    producers: scenario.producers.map((producer) => ({ ...producer, ratePerSec: 200 })),
    consumers: scenario.consumers.map((consumer) => ({ ...consumer, consumeTimeMs: 5_000 })),
  };
}

describe('the canvas at size: heat rows shaded by lag', () => {
  it('shades each queue of a row by the lag the summary gives it (under 10, 10+, 100+, 1,000+) and says the row\'s lag in its name', async () => {
    const timeline = loadAt(fallingBehind(), 40_000);
    const { container } = render(<TopologyPanel />);
    await screen.findAllByTestId(/^canvas-queues-/);
    const summary = timeline.summary();
    for (const broker of ['broker-a', 'broker-b', 'broker-c']) {
      const lags = summary.queues.filter((queue) => queue.broker === broker && queue.topic === 'TopicTest').map(waitingOn);
      const row = container.querySelector(`[data-testid="canvas-queues-${broker}/0"]`)!;
      const shaded = [0, 1, 2, 3].map((level) => (row.querySelector(`.rs-qheat-${level}`)?.getAttribute('d') ?? '').split('M').length - 1);
      expect(shaded).toEqual([0, 1, 2, 3].map((level) => lags.filter((lag) => heatLevel(lag) === level).length));
      expect(row.getAttribute('aria-label')).toContain(`Lag ${Math.min(...lags)}–${Math.max(...lags)} messages a queue. The shade is the lag`);
    }
    // Consumers that fall behind: most queues are 10 or more behind, which a scale of counts did not tell from the rest.
    expect(container.querySelectorAll('.rs-qheat-1, .rs-qheat-2, .rs-qheat-3').length).toBeGreaterThan(0);
  });

  it('says the lag and what the shade means in Chinese too', async () => {
    loadAt(fallingBehind(), 40_000);
    usePlayback.getState().setLanguage('zh');
    render(<TopologyPanel />);
    const [row] = await screen.findAllByTestId(/^canvas-queues-/);
    expect(row!.getAttribute('aria-label')).toMatch(/每个队列堆积 \d+(–\d+)? 条消息。颜色表示堆积/);
  });
});

describe('the canvas at size: the legend says what a shade and a dot mean', () => {
  it('names each lag shade and the streams of dots at size, in English and Chinese; the reference scenario\'s legend has neither', async () => {
    for (const language of ['en', 'zh'] as const) {
      loadAt(fallingBehind(), 20_000);
      usePlayback.getState().setLanguage(language);
      render(<TopologyPanel />);
      const words = topologyLegendStrings(language);
      expect(await screen.findByTestId('legend-heat')).toHaveTextContent(`${words.queueHeat} ${words.queueLagLevels.join('')}`);
      expect(screen.getByTestId('legend-streams')).toHaveTextContent(words.dotStreams);
      cleanup();
    }
    loadAt(writeReadScenario(), 20_000);
    render(<TopologyPanel />);
    await screen.findByTestId('legend-flight');
    expect(screen.queryByTestId('legend-heat')).toBeNull();
    expect(screen.queryByTestId('legend-streams')).toBeNull();
  });
});
