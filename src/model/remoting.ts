/**
 * Request/response over the simulated network, as NettyRemotingAbstract does it: a response
 * table keyed by request id, a timeout per request, and fail-fast when the channel closes.
 */
import type { Delivery, SendOutcome } from '../engine/index.ts';
import type { RemotingRequest, RemotingResponse, Wire } from './remoting-types.ts';
import { channelActive, connectUnderWay, joinConnect, startConnect, waitForConnect } from './connect.ts';
import { SCAN_RESPONSE_GRACE_MS } from './defaults.ts';
import type { Sim } from './sim-types.ts';
import type { ModelState, PendingRequest } from './state.ts';

export interface InvokeOptions {
  /**
   * invokeAsync: no timer of its own; scanResponseTable fails it once sentAt + timeout + 1 s has
   * passed (NettyRemotingAbstract.scanResponseTable). invokeSync waits exactly its timeout.
   */
  async?: boolean;
}

/** The usual options, made once: a literal per call would be an object per request (this runs for every message). */
const INVOKE_SYNC: InvokeOptions = Object.freeze({});
export const INVOKE_ASYNC: InvokeOptions = Object.freeze({ async: true });

/** A request's entry in the response table; one object is also the message on the wire and its arrival. */
function pendingRequest(sim: Sim, from: string, to: string, request: RemotingRequest, expiresAt: number): PendingRequest & Delivery<Wire> {
  const id = sim.state.remoting.nextId++;
  const sent: PendingRequest & Delivery<Wire> = Object.freeze({
    kind: 'net.deliver', from, to, dir: 'request', id, request: Object.freeze(request), sentAt: sim.now, expiresAt,
  } as const);
  sim.state.remoting.pending.set(id, sent);
  return sent;
}

/** Sends a request and arms its timeout (see InvokeOptions). */
export function invoke(sim: Sim, from: string, to: string, request: RemotingRequest, timeoutMs: number, options: InvokeOptions = INVOKE_SYNC): number {
  const state = sim.state;
  const sent = pendingRequest(sim, from, to, request, options.async ? sim.now + timeoutMs + SCAN_RESPONSE_GRACE_MS : -1);
  const { id } = sent;
  const connected = sim.net.isConnected(from, to);
  const syncTimeoutMs = options.async ? -1 : timeoutMs;
  // A connect under way is this call's too, whatever the link does meanwhile (connect.ts).
  const underWay = connected ? undefined : connectUnderWay(state, from, to, sim.now);
  if (underWay) {
    joinConnect(sim, underWay, id, syncTimeoutMs);
    return id;
  }
  const outcome = sim.net.send(sent);
  if (outcome === 'blackholed' && !connected) {
    joinConnect(sim, startConnect(sim, from, to), id, syncTimeoutMs);
  } else if (outcome === 'down') {
    sim.after(sim.net.latency(from, to), { kind: 'rpc.failed', id, reason: 'connectRefused' });
  } else if (outcome === 'senderDown') {
    state.remoting.pending.delete(id);
  } else {
    if (!options.async) sim.after(timeoutMs, { kind: 'rpc.timeout', id });
    if (!connected && outcome === 'sent') channelActive(sim, from, to);
  }
  return id;
}

/**
 * A synchronous call whose timeout went on reaching its peer (4.9.8's getAndCreateNameserverChannel
 * waits out an unanswered connect within the call): once it has a channel, invokeSync finds its
 * cost past its timeout and throws RemotingTimeoutException before it sends, closing the channel
 * (clientCloseSocketIfTimeout). An open one fails it at once; a new one once it opens, a hop later.
 */
export function invokeSpent(sim: Sim, from: string, to: string, request: RemotingRequest): void {
  const { id } = pendingRequest(sim, from, to, request, -1);
  const connected = sim.net.isConnected(from, to);
  if (connected) sim.net.disconnect(from, to);
  sim.after(connected ? 0 : sim.net.latency(from, to), { kind: 'rpc.failed', id, reason: 'timeout' });
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

/** Ids of the async requests whose time is up (scanResponseTable). */
export function expiredRequests(state: ModelState, now: number): number[] {
  const ids: number[] = [];
  for (const pending of state.remoting.pending.values()) if (pending.expiresAt >= 0 && pending.expiresAt <= now) ids.push(pending.id);
  return ids;
}

/** What became of a oneway request: on its way, waiting for a connect (connect.ts), or swallowed at once. */
export type OnewaySent = 'sent' | 'waiting' | 'dropped';

/**
 * invokeOneway (5.3 and later: getAndCreateChannelAsync and a listener): with no channel open the
 * request waits for a connect, the one under way or one it starts into a black hole: it goes out
 * if the connect opens the channel and is dropped silently if the connect fails.
 */
export function oneway(sim: Sim, from: string, to: string, request: RemotingRequest): OnewaySent {
  const connected = sim.net.isConnected(from, to);
  const connect = connected ? undefined : connectUnderWay(sim.state, from, to, sim.now);
  if (connect) return waitForConnect(sim, connect, to, request);
  const outcome = onewayOutcome(sim, from, to, request);
  if (outcome === 'blackholed' && !connected) return waitForConnect(sim, startConnect(sim, from, to), to, request);
  if (outcome !== 'sent') return 'dropped';
  if (!connected) channelActive(sim, from, to);
  return 'sent';
}

/**
 * A server's oneway write into the channel its client opened (NettyRemotingServer.invokeOneway on
 * that Channel, as Broker2Client writes a NOTIFY_CONSUMER_IDS_CHANGED): a server never connects
 * out, so with no connection open (the client closed it, or crashed) the write goes nowhere, and
 * one into a black hole is swallowed. Whether it arrived is not traced, as for any oneway request
 * but a ONEWAY send.
 */
export function invokeOnewayOnChannel(sim: Sim, from: string, to: string, request: RemotingRequest): boolean {
  return sim.net.isConnected(from, to) && onewayOutcome(sim, from, to, request) === 'sent';
}

/** A oneway request, and what became of it: a write into a black hole still leaves the sender (TCP buffers it). */
export function onewayOutcome(sim: Sim, from: string, to: string, request: RemotingRequest): SendOutcome {
  return sim.net.send({ kind: 'net.deliver', from, to, dir: 'oneway', request });
}

/**
 * A server's response goes into the channel its request came in on
 * (NettyRemotingAbstract.processRequestCommand: ctx.writeAndFlush in 4.9.8, writeResponse(ctx.channel(), ...)
 * in 5.x; a held pull's or a slave-waiting put's answer too). A server never connects out, so once
 * the client closed that channel (a timed-out call closes it: clientCloseSocketIfTimeout) or crashed,
 * the response is lost, and the client's next call opens a channel of its own.
 */
export function reply(sim: Sim, from: string, to: string, id: number, response: RemotingResponse): void {
  if (sim.net.isConnected(from, to)) sim.net.send({ kind: 'net.deliver', from, to, dir: 'response', id, response });
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
