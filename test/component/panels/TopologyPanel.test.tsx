// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { TimelineAction } from '../../../src/model/spec.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { TopologyPanel } from '../../../src/ui/panels/index.ts';
import { topologyLegendStrings } from '../../../src/ui/panels/topology-legend-strings.ts';
import { dotsAt } from '../../../src/ui/panels/topology-geometry.ts';
import { streamDotsAt } from '../../../src/ui/panels/topology-streams.ts';
import { ownedQueueLinks, queueHosts, topologyModel } from '../../../src/ui/panels/topology-model.ts';
import { brokerRoles } from '../../../src/sim/index.ts';
import { getTimeline } from '../../../src/store/playback.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import { libraryScenario } from '../../support/library.ts';
import { loadAt } from './load.ts';
import { writeReadScenario } from './scenarios.ts';

/**
 * A 2D context whose canvas keeps its pixels: the dots are stamped into an image (`picture`),
 * of which each frame puts on the canvas only the rectangle that changed; a new image comes with
 * a new or resized canvas, which starts blank.
 */
interface FakeContext {
  picture: ImageData | null;
  /** What the canvas shows. */
  shown: Uint8ClampedArray;
  context: Partial<CanvasRenderingContext2D>;
}

function fakeCanvas(): FakeContext {
  const fake: FakeContext = { picture: null, shown: new Uint8ClampedArray(0), context: {} };
  const put = (picture: ImageData, dx: number, dy: number, x = 0, y = 0, width = picture.width, height = picture.height) => {
    fake.picture = picture;
    for (let row = y; row < y + height; row++) {
      const from = ((row + dy) * picture.width + x + dx) * 4;
      fake.shown.set(picture.data.subarray(from, from + width * 4), from);
    }
  };
  fake.context = {
    fillStyle: '#000000',
    createImageData: ((width: number, height: number) => {
      fake.shown = new Uint8ClampedArray(width * height * 4);
      return { data: new Uint8ClampedArray(width * height * 4), width, height, colorSpace: 'srgb' };
    }) as never,
    putImageData: vi.fn(put) as never,
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => fake.context) as never);
  return fake;
}

