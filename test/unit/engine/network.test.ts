/**
 * The network's rules (src/engine/network.ts): a message takes the link's latency, and never
 * arrives before one its sender sent the same receiver earlier; a connection
 * opens with the first message over it; when a node's process dies, each connected peer sees the
 * close exactly one latency later; a partitioned node or link is a black hole, where nothing
 * arrives and nothing closes; a node powered off is down and a black hole both.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, type Delivery, type HandlerTable } from '../../../src/engine/index.ts';

type Seen = { t: number; what: 'deliver' | 'closed' | 'undelivered'; at: string; other: string; message?: string };
type Event =
  | { kind: 'send'; from: string; to: string; message: string }
  | { kind: 'stop'; node: string }
  | { kind: 'disconnect'; from: string; to: string };

const LATENCY_MS = 5;
/** Jitter as wide as the latency, for the tests that need messages to draw different latencies. */
const JITTER_MS = 5;

/** What a test sends: the network carries any object, made whole by the sender (a Delivery). */
type Note = { message: string };

function note(from: string, to: string, message: string): Delivery<Note> {
  return { kind: 'net.deliver', from, to, message };
}

function network(nodes: string[], { seed, jitterMs } = { seed: 7, jitterMs: 0 }): Simulation<Seen[], Event, Note, never> {
  const handlers: HandlerTable<Seen[], Event, Note, never> = {
    send: (_seen, event, sim) => void sim.net.send(note(event.from, event.to, event.message)),
    stop: (_seen, event, sim) => sim.net.stop(event.node),
    disconnect: (_seen, event, sim) => sim.net.disconnect(event.from, event.to),
    'net.deliver': (seen, event, sim) => void seen.push({ t: sim.now, what: 'deliver', at: event.to, other: event.from, message: event.message }),
    'net.closed': (seen, event, sim) => void seen.push({ t: sim.now, what: 'closed', at: event.node, other: event.peer }),
  };
  const sim = new Simulation({
    state: [] as Seen[], handlers, seed, latency: { latencyMs: LATENCY_MS, jitterMs },
    onUndelivered: (seen, delivery, sim) => void seen.push({ t: sim.now, what: 'undelivered', at: delivery.to, other: delivery.from, message: delivery.message }),
  });
  for (const node of nodes) sim.net.start(node);
  return sim;
}

