import { MAX_BROKERS_ONE_COLUMN, MAX_CLIENTS_EACH, MAX_QUEUE_CELLS_EACH, topologyDensity } from '../../../src/viz/topology-density.ts';
import type { Box } from '../../../src/viz/paths.ts';
import { layoutTopology, queueCellId, type TopologyInput } from '../../../src/viz/topology-layout.ts';

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);

/** A cluster of `masters` single-master groups with `queues` queues each, `producers` in one group and consumers in groups of the sizes given. */
function cluster(masters: number, queues: number, producers: number, consumerGroups: number[]): TopologyInput {
  const nodes = ids('broker', masters).map((name) => `${name}/0`);
  return {
    nameServers: ['ns-1', 'ns-2', 'ns-3'],
    brokerGroups: ids('broker', masters).map((name) => ({ name, members: [`${name}/0`] })),
    producers: ids('p', producers),
    producerGroups: [{ name: 'PG', members: ids('p', producers) }],
    consumerGroups: consumerGroups.map((size, group) => ({ name: `CG_${group}`, members: ids(`c${group}`, size) })),
    queueSlots: Object.fromEntries(nodes.map((node) => [node, queues])),
  };
}

/** test/bench/reference.json: 4 masters x 16 queues, 10 producers, one consumer group of 10. */
const reference = cluster(4, 16, 10, [10]);
/** test/bench/large.json: 10 masters x 64 queues, 50 producers, two consumer groups of 25. */
const large = cluster(10, 64, 50, [25, 25]);

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('topologyDensity: which crowds are drawn aggregated', () => {
  it('draws a classroom cluster (the reference scenario) one process and one queue at a time', () => {
    expect(topologyDensity(reference)).toEqual({ producersByGroup: false, consumersByGroup: false, queueHeat: false, brokerColumns: 1 });
  });

  it('aggregates every crowd of the large scenario', () => {
    expect(topologyDensity(large)).toEqual({ producersByGroup: true, consumersByGroup: true, queueHeat: true, brokerColumns: 2 });
  });

  it('aggregates producers past MAX_CLIENTS_EACH, and only when their groups are known', () => {
    expect(topologyDensity(cluster(2, 4, MAX_CLIENTS_EACH, [2])).producersByGroup).toBe(false);
    expect(topologyDensity(cluster(2, 4, MAX_CLIENTS_EACH + 1, [2])).producersByGroup).toBe(true);
    const ungrouped = cluster(2, 4, MAX_CLIENTS_EACH + 1, [2]);
    delete ungrouped.producerGroups;
    expect(topologyDensity(ungrouped).producersByGroup).toBe(false);
  });

  it('counts consumers over all their groups', () => {
    expect(topologyDensity(cluster(2, 4, 2, [MAX_CLIENTS_EACH / 2, MAX_CLIENTS_EACH / 2])).consumersByGroup).toBe(false);
    expect(topologyDensity(cluster(2, 4, 2, [MAX_CLIENTS_EACH / 2, MAX_CLIENTS_EACH / 2 + 1])).consumersByGroup).toBe(true);
  });

  it('draws heat rows past MAX_QUEUE_CELLS_EACH cells and two broker columns past MAX_BROKERS_ONE_COLUMN nodes', () => {
    expect(topologyDensity(cluster(2, MAX_QUEUE_CELLS_EACH / 2, 2, [2])).queueHeat).toBe(false);
    expect(topologyDensity(cluster(2, MAX_QUEUE_CELLS_EACH / 2 + 1, 2, [2])).queueHeat).toBe(true);
    expect(topologyDensity(cluster(MAX_BROKERS_ONE_COLUMN, 4, 2, [2])).brokerColumns).toBe(1);
    expect(topologyDensity(cluster(MAX_BROKERS_ONE_COLUMN + 1, 4, 2, [2])).brokerColumns).toBe(2);
  });

  it('stacks two masters with their slaves in one column, and takes two for three (taking a broker out of service)', () => {
    const withSlaves = (masters: number): TopologyInput => {
      const input = cluster(masters, 4, 1, [3]);
      return { ...input, brokerGroups: input.brokerGroups.map(({ name }) => ({ name, members: [`${name}/0`, `${name}/1`] })) };
    };
    expect(topologyDensity(withSlaves(2)).brokerColumns).toBe(1);
    expect(topologyDensity(cluster(3, 4, 1, [3])).brokerColumns).toBe(1);
    expect(topologyDensity(withSlaves(3)).brokerColumns).toBe(2);
  });
});

