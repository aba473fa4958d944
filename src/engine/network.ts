import { dict } from './dict.ts';
import type { Rng } from './rng.ts';

/**
 * A network of named nodes. A message takes base latency plus seeded jitter, and never arrives
 * before one its sender sent the same receiver earlier: RocketMQ's remoting keeps one Netty channel,
 * one TCP connection, per peer (NettyRemotingClient.channelTables), which delivers its bytes in the
 * order they were written. A connection is open once something was delivered over it; when a node's
 * process dies its peers see the close one latency later, and never before what it sent them ahead
 * of the close (a FIN follows the data written before it). An isolated node (a partition) is a
 * black hole: nothing arrives, nothing closes.
 * A node powered off is down and a black hole both: its host sends no FIN or RST, so its peers
 * see nothing close and what they send it is never answered. A node may close its side of a
 * connection (disconnect); a new one is open again by the next message that gets through.
 */
export interface LinkLatency {
  latencyMs: number;
  jitterMs: number;
}

interface NetworkNode {
  up: boolean;
  isolated: boolean;
  /** Down with its host (powerOff): unanswered, not refused. */
  poweredOff: boolean;
  /**
   * Open connections, both ways: a.peers[b] and b.peers[a]. Kept on the node that send() has
   * already looked up, so marking a connection open costs one lookup per message.
   */
  peers: Record<string, true>;
}

export interface NetworkState {
  nodes: Record<string, NetworkNode>;
  /** Cut links, keyed by linkKey(a, b): a partition between two nodes only. */
  blocked: Record<string, true>;
  blockedCount: number;
  latency: LinkLatency;
  links: Record<string, LinkLatency>;
  linkCount: number;
  /**
   * When the last message sent from a to b arrives (arrivals[a][b]: one direction of the link, the
   * order of a's messages to b says nothing about b's to a), while it may still hold a later message
   * back (pruneArrivals forgets the rest). By sender, then receiver: two lookups of names rather than
   * a key made for every message. Kept across a close: see send().
   */
  arrivals: Record<string, Record<string, number>>;
}

/**
 * A message on its way, and the event of its arrival, in one object: the sender makes it whole,
 * so a message costs one object, not a message and an event around it (this runs for every message).
 */
export type Delivery<M extends object> = { kind: 'net.deliver'; from: string; to: string } & M;

export type NetEvent<M extends object> =
  | Delivery<M>
  | { kind: 'net.closed'; node: string; peer: string };

export type SendOutcome = 'sent' | 'blackholed' | 'down' | 'senderDown';

export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function createNetworkState(latency: LinkLatency): NetworkState {
  return { nodes: dict(), blocked: dict(), blockedCount: 0, latency, links: dict(), linkCount: 0, arrivals: dict() };
}

type Schedule<M extends object> = (at: number, event: NetEvent<M>) => void;

export class Network<M extends object> {
  constructor(
    public state: NetworkState,
    private readonly rng: Rng,
    private readonly schedule: Schedule<M>,
    private readonly clock: () => number,
  ) {}

  addNode(id: string): void {
    this.state.nodes[id] ??= { up: false, isolated: false, poweredOff: false, peers: dict() };
  }

  isUp(id: string): boolean {
    return this.state.nodes[id]?.up === true;
  }

  /** True when the node's process is down and its host answers for it: a connection to it is refused (not powered off). */
  refuses(id: string): boolean {
    const node = this.state.nodes[id];
    return node !== undefined && !node.up && !node.poweredOff;
  }

  /** True when a message from a would vanish on the way to b. */
  isBlackholed(a: string, b: string): boolean {
    const { nodes, blocked, blockedCount } = this.state;
    if (nodes[a]?.isolated === true || nodes[b]?.isolated === true) return true;
    return blockedCount > 0 && blocked[linkKey(a, b)] === true;
  }

  isConnected(a: string, b: string): boolean {
    return this.state.nodes[a]?.peers[b] === true;
  }

  latency(a: string, b: string): number {
    const link = (this.state.linkCount > 0 ? this.state.links[linkKey(a, b)] : undefined) ?? this.state.latency;
    return link.latencyMs + (link.jitterMs > 0 ? this.rng.nextInt(link.jitterMs + 1) : 0);
  }