/** The first byte index where two pictures differ, or -1. */
function firstDifference(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

beforeEach(() => {
  fakeCanvas();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Renders the panel and waits for its queue cells (a chunk loaded after the first paint). */
async function renderWithQueues() {
  const result = render(<TopologyPanel />);
  await screen.findAllByTestId(/^canvas-queue-/);
  return result;
}

const twoBrokers = (timeline: TimelineAction[] = [], slaveReadEnable = false) => writeReadScenario({ brokers: ['broker-a', 'broker-b'], slaves: true, slaveReadEnable, timeline });

describe('TopologyPanel', () => {
  it('draws every NameServer, broker (master and slave), producer and consumer with its status in words; each name begins with the words in its box', () => {
    loadAt(twoBrokers(), 20_000);
    render(<TopologyPanel />);
    expect(screen.getByRole('button', { name: 'ns-1 NameServer · up' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'ns-2 NameServer · up' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^broker-a\/0 · master running( · .*)?, Broker$/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^broker-a\/1 · slave running( · .*)?, Broker$/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^broker-b\/0 · master running( · .*)?, Broker$/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'p-1 PG_ORDER · running, Producer' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'c-1 running, Consumer (CG_ORDER)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'c-2 running, Consumer (CG_ORDER)' })).toBeInTheDocument();
  });

  it('titles each broker group with its cluster where the brokers belong to more than one, so which masters updateTopic -c reaches is on the drawing', () => {
    const groupTitles = (container: HTMLElement) => [...container.querySelectorAll('.rs-group-title')].map((title) => title.textContent).filter((title) => title?.startsWith('Broker')).sort();
    loadAt(libraryScenario('create-topic-cluster'), 25_000);
    const { container, unmount } = render(<TopologyPanel />);
    expect(groupTitles(container)).toEqual(['Broker broker-a · DefaultCluster', 'Broker broker-b · DefaultCluster', 'Broker broker-c · OtherCluster']);
    unmount();
    loadAt(writeReadScenario({ brokers: ['broker-a', 'broker-b'] }), 20_000);
    expect(groupTitles(render(<TopologyPanel />).container)).toEqual(['Broker broker-a', 'Broker broker-b']);
  });

  it('draws every name inside its box: a run of wide letters is cut with its ellipsis before the edge, which still clips, a group title too', () => {
    const wide = `${'W'.repeat(60)}${'m'.repeat(40)}`;
    const timeline = loadAt(writeReadScenario({ brokers: [wide, 'broker-b'] }), 20_000);
    const { container } = render(<TopologyPanel />);
    const layout = layoutTopology(topologyModel(timeline.state, null).input, Number(container.querySelector('[data-testid="topology-svg"]')!.getAttribute('viewBox')!.split(' ')[2]));
    const clipOf = (text: string) => [...container.querySelectorAll('[data-testid="box-text"]')].find((clip) => clip.textContent?.startsWith(text));
    for (const [text, box] of [['WWWW', layout.brokers[`${wide}/0`]!], ['Broker WWWW', layout.brokerGroups[wide]!]] as const) {
      const clip = clipOf(text)!;
      expect(clip, text).toBeDefined();
      expect(clip.querySelector('text')!.textContent).toMatch(/^(Broker )?W+…$/);
      expect(clip.getAttribute('overflow')).toBe('hidden');
      expect(Number(clip.getAttribute('x'))).toBeGreaterThanOrEqual(box.x);
      expect(Number(clip.getAttribute('x')) + Number(clip.getAttribute('width'))).toBeLessThanOrEqual(box.x + box.width);
    }
  });

  it('links every broker to every NameServer that lists it, the producer to the brokers it writes and each owned queue to its consumer', async () => {
    const timeline = loadAt(twoBrokers(), 20_000);
    const { container } = await renderWithQueues();
    const links = (kind: string) => container.querySelectorAll(`path[data-link="${kind}"]`).length;
    expect(links('registered')).toBe(4 * 2);
    expect(links('notListed')).toBe(0);
    expect(links('canWrite')).toBe(2);
    // Read 4 on two brokers: the 8 readable queues, each owned by one consumer of CG_ORDER.
    const owned = ['c-1', 'c-2'].map((id) => Object.keys((timeline.state.clients[id] as { processQueueTable: object }).processQueueTable).length);
    expect(owned[0]! + owned[1]!).toBe(8);
    expect(links('owner')).toBe(8);
    expect(links('chosenNameServer')).toBe(3);
    expect(await screen.findByText(topologyLegendStrings('en').chosenNameServer)).toBeInTheDocument();
  });

  it('draws a client\'s chosen NameServer only where there is a choice: with one NameServer, neither the lines nor their legend', async () => {
    const scenario = twoBrokers();
    loadAt({ ...scenario, nameServers: scenario.nameServers.slice(0, 1) }, 20_000);
    const { container } = await renderWithQueues();
    expect(container.querySelectorAll('path[data-link="registered"]')).toHaveLength(4);
    expect(container.querySelectorAll('path[data-link="chosenNameServer"]')).toHaveLength(0);
    const words = topologyLegendStrings('en');
    expect(await screen.findByText(words.canWrite)).toBeInTheDocument();
    expect(screen.queryByText(words.chosenNameServer)).toBeNull();
  });

  it('says in the legend how long a dot flies after its event, in the run\'s time at the speed: a dot near a broker may be seconds old', async () => {
    loadAt(twoBrokers(), 20_000);
    await renderWithQueues();
    expect(await screen.findByTestId('legend-flight')).toHaveTextContent('a dot flies for half a second of your time after its event (500 ms of the run at this speed)');
    act(() => usePlayback.getState().setSpeed(10));
    expect(screen.getByTestId('legend-flight')).toHaveTextContent('(5 s of the run at this speed): one arriving now may be an event up to 5 s old, whose time the event log gives');
  });

  it('explains the mark of a lost message in the legend once a message has been lost, not before', async () => {
    const lostMark = 'message lost for good (message.lost)';
    loadAt(libraryScenario('power-loss-flush'), 59_000);
    await renderWithQueues();
    expect(await screen.findByText(topologyLegendStrings('en').canWrite)).toBeInTheDocument();
    expect(screen.queryByText(lostMark)).toBeNull();
    act(() => usePlayback.getState().seek(61_000));
    expect(await screen.findByText(lostMark)).toBeInTheDocument();
  });

  it('draws each queue of the topic in its master, named for a screen reader, the ones at or above readQueueNums never consumed', async () => {
    const timeline = loadAt(twoBrokers(), 60_000);
    await renderWithQueues();
    const maxOffset = timeline.state.brokers['broker-a/0']!.consumeQueues['TopicTest']![5]!.length;
    expect(maxOffset).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: `broker-a queue 5: ${maxOffset} messages, not consumed until readQueueNums is raised (at or above it)` })).toHaveClass('rs-qcell-never');
    const readable = screen.getByRole('button', { name: /^broker-b queue 2: \d+ messages, \d+ consumed, owned by c-\d$/ });
    expect(readable).toHaveClass('rs-qcell-readable', 'rs-qcell-written');
    expect(screen.getAllByRole('button', { name: /^broker-[ab] queue \d:/ })).toHaveLength(16);
    act(() => fireEvent.click(screen.getByRole('button', { name: /^broker-a queue 5:/ })));
    expect(usePlayback.getState().selection).toEqual({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 5 });
  });

  it('darkens the top of a readable cell\'s fill by what the group furthest behind has not consumed, so a backlog draining shows on the canvas; a queue no one may pull keeps one colour', async () => {
    const heights = (cell: HTMLElement) => ['fill', 'backlog'].map((part) => Number(cell.querySelector(`.rs-qcell-${part}`)?.getAttribute('height') ?? 0));
    const cell = (queueId: number) => screen.getByRole('button', { name: new RegExp(`^broker-a queue ${queueId}:`) });
    // shrink-safely's consumers start at 40 s: until then every stored message is backlog.
    loadAt(libraryScenario('shrink-safely'), 35_000);
    await renderWithQueues();
    for (const queueId of [0, 4]) {
      const [fill, backlog] = heights(cell(queueId));
      expect(fill).toBeGreaterThan(0);
      expect(backlog).toBe(fill);
    }
    expect(await screen.findByText(topologyLegendStrings('en').queueFill)).toBeInTheDocument();
    cleanup();
    // At 1:05 queue 4, no longer written since 1:00, is part consumed: its dark top is the part CG_ORDER's committed offset has not reached.
    const timeline = loadAt(libraryScenario('shrink-safely'), 65_000);
    await renderWithQueues();
    const broker = timeline.state.brokers['broker-a/0']!;
    const count = broker.consumeQueues['TopicTest']![4]!.length;
    const committed = broker.consumerOffsetTable['CG_ORDER']!['TopicTest@4']!;
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(count);
    const [fill, backlog] = heights(cell(4));
    expect(backlog! / fill!).toBeCloseTo((count - committed) / count, 5);
    expect(cell(4).dataset['backlog']).toBe(String(count - committed));
    cleanup();
    // write 8 / read 4: queue 5 is never pulled, all orange, no dark top.
    loadAt(twoBrokers(), 60_000);
    await renderWithQueues();
    expect(heights(cell(5))[0]).toBeGreaterThan(0);
    expect(cell(5).querySelector('.rs-qcell-backlog')).toBeNull();
  });

  it('draws a queue drained before readQueueNums dropped (nothing left, nothing written) dashed green as the queue panel does, not as never consumed, and explains it in the legend only then', async () => {
    const drainedMark = 'dashed, green = drained (id ≥ readQueueNums): every group consumed it, nothing is written to it';
    loadAt(libraryScenario('shrink-safely'), 140_000);
    await renderWithQueues();
    expect(await screen.findByText(topologyLegendStrings('en').canWrite)).toBeInTheDocument();
    expect(screen.queryByText(drainedMark)).toBeNull();
    // readQueueNums drops to 4 at 150 s, after queues 4-7 drained.
    act(() => usePlayback.getState().seek(160_000));
    for (const broker of ['broker-a', 'broker-b']) {
      for (const queueId of [4, 5, 6, 7]) {
        const queue = await screen.findByRole('button', { name: new RegExp(`^${broker} queue ${queueId}: \\d+ messages, all consumed, not readable any more \\(at or above readQueueNums\\), no producer writes to it$`) });
        expect(queue).toHaveClass('rs-qcell-drained');
        expect(queue).not.toHaveClass('rs-qcell-never');
      }
    }
    expect(screen.getByText(drainedMark)).toBeInTheDocument();
  });

  it('keeps a queue above readQueueNums that still holds unconsumed messages as not consumed until readQueueNums is raised (an unsafe shrink)', async () => {
    loadAt(libraryScenario('shrink-unsafely'), 180_000);
    await renderWithQueues();
    for (const broker of ['broker-a', 'broker-b']) {
      expect(screen.getByRole('button', { name: new RegExp(`^${broker} queue 4: \\d+ messages, not consumed until readQueueNums is raised`) })).toHaveClass('rs-qcell-never');
    }
    cleanup();
    // With RocketMQ's default flow control the consumers hold their whole backlog in memory: nothing waits on the brokers.
    const scenario = libraryScenario('shrink-unsafely');
    loadAt({ ...scenario, config: { ...scenario.config, pullBatchSize: 32, pullThresholdForQueue: 1_000 } }, 61_000);
    await renderWithQueues();
    // At 1:01 c-2 still holds what it pulled of queue 4 before the shrink: drawn as stranded, named for what will still be consumed.
    const pulled = screen.getByRole('button', { name: /^broker-b queue 4: \d+ messages, not readable any more \(at or above readQueueNums\): what a consumer pulled before is consumed until its rebalance drops the queue, the rest not until readQueueNums is raised/ });
    expect(pulled).toHaveClass('rs-qcell-never');
    expect(await screen.findByText(topologyLegendStrings('en').canWrite)).toBeInTheDocument();
    expect(screen.queryByText(/^dashed, green = drained/)).toBeNull();
  });

  it('moves the owner lines when a rebalance moves the queues to another consumer', async () => {
    const scenario = writeReadScenario({ writeQueueNums: 4, readQueueNums: 4, timeline: [{ at: 30_000, action: 'crashConsumer', target: 'c-2' }] });
    const owners = (container: HTMLElement) => [...container.querySelectorAll('[data-testid^="canvas-queue-"]')].map((cell) => cell.querySelector('title')!.textContent!.replace(/.*, /, ''));
    loadAt(scenario, 20_000);
    const before = await renderWithQueues();
    expect(owners(before.container).sort()).toEqual(['owned by c-1', 'owned by c-1', 'owned by c-2', 'owned by c-2']);
    before.unmount();
    loadAt(scenario, 40_000);
    const after = await renderWithQueues();
    expect(owners(after.container)).toEqual(['owned by c-1', 'owned by c-1', 'owned by c-1', 'owned by c-1']);
    expect(after.container.querySelectorAll('path[data-link="owner"]')).toHaveLength(4);
  });

  it('moves an owner line whose queue changed owner by its path alone: the same line, not one removed and another drawn', async () => {
    const scenario = writeReadScenario({ writeQueueNums: 4, readQueueNums: 4, timeline: [{ at: 30_000, action: 'crashConsumer', target: 'c-2' }] });
    loadAt(scenario, 20_000);
    const { container } = await renderWithQueues();
    const lines = () => [...container.querySelectorAll('path[data-link="owner"]')];
    const before = lines();
    const paths = before.map((line) => line.getAttribute('d'));
    act(() => usePlayback.getState().seek(40_000));
    const after = lines();
    expect(after).toHaveLength(4);
    // c-2's two queues went to c-1: their lines now end at c-1, drawn by the same two elements.
    expect(after.filter((line, i) => line.getAttribute('d') !== paths[i])).toHaveLength(2);
    expect(after.every((line, i) => line === before[i])).toBe(true);
  });

  it('names each queue cell once: its title is its tooltip and, through aria-labelledby, its name, with no aria-label written again', async () => {
    loadAt(writeReadScenario({ writeQueueNums: 4, readQueueNums: 4 }), 20_000);
    const { container } = await renderWithQueues();
    const cells = [...container.querySelectorAll('[data-testid^="canvas-queue-"]')];
    expect(cells).toHaveLength(4);
    for (const cell of cells) {
      const words = cell.querySelector('title')!.textContent!;
      expect(words).toMatch(/^broker-a queue \d: \d+ messages, \d+ consumed, owned by c-\d$/);
      expect(screen.getByRole('button', { name: words })).toBe(cell);
      expect(cell.getAttribute('aria-label')).toBeNull();
    }
  });

  it('keeps a consumer\'s owned queue links, the very same list, while pulls move its offsets, and makes new ones when a rebalance moves its queues', () => {
    const scenario = writeReadScenario({ writeQueueNums: 4, readQueueNums: 4, timeline: [{ at: 30_000, action: 'crashConsumer', target: 'c-2' }] });
    loadAt(scenario, 20_000);
    const owned = () => {
      const { state } = getTimeline()!;
      return ownedQueueLinks(state.clients['c-1']!, 'TopicTest', queueHosts(state, brokerRoles(state)));
    };
    const queueIds = (links: { from: { id: string } }[]) => links.map((link) => Number(link.from.id.slice(link.from.id.lastIndexOf('#') + 1)));
    const before = owned();
    expect(queueIds(before)).toHaveLength(2);
    act(() => usePlayback.getState().seek(25_000));
    expect(owned()).toBe(before);
    // c-2 crashed at 30 s: c-1's next rebalance takes its queues.
    act(() => usePlayback.getState().seek(40_000));
    const after = owned();
    expect(after).not.toBe(before);
    expect(queueIds(after).sort()).toEqual([0, 1, 2, 3]);
    expect(owned()).toBe(after);
  });

  it('shows a crashed master as crashed and its registrations dashed on both NameServers', () => {
    loadAt(twoBrokers([{ at: 30_000, action: 'crashBroker', target: 'broker-b' }]), 40_000);
    const { container } = render(<TopologyPanel />);
    const node = screen.getByRole('button', { name: /^broker-b\/0 · master crashed( · .*)?, Broker$/ });
    expect(node).toHaveClass('rs-status-crashed');
    // The broker's name and status are drawn over the dots' canvas, in the layer after it.
    const labels = screen.getByTestId('topology-labels');
    expect(screen.getByTestId('topology-canvas').compareDocumentPosition(labels) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const label = [...labels.querySelectorAll('g.rs-node-text')].find((g) => g.textContent?.startsWith('broker-b/0 · master'));
    expect(label).toHaveClass('rs-status-crashed');
    expect(label).toHaveTextContent('crashed');
    expect(container.querySelectorAll('path[data-link="notListed"]')).toHaveLength(2);
  });

  it('while a master is down draws its queues in the slave the consumers read from: read there, written by no producer, and says so', async () => {
    // broker-b/0 crashes at 30 s; the consumers' route pulls (every 30 s) then give them broker-b/1, which serves them (slaveReadEnable).
    const timeline = loadAt(twoBrokers([{ at: 30_000, action: 'crashBroker', target: 'broker-b' }], true), 70_000);
    await renderWithQueues();
    const labels = screen.getByTestId('topology-labels');
    const slave = [...labels.querySelectorAll('g.rs-node-text')].find((g) => g.textContent?.startsWith('broker-b/1 · slave'));
    expect(slave).toHaveTextContent('broker-b/1 · slave running · TopicTest R 4 · serves reads');
    const master = [...labels.querySelectorAll('g.rs-node-text')].find((g) => g.textContent?.startsWith('broker-b/0 · master'));
    expect(master!.textContent).not.toContain('TopicTest');
    const count = timeline.state.brokers['broker-b/1']!.consumeQueues['TopicTest']![2]!.length;
    const cell = screen.getByRole('button', { name: new RegExp(`^broker-b queue 2: ${count} messages, \\d+ consumed, no producer writes to it, owned by c-\\d$`) });
    expect(cell).toHaveClass('rs-qcell-readable');
    expect(cell).not.toHaveClass('rs-qcell-written');
    expect(screen.getAllByRole('button', { name: /^broker-b queue \d:/ })).toHaveLength(8);
  });

  it('says a 5.x slave without slaveReadEnable refuses the reads it is asked for', async () => {
    loadAt(twoBrokers([{ at: 30_000, action: 'crashBroker', target: 'broker-b' }]), 70_000);
    await renderWithQueues();
    const labels = screen.getByTestId('topology-labels');
    const slave = [...labels.querySelectorAll('g.rs-node-text')].find((g) => g.textContent?.startsWith('broker-b/1 · slave'));
    expect(slave).toHaveTextContent('broker-b/1 · slave running · TopicTest R 4 · refuses reads');
  });

  it('shows a master whose machine lost power as powered off, not crashed, and its slave serving no read while the routes still list the master', async () => {
    // No connection closes: ns-1 drops broker-b/0 only 120 s after its last registration, the consumers' routes later still.
    loadAt(twoBrokers([{ at: 30_000, action: 'powerOffBroker', target: 'broker-b' }]), 40_000);
    await renderWithQueues();
    expect(screen.getByRole('button', { name: /^broker-b\/0 · master powered off( · .*)?, Broker$/ })).toHaveClass('rs-status-poweredOff');
    const labels = screen.getByTestId('topology-labels');
    const slave = [...labels.querySelectorAll('g.rs-node-text')].find((g) => g.textContent?.startsWith('broker-b/1 · slave'));
    expect(slave).toHaveTextContent('broker-b/1 · slave running · TopicTest R 4 · no reads yet');
  });

  it('draws no broker as listed by a NameServer that is down: its tables were in its memory', () => {
    const timeline = loadAt(twoBrokers([{ at: 30_000, action: 'crashNameServer', target: 'ns-1' }]), 40_000);
    const { container } = render(<TopologyPanel />);
    // ns-1's tables are still in the state, but nobody can ask a process that is down.
    expect(Object.keys(timeline.state.nameServers['ns-1']!.brokerLiveTable).length).toBeGreaterThan(0);
    expect(container.querySelectorAll('path[data-link="notListed"]')).toHaveLength(Object.keys(timeline.state.brokers).length);
  });

  it('shows a partitioned broker still listed until its heartbeat expires', () => {
    loadAt(twoBrokers([{ at: 20_000, action: 'partitionBroker', target: 'broker-b' }]), 30_000);
    const { container } = render(<TopologyPanel />);
    expect(screen.getByRole('button', { name: /^broker-b\/0 · master partitioned( · .*)?, Broker$/ })).toHaveClass('rs-status-partitioned');
    expect(container.querySelectorAll('path[data-link="notListed"]')).toHaveLength(0);
  });

  it('selects a process on click and on Enter', () => {
    loadAt(twoBrokers(), 20_000);
    render(<TopologyPanel />);
    act(() => fireEvent.click(screen.getByRole('button', { name: /^broker-a\/1 · slave/ })));
    expect(usePlayback.getState().selection).toEqual({ kind: 'broker', id: 'broker-a/1' });
    expect(screen.getByRole('button', { name: /^broker-a\/1 · slave/ })).toHaveAttribute('aria-pressed', 'true');
    act(() => fireEvent.keyDown(screen.getByRole('button', { name: /^ns-2 NameServer/ }), { key: 'Enter' }));
    expect(usePlayback.getState().selection).toEqual({ kind: 'nameServer', id: 'ns-2' });
    act(() => fireEvent.click(screen.getByRole('button', { name: /^c-2 .*Consumer/ })));
    expect(usePlayback.getState().selection).toEqual({ kind: 'client', id: 'c-2' });
  });

  it('marks the master as selected when a broker is selected by its brokerName, as the inspector reads it (a chapter step focusing "broker-a")', () => {
    loadAt(twoBrokers(), 20_000);
    render(<TopologyPanel />);
    act(() => usePlayback.getState().select({ kind: 'broker', id: 'broker-a' }));
    expect(screen.getByRole('button', { name: /^broker-a\/0 · master/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /^broker-a\/1 · slave/ })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: /^broker-b\/0 · master/ })).toHaveAttribute('aria-pressed', 'false');
  });

  it('says "idle" under a consumer that gets no new message (read 8 / write 4: c-2 owns only queues 4-7), in Chinese too', () => {
    loadAt(writeReadScenario({ writeQueueNums: 4, readQueueNums: 8 }), 30_000);
    render(<TopologyPanel />);
    expect(screen.getByTestId('topology-client-c-2')).toHaveTextContent('running · idle');
    expect(screen.getByTestId('topology-client-c-1')).not.toHaveTextContent('idle');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('topology-client-c-2')).toHaveTextContent('运行中 · 空闲');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('says "broadcast" under a BROADCASTING consumer, which reads every queue for itself and otherwise draws like a CLUSTERING member, in Chinese too', () => {
    const scenario = writeReadScenario();
    scenario.consumers = [scenario.consumers[0]!, { ...scenario.consumers[1]!, group: 'CG_ALL', messageModel: 'BROADCASTING' }];
    loadAt(scenario, 30_000);
    render(<TopologyPanel />);
    expect(screen.getByTestId('topology-client-c-2')).toHaveTextContent('running · broadcast');
    expect(screen.getByTestId('topology-client-c-1')).not.toHaveTextContent('broadcast');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('topology-client-c-2')).toHaveTextContent('运行中 · 广播消费');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('tells a client that has not started yet from one that shut down (removeConsumer): "not started" / 未启动 before, "stopped" / 已停止 after, in English and Chinese', () => {
    const scenario = libraryScenario('consumer-join-leave');
    const late = { ...scenario, brokers: scenario.brokers.map((broker, i) => (i === 1 ? { ...broker, startAt: 5_000 } : broker)) };
    loadAt(late, 500);
    render(<TopologyPanel />);
    expect(screen.getByTestId('topology-client-c-1')).toHaveTextContent('not started');
    expect(screen.getByTestId('topology-broker-broker-b/0')).toHaveAccessibleName('broker-b/0 · master not started, Broker');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('topology-client-c-1')).toHaveTextContent('未启动');
    act(() => usePlayback.getState().loadScenario(scenario, 130_000));
    expect(screen.getByTestId('topology-client-c-4')).toHaveTextContent('已停止');
    expect(screen.getByTestId('topology-client-c-4')).not.toHaveTextContent('未启动');
    act(() => usePlayback.getState().setLanguage('en'));
    expect(screen.getByTestId('topology-client-c-4')).toHaveTextContent('stopped');
    expect(screen.getByTestId('topology-client-c-4')).not.toHaveTextContent('not started');
  });

  it('draws a mark for each trace event in flight, in one picture a frame, and an empty one when nothing flies', async () => {
    const fake = fakeCanvas();
    const timeline = loadAt(twoBrokers(), 20_050);
    render(<TopologyPanel flightMs={500} />);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 960);
    const dots = dotsAt(timeline, layout, model.routing, 20_050, 500);
    expect(dots.length).toBeGreaterThan(0);
    // The canvas is a chunk loaded after the first paint.
    const canvas = await screen.findByTestId('topology-canvas');
    expect(canvas).toHaveAttribute('data-dots', String(dots.length));
    expect(fake.picture?.width).toBe((canvas as HTMLCanvasElement).width);
    expect(fake.shown.some((byte) => byte > 0)).toBe(true);
    expect(canvas).toHaveAttribute('aria-hidden', 'true');
    // Before the first message and heartbeat, nothing is in flight: the picture is empty.
    cleanup();
    loadAt(twoBrokers(), 0);
    render(<TopologyPanel flightMs={1} />);
    expect(await screen.findByTestId('topology-canvas')).toHaveAttribute('data-dots', '0');
    expect(fake.shown.every((byte) => byte === 0)).toBe(true);
  });

  it('draws a crowded cluster\'s dots as streams, a few per line (144 queues, 13 consumers), the classroom\'s one per event', async () => {
    const crowded = writeReadScenario({ brokers: ['broker-a', 'broker-b', 'broker-c'], writeQueueNums: 48, readQueueNums: 48, consumers: 13 });
    const timeline = loadAt({ ...crowded, producers: crowded.producers.map((producer) => ({ ...producer, ratePerSec: 200 })) }, 30_000);
    render(<TopologyPanel flightMs={500} />);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 960);
    const streams = streamDotsAt(timeline, layout, model.routing, 30_000, 500);
    const each = dotsAt(timeline, layout, model.routing, 30_000, 500);
    expect(streams.length).toBeLessThan(each.length / 5);
    expect(await screen.findByTestId('topology-canvas')).toHaveAttribute('data-dots', String(streams.length));
  });

  it('each frame puts only the rectangle that changed, and the canvas shows the whole picture of its moment', async () => {
    const fake = fakeCanvas();
    loadAt(twoBrokers(), 20_050);
    render(<TopologyPanel flightMs={500} />);
    await screen.findByTestId('topology-canvas');
    const puts = fake.context.putImageData as unknown as { mock: { calls: unknown[][] } };
    for (const t of [20_200, 20_450, 21_400, 22_000]) {
      act(() => usePlayback.getState().seek(t));
      expect(firstDifference(fake.shown, fake.picture!.data)).toBe(-1);
    }
    const [, , , x, y, width, height] = puts.mock.calls.at(-1) as number[];
    expect(width! * height!).toBeLessThan(fake.picture!.width * fake.picture!.height);
    expect(x! + width!).toBeLessThanOrEqual(fake.picture!.width);
    expect(y! + height!).toBeLessThanOrEqual(fake.picture!.height);
  });
});
