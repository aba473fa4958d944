/**
 * Request/response over the simulated network, as NettyRemotingAbstract does it: a response
 * table keyed by request id, a timeout per request, and fail-fast when the channel closes.
 */
import type { Delivery, SendOutcome } from '../engine/index.ts';
import type { RemotingRequest, RemotingResponse, Wire } from './remoting-types.ts';
import type { Sim } from './sim-types.ts';
import type { ModelState, PendingRequest } from './state.ts';

export interface InvokeOptions {
  /** A dead peer's host is unreachable: the connect waits connectTimeoutMillis (else RST at once). */
  downIsUnreachable?: boolean;
  /**
   * invokeAsync: no timer of its own; scanResponseTable fails it once sentAt + timeout + 1 s has
   * passed (NettyRemotingAbstract.scanResponseTable). invokeSync waits exactly its timeout.
   */
  async?: boolean;
}

/** The usual options, made once: a literal per call would be an object per request (this runs for every message). */
const INVOKE_SYNC: InvokeOptions = Object.freeze({});
export const INVOKE_ASYNC: InvokeOptions = Object.freeze({ async: true });

/** Sends a request and arms its timeout (see InvokeOptions). */
export function invoke(sim: Sim, from: string, to: string, request: RemotingRequest, timeoutMs: number, options: InvokeOptions = INVOKE_SYNC): number {
  const state = sim.state;
  const id = state.remoting.nextId++;
  const downIsUnreachable = options.downIsUnreachable === true;
  const expiresAt = options.async ? sim.now + timeoutMs + SCAN_RESPONSE_GRACE_MS : -1;
  // One object is the message on the wire, its arrival and its entry in the response table.
  const sent: PendingRequest & Delivery<Wire> = Object.freeze({
    kind: 'net.deliver', from, to, dir: 'request', id, request: Object.freeze(request), sentAt: sim.now, expiresAt,
  } as const);
  state.remoting.pending.set(id, sent);
  const connected = sim.net.isConnected(from, to);
  const outcome = sim.net.send(sent);
  if (outcome === 'down') {
    if (downIsUnreachable) connectFails(sim, sent);
    else sim.after(sim.net.latency(from, to), { kind: 'rpc.failed', id, reason: 'connectRefused' });
  } else if (outcome === 'blackholed' && !connected) {
    connectFails(sim, sent);
  } else if (outcome === 'senderDown') {
    state.remoting.pending.delete(id);
  } else if (!options.async) {
    sim.after(timeoutMs, { kind: 'rpc.timeout', id });
  }
  return id;
}

/**
 * No channel to the peer yet (never opened, or closed by a timeout, below) and no answer to the
 * connect: getAndCreateChannel waits out CONNECT_TIMEOUT_MILLIS, whatever the request's own
 * timeout, and the call fails with RemotingConnectException (NettyRemotingClient invokeSync,
 * invokeAsync). A call made while that connect is under way waits for the same one.
 */
function connectFails(sim: Sim, request: PendingRequest): void {
  const { connecting } = sim.state.remoting;
  const key = `${request.from}>${request.to}`;
  const under = connecting[key];
  const failsAt = under !== undefined && under > sim.now ? under : sim.now + sim.state.config.connectTimeoutMs;
  connecting[key] = failsAt;
  sim.after(failsAt - sim.now, { kind: 'rpc.failed', id: request.id, reason: 'connectTimeout' });
}

/**
 * A synchronous call that timed out closes its channel (NettyRemotingClient.invokeSync with
 * clientCloseSocketIfTimeout, true by default: it closes whenever more than 100 ms or a quarter of
 * the timeout was left to wait, which a call that waited its whole timeout always had). The close
 * fails every other call waiting on that channel at once (failFast); the next call connects anew.
 * The peer sees the close one latency later, unless the link swallows it. Returns the ids of the
 * calls failed by the close.
 */
export function closeChannelOnTimeout(sim: Sim, pending: PendingRequest): number[] {
  if (pending.expiresAt >= 0) return [];
  sim.net.disconnect(pending.from, pending.to);
  return failChannelRequests(sim.state, pending.from, pending.to);
}

/** scanResponseTable's margin: a request is failed once beginTimestamp + timeout + 1000 <= now. */
const SCAN_RESPONSE_GRACE_MS = 1_000;

/** NettyRemotingClient: scanResponseTable every 1 s, first after 3 s. */
export const SCAN_RESPONSE_TABLE = { initialDelayMs: 3_000, periodMs: 1_000 };

/** Ids of the async requests whose time is up (scanResponseTable). */
export function expiredRequests(state: ModelState, now: number): number[] {
  const ids: number[] = [];
  for (const pending of state.remoting.pending.values()) if (pending.expiresAt >= 0 && pending.expiresAt <= now) ids.push(pending.id);
  return ids;
}

export function oneway(sim: Sim, from: string, to: string, request: RemotingRequest): boolean {
  return onewayOutcome(sim, from, to, request) === 'sent';
}

/** A oneway request, and what became of it: a write into a black hole still leaves the sender (TCP buffers it). */
export function onewayOutcome(sim: Sim, from: string, to: string, request: RemotingRequest): SendOutcome {
  return sim.net.send({ kind: 'net.deliver', from, to, dir: 'oneway', request });
}

export function reply(sim: Sim, from: string, to: string, id: number, response: RemotingResponse): void {
  sim.net.send({ kind: 'net.deliver', from, to, dir: 'response', id, response });
}

/** Removes and returns a pending request; undefined when it already timed out or failed. */
export function takePending(state: ModelState, id: number): PendingRequest | undefined {
  const pending = state.remoting.pending.get(id);
  if (pending) state.remoting.pending.delete(id);
  return pending;
}

/** Ids of the requests waiting on one channel (NettyRemotingAbstract.failFast walks these). */
export function failChannelRequests(state: ModelState, node: string, peer: string): number[] {
  const ids: number[] = [];
  for (const pending of state.remoting.pending.values()) if (pending.from === node && pending.to === peer) ids.push(pending.id);
  return ids;
}

/** A process that dies loses its own outstanding requests silently. */
export function dropRequestsFrom(state: ModelState, node: string): void {
  for (const pending of state.remoting.pending.values()) {
    if (pending.from === node) state.remoting.pending.delete(pending.id);
  }
}
