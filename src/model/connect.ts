/**
 * A client's connect to a peer that did not answer its SYN (a partition, a host without power):
 * NettyRemotingClient.createChannel starts it, and every call made meanwhile waits for the same
 * ChannelFuture (createChannelAsync). TCP sends the SYN again a second later: if the peer answers
 * then, the connect succeeds and the waiting calls go out; otherwise the connect fails at
 * CONNECT_TIMEOUT_MILLIS, and every call that waited fails with RemotingConnectException (a oneway
 * request, whose caller waits for nothing, is dropped silently).
 */
import type { Delivery } from '../engine/index.ts';
import type { RemotingRequest, Wire } from './remoting-types.ts';
import type { Sim } from './sim-types.ts';
import type { ModelState, PendingRequest } from './state.ts';

/** The first SYN retransmission: Linux's initial retransmission timeout (TCP_TIMEOUT_INIT, 1 s). */
const SYN_RETRY_MS = 1_000;

export interface Connect {
  startedAt: number;
  failsAt: number;
  /** Once the retransmission got no answer either: the connect fails at failsAt, whoever joins. */
  failing: boolean;
  /** The calls waiting for it: [request id, the timeout a synchronous call arms once sent (-1: async)]. */
  waiting: [number, number][];
  /** The oneway requests waiting for it (invokeOneway's listener): sent once it opens the channel, dropped if it fails. */
  oneways: RemotingRequest[];
}

const keyOf = (from: string, to: string) => `${from}>${to}`;

/** The connect under way from `from` to `to`, if any. */
export function connectUnderWay(state: ModelState, from: string, to: string, now: number): Connect | undefined {
  const connect = state.remoting.connecting[keyOf(from, to)];
  return connect !== undefined && connect.failsAt > now ? connect : undefined;
}

/** Starts a connect that got no answer, and checks it again at its SYN retransmission. */
export function startConnect(sim: Sim, from: string, to: string): Connect {
  const { state, now } = sim;
  const connect: Connect = { startedAt: now, failsAt: now + state.config.connectTimeoutMs, failing: false, waiting: [], oneways: [] };
  state.remoting.connecting[keyOf(from, to)] = connect;
  sim.after(Math.min(SYN_RETRY_MS, state.config.connectTimeoutMs), { kind: 'remoting.connectRetry', from, to, startedAt: now });
  return connect;
}

/** A call waits for the connect, or fails with it once it is failing. */
export function joinConnect(sim: Sim, connect: Connect, id: number, syncTimeoutMs: number): void {
  if (connect.failing) sim.after(connect.failsAt - sim.now, { kind: 'rpc.failed', id, reason: 'connectTimeout' });
  else connect.waiting.push([id, syncTimeoutMs]);
}

/** A oneway request waits for the connect to `to`, or is dropped when it fails if it is failing already. */
export function waitForConnect(sim: Sim, connect: Connect, to: string, request: RemotingRequest): 'waiting' {
  if (connect.failing) sim.after(connect.failsAt - sim.now, { kind: 'remoting.onewayDropped', to, request });
  else connect.oneways.push(request);
  return 'waiting';
}

/**
 * The SYN retransmission: answered, the channel is open and the waiting calls go out (a synchronous
 * one with what is left of its timeout, or at once RemotingTimeoutException when nothing is:
 * invokeSync's `left <= 0`, which closes nothing); refused by a host whose process is down, they
 * fail a round trip later; unanswered, they all fail at the connect's end.
 */
export function onConnectRetry(state: ModelState, event: { from: string; to: string; startedAt: number }, sim: Sim): void {
  const { from, to } = event;
  const key = keyOf(from, to);
  const connect = state.remoting.connecting[key];
  if (connect?.startedAt !== event.startedAt) return;
  const { waiting, oneways } = connect;
  connect.waiting = [];
  connect.oneways = [];
  if (sim.now < connect.failsAt && sim.net.canDeliver(from, to)) {
    delete state.remoting.connecting[key];
    for (const [id, timeoutMs] of waiting) sendWaiting(state, id, timeoutMs, sim);
    for (const request of oneways) sim.net.send({ kind: 'net.deliver', from, to, dir: 'oneway', request });
    if (sim.net.isConnected(from, to)) channelActive(sim, from, to);
    return;
  }
  // The host answers now and its process is down: RST, the connect is refused.
  if (sim.now < connect.failsAt && !sim.net.isBlackholed(from, to) && sim.net.refuses(to)) {
    delete state.remoting.connecting[key];
    const latency = sim.net.latency(from, to);
    for (const [id] of waiting) sim.after(latency, { kind: 'rpc.failed', id, reason: 'connectRefused' });
    for (const request of oneways) sim.after(latency, { kind: 'remoting.onewayDropped', to, request });
    return;
  }
  connect.failing = true;
  for (const [id] of waiting) sim.after(connect.failsAt - sim.now, { kind: 'rpc.failed', id, reason: 'connectTimeout' });
  for (const request of oneways) sim.after(connect.failsAt - sim.now, { kind: 'remoting.onewayDropped', to, request });
}

function sendWaiting(state: ModelState, id: number, timeoutMs: number, sim: Sim): void {
  // The entry in the response table is the request's delivery itself (remoting.ts invoke).
  const pending = state.remoting.pending.get(id) as (PendingRequest & Delivery<Wire>) | undefined;
  if (!pending) return;
  const left = timeoutMs < 0 ? Infinity : pending.sentAt + timeoutMs - sim.now;
  if (left <= 0) return void sim.after(0, { kind: 'rpc.failed', id, reason: 'timeout' });
  sim.net.send(pending);
  if (timeoutMs >= 0) sim.after(left, { kind: 'rpc.timeout', id });
}

/**
 * NettyConnectManageHandler.channelActive: a client's new channel puts an ACTIVE NettyEvent for its
 * ChannelEventListener, which a 5.x client has (ClientConfig.enableHeartbeatChannelEventListener,
 * default true) and a 4.9.8 one does not (MQClientInstance builds MQClientAPIImpl without one).
 * NettyEventExecutor hands it on a moment later (client/channel-active.ts). Only a channel to a
 * broker can matter: the listener looks the address up in brokerAddrTable. The listener belongs
 * to the MQClientInstance, so a producer's first channel to a master (its first send there)
 * heartbeats it too.
 */
export function channelActive(sim: Sim, from: string, to: string): void {
  const { state } = sim;
  if (state.config.rocketmqVersion !== '5.x' || state.nodeKinds[from] !== 'client' || state.nodeKinds[to] !== 'broker') return;
  const client = state.clients[from];
  if (client) sim.after(0, { kind: 'client.channelActive', client: from, epoch: client.epoch, broker: to });
}