  /** isUp, isBlackholed and isUp again, each node looked up once: this runs for every message. */
  send(delivery: Delivery<M>): SendOutcome {
    const { from, to } = delivery;
    const { nodes, blockedCount } = this.state;
    const sender = nodes[from];
    const receiver = nodes[to];
    if (sender?.up !== true) return 'senderDown';
    if (sender.isolated || receiver?.isolated === true || (blockedCount > 0 && this.state.blocked[linkKey(from, to)] === true)) return 'blackholed';
    if (receiver?.up !== true) return receiver?.poweredOff === true ? 'blackholed' : 'down';
    if (sender.peers[to] !== true || receiver.peers[from] !== true) {
      sender.peers[to] = true;
      receiver.peers[from] = true;
    }
    // The same draw as a message on its own, held back only where it would overtake the one before.
    // A connection opened again after a close waits for the old one's stragglers too: its handshake
    // (not modelled: docs/conventions.md) takes a round trip, longer than the jitter by which they
    // could still be on their way, so they would have arrived first.
    const sent = (this.state.arrivals[from] ??= dict());
    const at = Math.max(this.clock() + this.latency(from, to), sent[to] ?? 0);
    sent[to] = at;
    this.schedule(at, delivery);
    return 'sent';
  }

  /** Whether a message in flight may still be handed over when it arrives (isUp and not isBlackholed, each node looked up once). */
  canDeliver(from: string, to: string): boolean {
    const { nodes, blockedCount } = this.state;
    const receiver = nodes[to];
    if (receiver?.up !== true || receiver.isolated || nodes[from]?.isolated === true) return false;
    return blockedCount === 0 || this.state.blocked[linkKey(from, to)] !== true;
  }

  start(id: string): void {
    this.addNode(id);
    const node = this.state.nodes[id]!;
    node.up = true;
    node.poweredOff = false;
  }

  /**
   * The node's host loses power: down, and no peer sees a connection close. Its own side of each
   * connection is gone; its peers' sides stay open (half-open) until they give up on them, and
   * what they send there vanishes. When the host is back, a peer's next message opens the
   * connection again (the RST a real host answers on the stale one is not modelled).
   */
  powerOff(id: string): void {
    const node = this.state.nodes[id];
    if (!node) return;
    node.up = false;
    node.poweredOff = true;
    node.peers = dict();
  }

  /** The node's process dies (crash or shutdown): its peers see their connections close. */
  stop(id: string): void {
    const node = this.state.nodes[id];
    if (!node) return;
    node.up = false;
    for (const peer of Object.keys(node.peers)) this.close(id, peer);
  }

  /**
   * Node a closes its connection to b (a client giving up on a channel): b sees the close one
   * latency later, unless b is down or the link swallows the FIN.
   */
  disconnect(a: string, b: string): void {
    if (this.isConnected(a, b)) this.close(a, b);
  }

  /**
   * a's FIN to b: one latency later, but not before the last message a sent b (one latency draw,
   * as for any message, so only a close that would have overtaken moves).
   */
  private close(a: string, b: string): void {
    this.closeConnection(a, b);
    if (!this.isUp(b) || this.isBlackholed(a, b)) return;
    const inFlightUntil = this.state.arrivals[a]?.[b] ?? 0;
    this.schedule(Math.max(this.clock() + this.latency(a, b), inFlightUntil), { kind: 'net.closed', node: b, peer: a });
  }

  /**
   * Forgets every link whose last message has arrived by now: a message sent from now on arrives
   * no earlier than now, so those times can hold nothing back. Called before a snapshot, so that
   * a checkpoint holds only the links with a message on its way (usually none) and shares them
   * with the checkpoint before; kept for every link, they changed at every checkpoint and were
   * copied at each (a Timeline's heap 66.3 -> 71.4 MB at 20 minutes of the reference scenario).
   */
  pruneArrivals(): void {
    const now = this.clock();
    for (const from in this.state.arrivals) {
      const sent = this.state.arrivals[from]!;
      let waiting = false;
      for (const to in sent) {
        if (sent[to]! <= now) delete sent[to];
        else waiting = true;
      }
      if (!waiting) delete this.state.arrivals[from];
    }
  }

  closeConnection(a: string, b: string): void {
    const { nodes } = this.state;
    delete nodes[a]?.peers[b];
    delete nodes[b]?.peers[a];
  }

  setIsolated(id: string, isolated: boolean): void {
    this.addNode(id);
    this.state.nodes[id]!.isolated = isolated;
  }

  setBlocked(a: string, b: string, blocked: boolean): void {
    const key = linkKey(a, b);
    if (blocked) this.state.blocked[key] = true;
    else delete this.state.blocked[key];
    this.state.blockedCount = Object.keys(this.state.blocked).length;
  }

  setLinkLatency(a: string, b: string, latency: LinkLatency): void {
    this.state.links[linkKey(a, b)] = latency;
    this.state.linkCount = Object.keys(this.state.links).length;
  }
}
