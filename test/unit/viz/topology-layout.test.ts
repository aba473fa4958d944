import { fitText } from '../../../src/viz/format.ts';
import { RUN_BELOW_BOX, type Box } from '../../../src/viz/paths.ts';
import { layoutTopology, WIDE_MIN_WIDTH, type TopologyInput, type TopologyLayout } from '../../../src/viz/topology-layout.ts';

const input: TopologyInput = {
  nameServers: ['ns-1', 'ns-2'],
  brokerGroups: [{ name: 'broker-a', members: ['broker-a/0', 'broker-a/1'] }, { name: 'broker-b', members: ['broker-b/0'] }],
  producers: ['p-1', 'p-2'],
  consumerGroups: [{ name: 'CG_A', members: ['c-1', 'c-2', 'c-3'] }],
};

function allBoxes(layout: TopologyLayout): Box[] {
  return [layout.nameServers, layout.producers, layout.brokers, layout.consumers].flatMap((boxes) => Object.values(boxes));
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

describe.each([1280, 960, 390])('layoutTopology at %i px', (width) => {
  const layout = layoutTopology(input, width);

  it('places every entity inside the drawing', () => {
    expect(Object.keys(layout.nameServers)).toEqual(input.nameServers);
    expect(Object.keys(layout.brokers).sort()).toEqual(['broker-a/0', 'broker-a/1', 'broker-b/0']);
    expect(Object.keys(layout.consumers).sort()).toEqual(['c-1', 'c-2', 'c-3']);
    for (const box of allBoxes(layout)) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('never overlaps two processes', () => {
    const boxes = allBoxes(layout);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('puts the members of a group inside its frame', () => {
    expect(contains(layout.brokerGroups['broker-a']!, layout.brokers['broker-a/0']!)).toBe(true);
    expect(contains(layout.brokerGroups['broker-a']!, layout.brokers['broker-a/1']!)).toBe(true);
    for (const id of ['c-1', 'c-2', 'c-3']) expect(contains(layout.consumerGroups['CG_A']!, layout.consumers[id]!)).toBe(true);
  });

  it('keeps the NameServers in the top row', () => {
    const nsBottom = Math.max(...Object.values(layout.nameServers).map((box) => box.y + box.height));
    const others = [layout.producers, layout.brokers, layout.consumers].flatMap((boxes) => Object.values(boxes));
    for (const box of others) expect(box.y).toBeGreaterThan(nsBottom);
  });
});

describe('layoutTopology modes', () => {
  it('puts producers left, brokers in the middle and consumers right when wide', () => {
    const layout = layoutTopology(input, 1280);
    expect(layout.mode).toBe('wide');
    const producerRight = Math.max(...Object.values(layout.producers).map((box) => box.x + box.width));
    const brokerLeft = Math.min(...Object.values(layout.brokerGroups).map((box) => box.x));
    const brokerRight = Math.max(...Object.values(layout.brokerGroups).map((box) => box.x + box.width));
    const consumerLeft = Math.min(...Object.values(layout.consumerGroups).map((box) => box.x));
    expect(producerRight).toBeLessThan(brokerLeft);
    expect(brokerRight).toBeLessThan(consumerLeft);
  });

  it('stacks producers, brokers and consumers top to bottom on a phone', () => {
    const layout = layoutTopology(input, 390);
    expect(layout.mode).toBe('narrow');
    expect(layout.width).toBe(390);
    const producerBottom = Math.max(...Object.values(layout.producers).map((box) => box.y + box.height));
    const brokerTop = Math.min(...Object.values(layout.brokerGroups).map((box) => box.y));
    const brokerBottom = Math.max(...Object.values(layout.brokerGroups).map((box) => box.y + box.height));
    const consumerTop = Math.min(...Object.values(layout.consumerGroups).map((box) => box.y));
    expect(producerBottom).toBeLessThan(brokerTop);
    expect(brokerBottom).toBeLessThan(consumerTop);
    expect(layout.headers.map((header) => header.section)).toEqual(['producers', 'brokers', 'consumers']);
  });

  it('gives each broker of a group a whole row on a phone, so its name and role are not cut short; side by side when there is room', () => {
    // 348 px: the topology panel's drawing on a 390 px phone.
    const phone = layoutTopology(input, 348);
    const [master, slave] = [phone.brokers['broker-a/0']!, phone.brokers['broker-a/1']!];
    const group = phone.brokerGroups['broker-a']!;
    expect(master.x).toBe(slave.x);
    expect(slave.y).toBeGreaterThan(master.y + master.height - 1);
    expect(master.width).toBeGreaterThan(group.width - 20);
    // The longest label a broker shows (a slave elected master in controller mode), as NodeText fits it (12.5 px bold).
    const label = 'broker-a/1 · master · brokerId 0';
    expect(fitText(label, master.width - 16, 12.5, 'bold')).toBe(label);
    const tablet = layoutTopology(input, WIDE_MIN_WIDTH - 1);
    expect(tablet.brokers['broker-a/1']!.y).toBe(tablet.brokers['broker-a/0']!.y);
  });

  it('switches at WIDE_MIN_WIDTH', () => {
    expect(layoutTopology(input, WIDE_MIN_WIDTH).mode).toBe('wide');
    expect(layoutTopology(input, WIDE_MIN_WIDTH - 1).mode).toBe('narrow');
  });

  it('grows taller with more processes and handles an empty cluster', () => {
    const more = { ...input, producers: Array.from({ length: 12 }, (_, i) => `p-${i}`) };
    expect(layoutTopology(more, 1280).height).toBeGreaterThan(layoutTopology(input, 1280).height);
    const empty = layoutTopology({ nameServers: [], brokerGroups: [], producers: [], consumerGroups: [] }, 1280);
    expect(empty.height).toBeGreaterThan(0);
    expect(empty.headers).toEqual([]);
  });
});

describe('the wide layout\'s columns', () => {
  const span = (boxes: Record<string, Box>) => {
    const all = Object.values(boxes);
    return { top: Math.min(...all.map((box) => box.y)), bottom: Math.max(...all.map((box) => box.y + box.height)) };
  };

  it('starts the brokers at the top even beside a taller consumer column (chapter 8\'s twelve consumers), which starts there too', () => {
    const many: TopologyInput = { ...input, consumerGroups: [{ name: 'CG_A', members: Array.from({ length: 10 }, (_, i) => `c-${i + 1}`) }, { name: 'CG_B', members: ['b-1', 'b-2'] }] };
    const layout = layoutTopology(many, 1280);
    const brokers = span(layout.brokerGroups);
    const consumers = span(layout.consumerGroups);
    expect(consumers.bottom - consumers.top).toBeGreaterThan(brokers.bottom - brokers.top);
    expect(brokers.top).toBe(consumers.top);
    expect(layout.height).toBeGreaterThanOrEqual(consumers.bottom);
  });

  it('centres a shorter client column on the brokers, so links run roughly level', () => {
    const layout = layoutTopology(input, 1280);
    const brokers = span(layout.brokerGroups);
    const producers = span(layout.producers);
    expect((producers.top + producers.bottom) / 2).toBeCloseTo((brokers.top + brokers.bottom) / 2, 6);
    const consumers = span(layout.consumerGroups);
    expect((consumers.top + consumers.bottom) / 2).toBeCloseTo((brokers.top + brokers.bottom) / 2, 6);
  });
});

describe('the room under a broker that draws queues (where paths.ts linkOutOfCell runs its consume links)', () => {
  // Each master draws TopicTest's 8 queues; broker-a's slave and broker-c draw none.
  const withQueues: TopologyInput = {
    ...input,
    brokerGroups: [...input.brokerGroups, { name: 'broker-c', members: ['broker-c/0'] }],
    queueSlots: { 'broker-a/0': 8, 'broker-b/0': 8 },
  };

  /** The top of the first frame under `box` across its width: a broker's, or the bottom of its group's. */
  function frameBelow(layout: TopologyLayout, box: Box): number {
    const bottom = box.y + box.height;
    const across = (other: Box) => other.x < box.x + box.width && box.x < other.x + other.width;
    const tops = [...Object.values(layout.brokers), ...Object.values(layout.brokerGroups)].filter((other) => across(other) && other.y >= bottom).map((other) => other.y);
    const groupBottoms = Object.values(layout.brokerGroups).filter((group) => across(group) && group.y + group.height >= bottom).map((group) => group.y + group.height);
    return Math.min(...tops, ...groupBottoms);
  }

  it.each([1280, 390])('leaves a dot of radius 4 room to run under the box, clear of the next frame, at %i px', (width) => {
    const layout = layoutTopology(withQueues, width);
    for (const node of ['broker-a/0', 'broker-b/0']) {
      const box = layout.brokers[node]!;
      const runY = box.y + box.height + RUN_BELOW_BOX;
      expect(runY - 4).toBeGreaterThanOrEqual(box.y + box.height);
      expect(runY + 4).toBeLessThanOrEqual(frameBelow(layout, box));
    }
  });
});
