import { dotRoute, dotsAt, linkOf, LOST_FALL, messageUnder, type Dot } from '../../../src/ui/panels/topology-geometry.ts';
import { pointOnLink } from '../../../src/viz/link-track.ts';
import type { Box } from '../../../src/viz/paths.ts';
import { stripLaneY } from '../../../src/viz/queue-strip.ts';
import { topologyModel } from '../../../src/ui/panels/topology-model.ts';
import type { TraceEvent } from '../../../src/sim/index.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { canvasQueues, ownersByCell } from '../../../src/ui/panels/topology-queues.ts';
import { layoutTopology, queueCellId } from '../../../src/viz/topology-layout.ts';
import { libraryTimeline } from '../../support/library.ts';
import { writeReadScenario } from './scenarios.ts';

describe('dots of the topology canvas', () => {
  const timeline = new Timeline(writeReadScenario({ slaves: true }));

  it('shows exactly the events of the last flight window, newest first', () => {
    timeline.seek(30_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    const inWindow = timeline.traceSlice(0).filter((e) => e.t >= 30_000 - 1_000 && e.t <= 30_000 && dotRoute(e, model.routing) !== null);
    const dots = dotsAt(timeline, layout, model.routing, 30_000, 1_000);
    expect(dots).toHaveLength(inWindow.length);
    expect(dots.map((dot) => dot.kind)).toEqual(inWindow.reverse().map((e) => dotRoute(e, model.routing)!.kind));
    // 10 msg/s for one second: about 10 sends, 10 stores, 10 consumptions.
    expect(dots.filter((dot) => dot.kind === 'sent').length).toBeGreaterThanOrEqual(9);
  });

  it('gives the same picture at a time however one got there (scrubbing back)', () => {
    timeline.seek(45_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    const forward = dotsAt(timeline, layout, model.routing, 45_000, 2_000);
    timeline.seek(90_000);
    timeline.seek(45_000);
    expect(dotsAt(timeline, layout, model.routing, 45_000, 2_000)).toEqual(forward);
  });

  it('reads only the last flight window of the trace, backwards from now', () => {
    timeline.seek(120_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    const read: [number, number][] = [];
    const source = {
      get traceLength() {
        return timeline.traceLength;
      },
      traceAt: (index: number) => {
        read.push([index, index + 1]);
        return timeline.traceAt(index);
      },
      traceSlice: (from: number, to?: number) => {
        read.push([from, to ?? timeline.traceLength]);
        return timeline.traceSlice(from, to);
      },
    };
    const dots = dotsAt(source, layout, model.routing, 120_000, 1_000);
    expect(dots).toEqual(dotsAt(timeline, layout, model.routing, 120_000, 1_000));
    const inWindow = timeline.traceSlice(0).filter((e) => e.t >= 119_000).length;
    const eventsRead = read.reduce((sum, [from, to]) => sum + to - from, 0);
    expect(eventsRead).toBeGreaterThan(inWindow);
    expect(eventsRead).toBeLessThan(inWindow + 2_048);
    expect(Math.min(...read.map(([from]) => from))).toBeGreaterThan(timeline.traceLength - inWindow - 2_048);
  });

  it('gives each message\'s dot its own message id, the same picture as from the events first read', () => {
    timeline.seek(30_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    const first = dotsAt(timeline, layout, model.routing, 30_000, 3_000);
    // The same events as new objects (a far seek's fresh tail): paths are found again by route.
    const copies = JSON.parse(JSON.stringify(timeline.traceSlice(0))) as ReturnType<typeof timeline.traceSlice>;
    const again = dotsAt({ traceLength: copies.length, traceAt: (i) => copies[i]!, traceSlice: (from, to) => copies.slice(from, to) }, layout, model.routing, 30_000, 3_000);
    expect(again).toEqual(first);
    const sends = timeline.traceSlice(0).filter((e) => e.type === 'message.sent' && e.t >= 27_000).reverse();
    const sentDots = first.filter((dot) => dot.kind === 'sent' || dot.kind === 'retried');
    expect(new Set(sentDots.map((dot) => dot.msgId)).size).toBe(sends.length);
    expect(sentDots.map((dot) => dot.msgId)).toEqual(sends.map((e) => (e.type === 'message.sent' ? e.msgId : '')));
  });

  it('caps the number of dots', () => {
    timeline.seek(60_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    expect(dotsAt(timeline, layout, model.routing, 60_000, 30_000, 50)).toHaveLength(50);
  });

  it('sends a message from the producer into its exact queue id, a registration from a broker to a NameServer', () => {
    const routing = { master: { 'broker-a': 'broker-a/0' }, node: { 'broker-a/0': 'broker-a/0', 'broker-a/1': 'broker-a/1' }, sendTo: { 'p-1>broker-a': 'broker-a/0' }, topic: 'T', producerTopic: { 'p-1': 'T' } };
    const sent = { t: 1, type: 'message.sent', producer: 'p-1', msgId: 'x', topic: 'T', tags: '', keys: '', broker: 'broker-a', queueId: 5, attempt: 1 } as const;
    expect(dotRoute(sent, routing)).toEqual({ kind: 'sent', from: { kind: 'client', id: 'p-1' }, to: { kind: 'queue', id: 'broker-a/0#5' }, msgId: 'x' });
    expect(dotRoute({ ...sent, attempt: 2 }, routing)).toMatchObject({ kind: 'retried' });
    expect(dotRoute({ t: 1, type: 'send.failed', producer: 'p-1', msgId: 'x', broker: 'broker-a', queueId: 5, attempt: 1, reason: 'timeout' }, routing))
      .toMatchObject({ kind: 'failed', to: { kind: 'queue', id: 'broker-a/0#5' } });
    expect(dotRoute({ t: 1, type: 'message.consumed', consumer: 'c-1', group: 'G', msgId: 'x', broker: 'broker-a', brokerId: 0, queueId: 2, queueOffset: 0, topic: 'T', reconsumeTimes: 0 }, routing))
      .toMatchObject({ kind: 'consumed', from: { kind: 'queue', id: 'broker-a/0#2' }, to: { kind: 'client', id: 'c-1' } });
    // With the master gone from c-1's route, c-1 pulls from the slave: the dot leaves the queue's cell in the slave.
    expect(dotRoute({ t: 1, type: 'message.consumed', consumer: 'c-1', group: 'G', msgId: 'x', broker: 'broker-a', brokerId: 1, queueId: 2, queueOffset: 0, topic: 'T', reconsumeTimes: 0 }, routing))
      .toMatchObject({ kind: 'consumed', from: { kind: 'queue', id: 'broker-a/1#2' }, to: { kind: 'client', id: 'c-1' } });
    expect(dotRoute({ t: 1, type: 'broker.registered', nameServer: 'ns-1', broker: 'broker-a', brokerId: 1, first: true, trigger: 'start' }, routing))
      .toEqual({ kind: 'registered', from: { kind: 'broker', id: 'broker-a/1' }, to: { kind: 'nameServer', id: 'ns-1' } });
    expect(dotRoute({ t: 1, type: 'fault', action: 'crashBroker', target: 'broker-a' }, routing)).toBeNull();
  });

  it('flies a message of a topic whose queues are not drawn to its broker\'s box, never into a cell of the topic drawn', () => {
    // The canvas draws TBW102's queues (chapter 6): p-1's TopicOrder sends and c-1's retry-topic consumptions have no cell there.
    const routing = { master: { 'broker-a': 'broker-a/0' }, node: { 'broker-a/0': 'broker-a/0' }, sendTo: { 'p-1>broker-a': 'broker-a/0' }, topic: 'TBW102', producerTopic: { 'p-1': 'TopicOrder' } };
    const sent = { t: 1, type: 'message.sent', producer: 'p-1', msgId: 'x', topic: 'TopicOrder', tags: '', keys: '', broker: 'broker-a', queueId: 0, attempt: 1 } as const;
    expect(dotRoute(sent, routing)).toMatchObject({ to: { kind: 'broker', id: 'broker-a/0' } });
    expect(dotRoute({ t: 1, type: 'send.failed', producer: 'p-1', msgId: 'x', broker: 'broker-b', queueId: 0, attempt: 1, reason: 'timeout' }, routing))
      .toMatchObject({ to: { kind: 'brokerGroup', id: 'broker-b' } });
    expect(dotRoute({ t: 1, type: 'message.consumed', consumer: 'c-1', group: 'G', msgId: 'x', broker: 'broker-a', brokerId: 0, queueId: 0, queueOffset: 0, topic: '%RETRY%G', reconsumeTimes: 1 }, routing))
      .toMatchObject({ from: { kind: 'broker', id: 'broker-a/0' } });
  });

  it('lands each sent message exactly in the cell of its queue id', () => {
    timeline.seek(30_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    const sends = timeline.traceSlice(0).filter((e) => e.type === 'message.sent' && e.t >= 29_000);
    expect(sends.length).toBeGreaterThan(5);
    // At the end of its flight (progress 1) each dot is at the top centre of its queue's cell.
    for (const send of sends) {
      if (send.type !== 'message.sent') continue;
      const [dot] = dotsAt({ traceLength: 1, traceAt: () => send, traceSlice: () => [send] }, layout, model.routing, send.t + 1_000, 1_000);
      const cell = layout.queues[`${send.broker}/0#${send.queueId}`]!;
      expect(dot).toMatchObject({ x: cell.x + cell.width / 2, y: cell.y });
    }
  });

  it('drops a message lost for good out of its queue\'s cell: the power loss of broker-a, flushing asynchronously, at 1:00', () => {
    const power = libraryTimeline('power-loss-flush', 60_500);
    const model = topologyModel(power.state);
    const layout = layoutTopology(model.input, 1280);
    const lost = power.traceSlice(0).filter((e) => e.type === 'message.lost');
    // The acknowledged messages only in broker-a's page cache (the scenario's story): broker-b flushes synchronously.
    expect(lost.length).toBeGreaterThan(0);
    const dots = dotsAt(power, layout, model.routing, 60_500, 1_000).filter((dot) => dot.kind === 'lost');
    expect(dots.map((dot) => dot.msgId).sort()).toEqual(lost.map((e) => (e.type === 'message.lost' ? e.msgId : '')).sort());
    for (const event of lost) {
      if (event.type !== 'message.lost') continue;
      expect(event.broker).toBe('broker-a');
      const cell = layout.queues[`broker-a/0#${event.queueId}`]!;
      const dot = dots.find((d) => d.msgId === event.msgId)!;
      // Half its flight on: below the cell's centre, falling, fading.
      expect(dot.x).toBe(cell.x + cell.width / 2);
      expect(dot.y).toBeGreaterThan(cell.y + cell.height / 2);
      expect(dot.y).toBeLessThan(cell.y + cell.height / 2 + LOST_FALL);
    }
    const oneway = { t: 1, type: 'message.lost', msgId: 'x', broker: 'broker-a', brokerId: 0, topic: model.topic!, queueId: 3, queueOffset: -1, reason: 'onewayNotDelivered' } as const;
    expect(dotRoute(oneway, model.routing)).toEqual({ kind: 'lost', from: { kind: 'queue', id: 'broker-a/0#3' }, to: { kind: 'queue', id: 'broker-a/0#3' }, msgId: 'x' });
  });

  it('draws a store on a master as a ring on the broker, and the slave\'s copy as a dot flying from master to slave', () => {
    timeline.seek(30_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    const stored = dotsAt(timeline, layout, model.routing, 30_000, 1_000).filter((dot) => dot.kind === 'stored');
    const onMaster = timeline.traceSlice(0).filter((e) => e.type === 'message.stored' && e.t >= 29_000 && e.brokerId === 0).length;
    const rings = stored.filter((dot) => dot.ring !== undefined);
    expect(rings).toHaveLength(onMaster);
    for (const dot of rings) expect(dot.ring).toBeGreaterThan(0);
    const copies = stored.filter((dot) => dot.ring === undefined);
    expect(copies.length).toBeGreaterThan(0);
    // Each copy lies between the two boxes of its broker group (masters above their slaves).
    for (const dot of copies) {
      const between = ['broker-a', 'broker-b'].some((name) => {
        const master = layout.brokers[`${name}/0`]!;
        const slave = layout.brokers[`${name}/1`]!;
        return dot.y >= master.y && dot.y <= slave.y + slave.height;
      });
      expect(between).toBe(true);
    }
  });
});

describe('dots and the text of the brokers', () => {
  // Two brokers, one above the other on a phone: sends to broker-b pass broker-a, pulls from broker-a pass broker-b.
  const timeline = new Timeline(writeReadScenario({ brokers: ['broker-a', 'broker-b'] }));

  it.each([[1280, 'wide'], [358, 'narrow']])('at %i px (%s), no message dot crosses a broker\'s name or its status line', (width) => {
    timeline.seek(30_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, width);
    const boxes = Object.values(layout.brokers);
    let seen = 0;
    // Every 20 ms of a second: the dots of sends and consumptions anywhere along their ways.
    for (let t = 29_000; t <= 30_000; t += 20) {
      for (const dot of dotsAt(timeline, layout, model.routing, t, 1_000)) {
        if (dot.kind !== 'sent' && dot.kind !== 'consumed') continue;
        seen++;
        for (const box of boxes) {
          const overText = dot.x > box.x && dot.x < box.x + box.width && dot.y > box.y && dot.y < stripLaneY(box) - 0.5;
          expect(overText, `${dot.kind} dot at ${dot.x},${dot.y} over the text of the broker at ${box.x},${box.y}`).toBe(false);
        }
      }
    }
    expect(seen).toBeGreaterThan(500);
  });

  it('on a phone, a message to or from a queue goes round the other broker, never through it', () => {
    timeline.seek(30_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 358);
    const inside = (box: Box, x: number, y: number) => x > box.x + 0.5 && x < box.x + box.width - 0.5 && y > box.y + 0.5 && y < box.y + box.height - 0.5;
    for (const [node, other] of [['broker-a/0', 'broker-b/0'], ['broker-b/0', 'broker-a/0']] as const) {
      for (let queueId = 0; queueId < 8; queueId++) {
        const cell = { kind: 'queue' as const, id: queueCellId(node, queueId) };
        for (const link of [linkOf(layout, { kind: 'client', id: 'p-1' }, cell), linkOf(layout, cell, { kind: 'client', id: 'c-1' }), linkOf(layout, cell, { kind: 'client', id: 'c-2' })]) {
          for (let i = 0; i <= 200; i++) {
            const { x, y } = pointOnLink(link!, i / 200);
            expect(inside(layout.brokers[other]!, x, y), `${node}#${queueId} at ${x},${y}`).toBe(false);
          }
        }
      }
    }
  });
});

describe('while a master is gone, its messages are consumed from the slave', () => {
  it('"A master crashes, its slave keeps serving reads" at 1:45: every broker-a message consumed, read from broker-a/1, flies from its queue\'s cell in the slave', () => {
    // broker-a/0 crashes at 75 s; c-1's route drops it at its 90 s refresh and c-1 reads broker-a from the slave.
    const timeline = libraryTimeline('master-slave-failover', 105_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    const consumed = dotsAt(timeline, layout, model.routing, 105_000, 5_000).filter((dot) => dot.kind === 'consumed');
    const fromBrokerA = timeline.traceSlice(0)
      .filter((e): e is Extract<TraceEvent, { type: 'message.consumed' }> => e.type === 'message.consumed' && e.broker === 'broker-a' && e.t > 100_000);
    expect(fromBrokerA.length).toBeGreaterThan(0);
    for (const e of fromBrokerA) {
      expect(e.brokerId).toBe(1);
      const route = dotRoute(e, model.routing)!;
      const cell = layout.queues[queueCellId('broker-a/1', e.queueId)]!;
      expect(route.from).toEqual({ kind: 'queue', id: queueCellId('broker-a/1', e.queueId) });
      const start = linkOf(layout, route.from, route.to)!;
      const { x, y } = pointOnLink(start, 0);
      expect(x >= cell.x - 1 && x <= cell.x + cell.width + 1 && y >= cell.y - 1 && y <= cell.y + cell.height + 1).toBe(true);
    }
    expect(consumed.length).toBeGreaterThan(0);
  });

  it('the slave draws broker-a\'s queues while its master is down, read but not written, owned by c-1; the master again once it is back', () => {
    const timeline = libraryTimeline('master-slave-failover', 105_000);
    const model = topologyModel(timeline.state);
    expect(model.input.queueSlots).toEqual({ 'broker-a/1': 4, 'broker-b/0': 4 });
    expect(model.brokers['broker-a/1']!.queueNums).toEqual({ write: 4, read: 4 });
    expect(model.brokers['broker-a/0']!.queueNums).toBeNull();
    const owners = ownersByCell(model.links);
    const queues = canvasQueues(timeline.state, model.topic!, model.input.queueSlots!, owners);
    const slave = timeline.state.brokers['broker-a/1']!;
    for (let queueId = 0; queueId < 4; queueId++) {
      expect(queues[queueCellId('broker-a/1', queueId)]).toMatchObject({
        writable: false, readable: true, owners: ['c-1'], count: slave.consumeQueues['TopicTest']![queueId]!.length,
      });
    }
    // broker-a/0 starts again at 165 s and registers.
    timeline.seek(200_000);
    expect(topologyModel(timeline.state).input.queueSlots).toEqual({ 'broker-a/0': 4, 'broker-b/0': 4 });
  });
});

describe('the queues drawn in a master back from a crash', () => {
  it('count as consumed what the group committed to the slave it read from meanwhile, not only the offsets the master loaded from disk', () => {
    // "A master crashes, its slave keeps serving reads": broker-a/0 crashes at 75 s and starts again at 165 s; c-1 drained broker-a through the slave.
    const timeline = libraryTimeline('master-slave-failover', 170_000);
    const model = topologyModel(timeline.state);
    const queues = canvasQueues(timeline.state, model.topic!, model.input.queueSlots!, ownersByCell(model.links));
    const master = timeline.state.brokers['broker-a/0']!;
    const slave = timeline.state.brokers['broker-a/1']!;
    for (let queueId = 0; queueId < 4; queueId++) {
      const key = `TopicTest@${queueId}`;
      const loaded = master.consumerOffsetTable['CG_ORDER']![key]!;
      const onSlave = slave.consumerOffsetTable['CG_ORDER']![key]!;
      expect(onSlave).toBeGreaterThan(loaded);
      expect(queues[queueCellId('broker-a/0', queueId)]!.consumed).toBe(onSlave);
    }
  });
});

describe('a broker\'s registration on the way to a NameServer', () => {
  // Two groups of master and slave: a slave's registration passes its master, broker-b's passes broker-a.
  const timeline = new Timeline(writeReadScenario({ brokers: ['broker-a', 'broker-b'], slaves: true }));

  it.each([[1280, 'wide'], [358, 'narrow']])('at %i px (%s), goes round every broker, its group\'s title and the clients, never through them', (width) => {
    timeline.seek(30_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, width);
    const inside = (box: Box, x: number, y: number) => x > box.x + 0.5 && x < box.x + box.width - 0.5 && y > box.y + 0.5 && y < box.y + box.height - 0.5;
    const brokers = Object.values(layout.brokers);
    // A group's title band: from its top to its first member's.
    const titles = Object.values(layout.brokerGroups).map((group) => {
      const firstMember = Math.min(...brokers.filter((box) => box.y >= group.y && box.y < group.y + group.height).map((box) => box.y));
      return { ...group, height: firstMember - group.y };
    });
    const clients = [...Object.values(layout.producers), ...Object.values(layout.consumerGroups)];
    expect(brokers).toHaveLength(4);
    for (const node of Object.keys(layout.brokers)) {
      for (const ns of ['ns-1', 'ns-2']) {
        const link = linkOf(layout, { kind: 'broker', id: node }, { kind: 'nameServer', id: ns })!;
        for (let i = 0; i <= 400; i++) {
          const { x, y } = pointOnLink(link, i / 400);
          for (const box of [...brokers, ...titles, ...clients]) expect(inside(box, x, y), `${node} -> ${ns} at ${x},${y}`).toBe(false);
        }
        const nameServer = layout.nameServers[ns]!;
        const end = pointOnLink(link, 1);
        expect(end.x).toBeCloseTo(nameServer.x + nameServer.width / 2, 6);
        expect(end.y).toBeCloseTo(nameServer.y + nameServer.height, 6);
      }
    }
  });
});

describe('the registrations of one column run up its gutter side by side', () => {
  const timeline = new Timeline(writeReadScenario({ brokers: ['broker-a', 'broker-b'], slaves: true }));

  it('the lowest broker outermost, each one above it a lane further in, so a dashed line never lies over a solid one', () => {
    timeline.seek(30_000);
    const layout = layoutTopology(topologyModel(timeline.state).input, 1280);
    const nodes = Object.keys(layout.brokers).sort((a, b) => layout.brokers[a]!.y - layout.brokers[b]!.y);
    // Where each broker's line runs up the gutter: the start of its vertical run.
    const gutterX = (node: string, ns: string) => linkOf(layout, { kind: 'broker', id: node }, { kind: 'nameServer', id: ns })!.source.x;
    for (const ns of ['ns-1', 'ns-2']) {
      const xs = nodes.map((node) => gutterX(node, ns));
      // Three lanes for four brokers: the two lowest share the outer one.
      expect(new Set(xs).size).toBe(3);
      const group = Object.values(layout.brokerGroups)[0]!;
      const outward = xs.map((x) => Math.abs(x - (x < group.x ? group.x : group.x + group.width)));
      for (let i = 1; i < outward.length; i++) expect(outward[i]).toBeGreaterThanOrEqual(outward[i - 1]!);
      expect(Math.min(...outward)).toBeGreaterThan(0);
    }
  });
});

describe('registrations of a crowded cluster drawn in two columns', () => {
  const names = Array.from({ length: 8 }, (_, i) => `broker-${i + 1}`);
  const timeline = new Timeline(writeReadScenario({ brokers: names, writeQueueNums: 4 }));

  it('keep to the columns\' outer sides, out of the narrow gap between them and the column\'s title above it', () => {
    timeline.seek(30_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    expect(layout.density.brokerColumns).toBe(2);
    const groups = Object.values(layout.brokerGroups);
    const gapLeft = Math.min(...groups.map((box) => box.x + box.width));
    const gapRight = Math.max(...groups.map((box) => box.x));
    expect(gapRight).toBeGreaterThan(gapLeft);
    const title = layout.headers.find((header) => header.section === 'brokers')!;
    for (const node of Object.keys(layout.brokers)) {
      for (const ns of ['ns-1', 'ns-2']) {
        const link = linkOf(layout, { kind: 'broker', id: node }, { kind: 'nameServer', id: ns })!;
        for (let i = 0; i <= 400; i++) {
          const { x, y } = pointOnLink(link, i / 400);
          if (y >= title.y - 14) expect(x > gapLeft - 1 && x < gapRight + 1, `${node} -> ${ns} at ${x},${y}`).toBe(false);
        }
      }
    }
  });
});

describe('a client\'s line to its chosen NameServer, and a route on its way back', () => {
  // Two groups of master and slave between the producer on the left and two consumers on the right.
  const timeline = new Timeline(writeReadScenario({ brokers: ['broker-a', 'broker-b'], slaves: true }));

  it('at 1280 px, go round the broker column through the gap beside it, never behind a broker group, and end at the NameServer\'s bottom', () => {
    timeline.seek(30_000);
    const layout = layoutTopology(topologyModel(timeline.state).input, 1280);
    const inside = (box: Box, x: number, y: number) => x > box.x + 0.5 && x < box.x + box.width - 0.5 && y > box.y + 0.5 && y < box.y + box.height - 0.5;
    const groups = Object.values(layout.brokerGroups);
    expect(groups).toHaveLength(2);
    for (const client of ['p-1', 'c-1', 'c-2']) {
      for (const ns of ['ns-1', 'ns-2']) {
        const up = linkOf(layout, { kind: 'client', id: client }, { kind: 'nameServer', id: ns })!;
        const down = linkOf(layout, { kind: 'nameServer', id: ns }, { kind: 'client', id: client })!;
        for (let i = 0; i <= 400; i++) {
          for (const link of [up, down]) {
            const { x, y } = pointOnLink(link, i / 400);
            for (const group of groups) expect(inside(group, x, y), `${client} - ${ns} at ${x},${y}`).toBe(false);
          }
        }
        const nameServer = layout.nameServers[ns]!;
        const box = layout.producers[client] ?? layout.consumers[client]!;
        for (const [link, at] of [[up, 1], [down, 0]] as const) {
          expect(pointOnLink(link, at).x).toBeCloseTo(nameServer.x + nameServer.width / 2, 6);
          expect(pointOnLink(link, at).y).toBeCloseTo(nameServer.y + nameServer.height, 6);
        }
        // Out of the client's side that faces the brokers, at its middle; the route's dot lands there.
        const facing = client === 'p-1' ? box.x + box.width : box.x;
        for (const [link, at] of [[up, 0], [down, 1]] as const) expect(pointOnLink(link, at)).toEqual({ x: facing, y: box.y + box.height / 2 });
      }
    }
  });
});

describe('a message to or from a broker low in the column, at 1280 px', () => {
  const timeline = new Timeline(writeReadScenario({ brokers: ['broker-a', 'broker-b', 'broker-c', 'broker-d', 'broker-e'] }));

  it('leaves the producer\'s side and reaches the consumer\'s side, as the drawn lines do, never crossing the canvas from a box\'s bottom', () => {
    timeline.seek(30_000);
    const layout = layoutTopology(topologyModel(timeline.state).input, 1280);
    const producer = layout.producers['p-1']!;
    const consumer = layout.consumers['c-1']!;
    // broker-e sits further below p-1 than beside it: a link between their boxes alone would run from p-1's bottom.
    const cell = layout.queues['broker-e/0#0']!;
    expect(cell.y - (producer.y + producer.height)).toBeGreaterThan(cell.x - (producer.x + producer.width));
    for (let queueId = 0; queueId < 8; queueId++) {
      const id = queueCellId('broker-e/0', queueId);
      expect(pointOnLink(linkOf(layout, { kind: 'client', id: 'p-1' }, { kind: 'queue', id })!, 0)).toEqual({ x: producer.x + producer.width, y: producer.y + producer.height / 2 });
      expect(pointOnLink(linkOf(layout, { kind: 'queue', id }, { kind: 'client', id: 'c-1' })!, 1)).toEqual({ x: consumer.x, y: consumer.y + consumer.height / 2 });
    }
  });
});

describe('messageUnder: which message a click on the canvas means', () => {
  const dots: Dot[] = [
    { kind: 'sent', x: 100, y: 100, opacity: 1, msgId: 'NEAR' },
    { kind: 'sent', x: 106, y: 100, opacity: 1, msgId: 'FAR' },
    { kind: 'registered', x: 100, y: 101, opacity: 1 },
  ];

  it('off the boxes, the nearest dot with a message within 8 px', () => {
    expect(messageUnder(101, 100, dots, false)).toBe('NEAR');
    expect(messageUnder(104, 100, dots, false)).toBe('FAR');
    expect(messageUnder(114.5, 100, dots, false)).toBeNull();
  });

  it('on a process box or a queue cell, only a click within the dot (4 px): the box means its inspector', () => {
    expect(messageUnder(103, 100, dots, true)).toBe('NEAR');
    expect(messageUnder(106, 106, dots, true)).toBeNull();
    expect(messageUnder(100, 106, dots, true)).toBeNull();
  });
});

describe('the queues drawn in a broker whose write perm was wiped on the NameServers', () => {
  it('are not written (no W) while every NameServer\'s route lists them R--, and are again once the restarted broker registers its own perm', () => {
    // "Taking a broker out of service": mqadmin wipeWritePerm -b broker-a at 65 s; broker-a/0 shut down at 120 s and started at 140 s.
    const writable = (t: number) => {
      const timeline = libraryTimeline('broker-out-of-service', t);
      const model = topologyModel(timeline.state);
      const queues = canvasQueues(timeline.state, model.topic!, model.input.queueSlots!, ownersByCell(model.links));
      return [0, 1, 2, 3].map((queueId) => queues[queueCellId('broker-a/0', queueId)]!.writable);
    };
    expect(writable(64_000)).toEqual([true, true, true, true]);
    expect(writable(66_000)).toEqual([false, false, false, false]);
    expect(writable(145_000)).toEqual([true, true, true, true]);
  });
});