describe.each([808, 1280, 390])('the large scenario laid out at %i px', (width) => {
  const layout = layoutTopology(large, width);

  it('gives each group of clients one node, which the dots and links of every member go to', () => {
    expect(layout.clientGroups.map((group) => `${group.kind} ${group.name} ${group.members.length}`)).toEqual(['producer PG 50', 'consumer CG_0 25', 'consumer CG_1 25']);
    for (const group of layout.clientGroups) {
      const boxes = group.kind === 'producer' ? layout.producers : layout.consumers;
      for (const member of group.members) expect(boxes[member]).toEqual(group.box);
    }
    expect(layout.consumerGroups).toEqual({});
  });

  it('draws each master\'s 64 queues as one row inside its box, cells side by side', () => {
    for (const node of Object.keys(large.queueSlots!)) {
      const broker = layout.brokers[node]!;
      const cells = Array.from({ length: 64 }, (_, queueId) => layout.queues[queueCellId(node, queueId)]!);
      expect(new Set(cells.map((cell) => cell.y)).size).toBe(1);
      cells.forEach((cell, i) => {
        expect(cell.x).toBeGreaterThanOrEqual(broker.x);
        expect(cell.x + cell.width).toBeLessThanOrEqual(broker.x + broker.width + 1e-9);
        expect(cell.y + cell.height).toBeLessThanOrEqual(broker.y + broker.height);
        if (i > 0) expect(cell.x).toBeCloseTo(cells[i - 1]!.x + cells[i - 1]!.width);
      });
    }
  });

  it('never overlaps two boxes', () => {
    const boxes = [...Object.values(layout.nameServers), ...Object.values(layout.brokerGroups), ...layout.clientGroups.map((group) => group.box)];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  });
});

it('fits the large scenario in the height of the reference scenario when wide, where one box per process took 2,446 px', () => {
  for (const width of [808, 1280]) expect(layoutTopology(large, width).height).toBeLessThanOrEqual(layoutTopology(reference, width).height);
});

it('titles only the broker groups of more than one broker when crowded (a lone broker\'s box names it)', () => {
  const crowded = cluster(7, 4, 2, [2]);
  crowded.brokerGroups[0]!.members.push('broker-1/1');
  expect(layoutTopology(crowded, 1280).untitledGroups).toEqual(ids('broker', 7).slice(1));
  expect(layoutTopology(reference, 1280).untitledGroups).toEqual([]);
});

it('draws a crowded cluster\'s lone brokers without a frame of their own, rows closer, so the large scenario is shorter than its screen', () => {
  for (const width of [790, 1232]) {
    const layout = layoutTopology(large, width);
    for (const name of layout.untitledGroups) expect(layout.brokerGroups[name]).toEqual(layout.brokers[`${name}/0`]);
    // Five rows of brokers, each its name, status and heat row (36 + 12 + 6: no lane for sends over a heat row), 8 px apart, under the NameServers.
    const rows = [...new Set(Object.values(layout.brokers).map((box) => box.y))];
    expect(rows).toHaveLength(5);
    expect(rows[1]! - rows[0]!).toBe(54 + 8);
    expect(layout.height).toBeLessThanOrEqual(460);
  }
});

it('leaves a crowded broker\'s box room for its whole node id and role ("broker-01/0 · master", 20 characters of 7.2 px, clear of its status mark)', () => {
  const layout = layoutTopology(large, 790);
  for (const box of Object.values(layout.brokers)) expect(box.width - 16).toBeGreaterThanOrEqual(20 * 7.2 + 14);
});