describe('the network', () => {
  it('delivers a message one latency after it is sent', () => {
    const sim = network(['a', 'b']);
    sim.schedule(10, { kind: 'send', from: 'a', to: 'b', message: 'hello' });
    sim.runUntil(100);
    expect(sim.state).toEqual([{ t: 10 + LATENCY_MS, what: 'deliver', at: 'b', other: 'a', message: 'hello' }]);
  });

  it('closes a dead node\'s connections at each peer one latency after it dies, and only where a connection was open', () => {
    const sim = network(['a', 'b', 'c', 'lonely']);
    sim.schedule(0, { kind: 'send', from: 'a', to: 'b', message: 'opens a-b' });
    sim.schedule(0, { kind: 'send', from: 'c', to: 'b', message: 'opens c-b' });
    sim.schedule(40, { kind: 'stop', node: 'b' });
    sim.runUntil(100);
    const closes = sim.state.filter((seen) => seen.what === 'closed');
    expect(closes).toEqual([
      { t: 40 + LATENCY_MS, what: 'closed', at: 'a', other: 'b' },
      { t: 40 + LATENCY_MS, what: 'closed', at: 'c', other: 'b' },
    ]);
    expect(sim.net.isConnected('a', 'b')).toBe(false);
  });

  it('swallows a message whose receiver died or was cut off while it was on the way, and tells onUndelivered at its arrival time', () => {
    const sim = network(['a', 'b', 'c']);
    sim.schedule(10, { kind: 'send', from: 'a', to: 'b', message: 'to a dying node' });
    sim.schedule(10, { kind: 'send', from: 'a', to: 'c', message: 'to a node cut off' });
    sim.schedule(12, { kind: 'stop', node: 'b' });
    sim.runUntil(11);
    sim.net.setIsolated('c', true);
    sim.runUntil(100);
    expect(sim.state.filter((seen) => seen.what !== 'closed')).toEqual([
      { t: 10 + LATENCY_MS, what: 'undelivered', at: 'b', other: 'a', message: 'to a dying node' },
      { t: 10 + LATENCY_MS, what: 'undelivered', at: 'c', other: 'a', message: 'to a node cut off' },
    ]);
  });

  it('refuses a send to a dead node and from a dead one', () => {
    const sim = network(['a', 'b']);
    sim.net.stop('b');
    expect(sim.net.send(note('a', 'b', 'x'))).toBe('down');
    expect(sim.net.send(note('b', 'a', 'x'))).toBe('senderDown');
    sim.runUntil(100);
    expect(sim.state).toEqual([]);
  });

  it('a node powered off is down without a close: no peer hears of it, its connection stays open on the peer\'s side (half-open), a send to it is swallowed (not refused), and after a start it is reached again', () => {
    const sim = network(['a', 'b']);
    sim.schedule(0, { kind: 'send', from: 'a', to: 'b', message: 'opens a-b' });
    sim.runUntil(10);
    sim.net.powerOff('b');
    expect(sim.net.isUp('b')).toBe(false);
    expect(sim.net.refuses('b')).toBe(false);
    expect(sim.net.isConnected('a', 'b')).toBe(true);
    expect(sim.net.isConnected('b', 'a')).toBe(false);
    expect(sim.net.send(note('a', 'b', 'into the dark'))).toBe('blackholed');
    expect(sim.net.send(note('b', 'a', 'x'))).toBe('senderDown');
    sim.runUntil(100);
    expect(sim.state.filter((seen) => seen.what === 'closed')).toEqual([]);
    sim.net.start('b');
    expect(sim.net.send(note('a', 'b', 'back'))).toBe('sent');
    // The message that got through opened b's side again: b's crash is seen by a.
    sim.net.stop('b');
    sim.runUntil(200);
    expect(sim.state.filter((seen) => seen.what === 'closed')).toHaveLength(1);
    // A process that dies on a host that runs is refused.
    expect(sim.net.refuses('b')).toBe(true);
  });

  it('a node that closes its side of a connection (disconnect) is seen closing one latency later, unless the link swallows the close; the next message opens it again', () => {
    const sim = network(['a', 'b', 'c']);
    sim.schedule(0, { kind: 'send', from: 'a', to: 'b', message: 'opens a-b' });
    sim.schedule(0, { kind: 'send', from: 'a', to: 'c', message: 'opens a-c' });
    sim.runUntil(10);
    sim.net.disconnect('a', 'b');
    expect(sim.net.isConnected('a', 'b')).toBe(false);
    sim.net.setBlocked('a', 'c', true);
    sim.net.disconnect('a', 'c');
    sim.runUntil(100);
    expect(sim.state.filter((seen) => seen.what === 'closed')).toEqual([{ t: 10 + LATENCY_MS, what: 'closed', at: 'b', other: 'a' }]);
    expect(sim.net.send(note('a', 'b', 'again'))).toBe('sent');
    expect(sim.net.isConnected('a', 'b')).toBe(true);
  });

  it('never lets a close reach the peer before what the closing node sent it ahead of the close on that connection (a FIN follows the data on TCP), with jitter too', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const sim = network(['a', 'b', 'c', 'd'], { seed, jitterMs: JITTER_MS });
      // a dies right after writing to b and c; d closes its channel to b right after writing to it.
      for (const message of ['first', 'second', 'third']) sim.schedule(0, { kind: 'send', from: 'a', to: 'b', message });
      sim.schedule(0, { kind: 'send', from: 'a', to: 'c', message: 'only' });
      sim.schedule(0, { kind: 'send', from: 'd', to: 'b', message: 'last words' });
      sim.schedule(0, { kind: 'stop', node: 'a' });
      sim.schedule(0, { kind: 'disconnect', from: 'd', to: 'b' });
      sim.runUntil(100);
      const seenFrom = (at: string, other: string) => sim.state.filter((seen) => seen.at === at && seen.other === other);
      for (const [at, other, messages] of [['b', 'a', 3], ['c', 'a', 1], ['b', 'd', 1]] as const) {
        const seen = seenFrom(at, other);
        expect(seen.map((s) => s.what), `seed ${seed}: ${other} -> ${at}`).toEqual([...Array<string>(messages).fill('deliver'), 'closed']);
        // Still one latency draw: the close comes within the link's latency and jitter.
        expect(seen.at(-1)!.t).toBeGreaterThanOrEqual(LATENCY_MS);
        expect(seen.at(-1)!.t).toBeLessThanOrEqual(LATENCY_MS + JITTER_MS);
      }
    }
  });

  it('keeps the messages one node sends another in send order (one TCP connection), whatever the draws, each still within the latency and jitter of its send, while another link keeps its own order', () => {
    const sends = [[0, 'a', 'b', 'one'], [0, 'a', 'b', 'two'], [0, 'b', 'a', 'reply'], [0, 'c', 'b', 'other'], [0, 'a', 'b', 'three'], [2, 'a', 'b', 'four'], [2, 'a', 'b', 'five']] as const;
    let overtakenWithoutOrder = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const sim = network(['a', 'b', 'c'], { seed, jitterMs: JITTER_MS });
      for (const [t, from, to, message] of sends) sim.schedule(t, { kind: 'send', from, to, message });
      sim.runUntil(100);
      const arrived = (from: string, to: string) => sim.state.filter((seen) => seen.other === from && seen.at === to).map((seen) => seen.message);
      expect(arrived('a', 'b'), `seed ${seed}`).toEqual(['one', 'two', 'three', 'four', 'five']);
      expect(sim.state.map((seen) => seen.message).sort(), `seed ${seed}`).toEqual(sends.map((send) => send[3]).sort());
      for (const seen of sim.state) {
        const sentAt = sends.find((send) => send[3] === seen.message)![0];
        expect(seen.t - sentAt, `seed ${seed}: ${seen.message}`).toBeGreaterThanOrEqual(LATENCY_MS);
        expect(seen.t - sentAt, `seed ${seed}: ${seen.message}`).toBeLessThanOrEqual(LATENCY_MS + JITTER_MS);
      }
      // The other links' messages arrive at their own draws: 'other' (c -> b) may come between a's.
      const atB = sim.state.filter((seen) => seen.at === 'b').map((seen) => seen.message);
      if (atB.indexOf('other') < atB.indexOf('one')) overtakenWithoutOrder++;
    }
    expect(overtakenWithoutOrder).toBeGreaterThan(0);
  });

  it('a snapshot taken with nothing on its way shares the network state with the snapshot before, and a restored run still holds a message behind one sent before the snapshot', () => {
    const sim = network(['a', 'b'], { seed: 3, jitterMs: JITTER_MS });
    sim.schedule(0, { kind: 'send', from: 'a', to: 'b', message: 'settled' });
    sim.runUntil(50);
    const quiet = sim.snapshot();
    sim.schedule(60, { kind: 'send', from: 'a', to: 'b', message: 'settled too' });
    sim.runUntil(100);
    expect(sim.snapshot(quiet).network).toBe(quiet.network);
    for (let seed = 1; seed <= 20; seed++) {
      const run = network(['a', 'b'], { seed, jitterMs: JITTER_MS });
      run.schedule(0, { kind: 'send', from: 'a', to: 'b', message: 'before' });
      run.runUntil(0);
      const midway = run.snapshot();
      run.schedule(0, { kind: 'send', from: 'a', to: 'b', message: 'after' });
      run.runUntil(100);
      const firstPass = run.state.map((seen) => seen.message);
      run.restore(midway);
      run.schedule(0, { kind: 'send', from: 'a', to: 'b', message: 'after' });
      run.runUntil(100);
      expect(run.state.map((seen) => seen.message), `seed ${seed}`).toEqual(firstPass);
      expect(firstPass, `seed ${seed}`).toEqual(['before', 'after']);
    }
  });

  it('drops a message in flight when its receiver dies before it arrives', () => {
    const sim = network(['a', 'b']);
    sim.schedule(0, { kind: 'send', from: 'a', to: 'b', message: 'too late' });
    sim.schedule(LATENCY_MS - 1, { kind: 'stop', node: 'b' });
    sim.runUntil(100);
    expect(sim.state.filter((seen) => seen.what === 'deliver')).toEqual([]);
  });

  describe('partitions are black holes', () => {
    it('an isolated node receives nothing and sends nothing, and the sender is not told', () => {
      const sim = network(['a', 'b']);
      sim.net.setIsolated('b', true);
      expect(sim.net.send(note('a', 'b', 'lost'))).toBe('blackholed');
      expect(sim.net.send(note('b', 'a', 'lost'))).toBe('blackholed');
      sim.runUntil(100);
      expect(sim.state).toEqual([]);
    });

    it('a message in flight when the partition starts vanishes; after healing, messages arrive again', () => {
      const sim = network(['a', 'b']);
      sim.schedule(0, { kind: 'send', from: 'a', to: 'b', message: 'in flight' });
      sim.runUntil(1);
      sim.net.setIsolated('b', true);
      sim.runUntil(50);
      sim.net.setIsolated('b', false);
      sim.schedule(60, { kind: 'send', from: 'a', to: 'b', message: 'after heal' });
      sim.runUntil(100);
      expect(sim.state).toEqual([
        { t: LATENCY_MS, what: 'undelivered', at: 'b', other: 'a', message: 'in flight' },
        { t: 60 + LATENCY_MS, what: 'deliver', at: 'b', other: 'a', message: 'after heal' },
      ]);
    });

    it('nothing closes across a partition: a peer of an isolated node that dies hears nothing', () => {
      const sim = network(['a', 'b']);
      sim.schedule(0, { kind: 'send', from: 'a', to: 'b', message: 'opens a-b' });
      sim.runUntil(10);
      sim.net.setIsolated('b', true);
      sim.schedule(20, { kind: 'stop', node: 'b' });
      sim.runUntil(200);
      expect(sim.state.filter((seen) => seen.what === 'closed')).toEqual([]);
      // a is never told that b died: only a timeout of its own could find out.
      expect(sim.net.isUp('b')).toBe(false);
    });

    it('a cut link blocks only its two ends, both ways', () => {
      const sim = network(['a', 'b', 'c']);
      sim.net.setBlocked('a', 'b', true);
      expect(sim.net.send(note('a', 'b', 'x'))).toBe('blackholed');
      expect(sim.net.send(note('b', 'a', 'x'))).toBe('blackholed');
      expect(sim.net.send(note('a', 'c', 'through'))).toBe('sent');
      expect(sim.net.send(note('b', 'c', 'through too'))).toBe('sent');
      sim.runUntil(100);
      expect(sim.state.map((seen) => seen.message)).toEqual(['through', 'through too']);
    });
  });
});
