import type { Rng } from './rng.ts';

/**
 * A network of named nodes. A message takes base latency plus seeded jitter. A connection is
 * open once something was delivered over it; when a node dies its peers see the close one
 * latency later. An isolated node (a partition) is a black hole: nothing arrives, nothing closes.
 */
export interface LinkLatency {
  latencyMs: number;
  jitterMs: number;
}

export interface NetworkState {
  nodes: Record<string, { up: boolean; isolated: boolean }>;
  /** Cut links, keyed by linkKey(a, b): a partition between two nodes only. */
  blocked: Record<string, true>;
  /** Open connections, keyed by linkKey(a, b). */
  connections: Record<string, true>;
  latency: LinkLatency;
  links: Record<string, LinkLatency>;
}

export type NetEvent<M> =
  | { kind: 'net.deliver'; from: string; to: string; message: M }
  | { kind: 'net.closed'; node: string; peer: string };

export type SendOutcome = 'sent' | 'blackholed' | 'down' | 'senderDown';

export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function createNetworkState(latency: LinkLatency): NetworkState {
  return { nodes: {}, blocked: {}, connections: {}, latency, links: {} };
}

type Schedule<M> = (at: number, event: NetEvent<M>) => void;

export class Network<M> {
  constructor(
    public state: NetworkState,
    private readonly rng: Rng,
    private readonly schedule: Schedule<M>,
    private readonly clock: () => number,
  ) {}

  addNode(id: string): void {
    this.state.nodes[id] ??= { up: false, isolated: false };
  }

  isUp(id: string): boolean {
    return this.state.nodes[id]?.up === true;
  }

  /** True when a message from a would vanish on the way to b. */
  isBlackholed(a: string, b: string): boolean {
    const { nodes, blocked } = this.state;
    return nodes[a]?.isolated === true || nodes[b]?.isolated === true || blocked[linkKey(a, b)] === true;
  }

  isConnected(a: string, b: string): boolean {
    return this.state.connections[linkKey(a, b)] === true;
  }

  latency(a: string, b: string): number {
    const link = this.state.links[linkKey(a, b)] ?? this.state.latency;
    return link.latencyMs + (link.jitterMs > 0 ? this.rng.nextInt(link.jitterMs + 1) : 0);
  }

  send(from: string, to: string, message: M): SendOutcome {
    if (!this.isUp(from)) return 'senderDown';
    if (this.isBlackholed(from, to)) return 'blackholed';
    if (!this.isUp(to)) return 'down';
    this.state.connections[linkKey(from, to)] = true;
    this.schedule(this.clock() + this.latency(from, to), { kind: 'net.deliver', from, to, message });
    return 'sent';
  }

  /** Whether a message in flight may still be handed over when it arrives. */
  canDeliver(from: string, to: string): boolean {
    return this.isUp(to) && !this.isBlackholed(from, to);
  }

  start(id: string): void {
    this.addNode(id);
    this.state.nodes[id]!.up = true;
  }

  /** The node's process dies (crash or shutdown): its peers see their connections close. */
  stop(id: string): void {
    const node = this.state.nodes[id];
    if (!node) return;
    node.up = false;
    for (const key of Object.keys(this.state.connections)) {
      const [a, b] = key.split('|') as [string, string];
      if (a !== id && b !== id) continue;
      delete this.state.connections[key];
      const peer = a === id ? b : a;
      if (this.isUp(peer) && !this.isBlackholed(id, peer)) {
        this.schedule(this.clock() + this.latency(id, peer), { kind: 'net.closed', node: peer, peer: id });
      }
    }
  }

  closeConnection(a: string, b: string): void {
    delete this.state.connections[linkKey(a, b)];
  }

  setIsolated(id: string, isolated: boolean): void {
    this.addNode(id);
    this.state.nodes[id]!.isolated = isolated;
  }

  setBlocked(a: string, b: string, blocked: boolean): void {
    if (blocked) this.state.blocked[linkKey(a, b)] = true;
    else delete this.state.blocked[linkKey(a, b)];
  }

  setLinkLatency(a: string, b: string, latency: LinkLatency): void {
    this.state.links[linkKey(a, b)] = latency;
  }
}
