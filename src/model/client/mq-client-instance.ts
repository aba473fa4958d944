/**
 * MQClientInstance: what producers and consumers share. Which NameServer to ask
 * (NettyRemotingClient: shuffled list, random start, sticky until a request fails), the route
 * refresh every pollNameServerInterval, and the broker address table built from the routes.
 */
import { noticedInRoute, routeNotRefreshed, routesStoppedListing } from '../detections.ts';
import { deepFreeze, dict } from '../../engine/index.ts';
import type { RemotingResponse, RequestOf } from '../remoting-types.ts';
import { AUTO_CREATE_TOPIC_KEY_TOPIC } from '../defaults.ts';
import type { FailureReason, RocketMQVersion } from '../vocabulary.ts';
import { invoke, invokeSpent } from '../remoting.ts';
import type { Sim } from '../sim-types.ts';
import type { ClientState, ModelState, PendingRequest, TopicRouteData } from '../state.ts';
import { queueLabel, routeFromDefaultTopic, sameRoute, topicRouteData2PublishQueues, topicRouteData2SubscribeQueues } from './topic-route.ts';

/**
 * The topics a client keeps routes for: a consumer its topic and, clustering, its retry topic; a
 * producer its topic, and in 4.x TBW102 as well: DefaultMQProducerImpl.start puts createTopicKey
 * into topicPublishInfoTable (4.9.8, 5.0.0; gone by 5.3.3), so every route round asks for it and,
 * its route in brokerAddrTable, the heartbeat goes to every master that keeps TBW102.
 */
export function topicsOf(client: ClientState, version: RocketMQVersion): string[] {
  if (client.kind === 'producer') {
    const { topic } = client.spec;
    return version === '4.x' && topic !== AUTO_CREATE_TOPIC_KEY_TOPIC ? [topic, AUTO_CREATE_TOPIC_KEY_TOPIC] : [topic];
  }
  return client.spec.messageModel === 'CLUSTERING' ? [client.spec.topic, client.retryTopic] : [client.spec.topic];
}

export function startClientInstance(state: ModelState, client: ClientState, sim: Sim): void {
  client.status = 'running';
  client.epoch++;
  sim.net.start(client.id);
  // updateNameServerAddressList shuffles; namesrvIndex starts at a random value in [0, 999).
  client.namesrvAddrList = sim.rng.shuffle(Object.keys(state.nameServers));
  client.namesrvIndex = sim.rng.nextInt(999);
  client.namesrvChosen = null;
  client.namesrvLeft = null;
  client.routeRound = [];
  client.heartbeatRound = [];
  client.heartbeatAgain = false;
  client.nextRouteRefreshAt = sim.now + state.config.routeRefreshInitialDelayMs;
  sim.after(state.config.routeRefreshInitialDelayMs, { kind: 'client.routeRefresh', client: client.id, epoch: client.epoch });
}

export function isLive(client: ClientState | undefined, epoch: number): client is ClientState {
  return client !== undefined && client.status === 'running' && client.epoch === epoch;
}

/** getAndCreateNameserverChannel: keep the chosen NameServer while its channel is fine, else the next. */
function chooseNameServer(client: ClientState, sim: Sim): string | null {
  if (client.namesrvChosen !== null) return client.namesrvChosen;
  const list = client.namesrvAddrList;
  if (list.length === 0) return null;
  client.namesrvIndex = (client.namesrvIndex + 1) & 0x7fffffff;
  const chosen = list[client.namesrvIndex % list.length]!;
  client.namesrvChosen = chosen;
  sim.emit({ t: sim.now, type: 'nameServer.chosen', client: client.id, nameServer: chosen });
  return chosen;
}

export function onRouteRefreshTimer(state: ModelState, event: { client: string; epoch: number }, sim: Sim): void {
  const client = state.clients[event.client];
  if (!isLive(client, event.epoch)) return;
  startRouteRound(state, client, sim);
  client.nextRouteRefreshAt = sim.now + state.config.pollNameServerIntervalMs;
  sim.after(state.config.pollNameServerIntervalMs, { kind: 'client.routeRefresh', client: client.id, epoch: client.epoch });
}

/** updateTopicRouteInfoFromNameServer: one topic after another, from the chosen NameServer. */
function startRouteRound(state: ModelState, client: ClientState, sim: Sim): void {
  if (client.routeRound.length > 0) return; // the previous round is still running
  client.routeRound = topicsOf(client, state.config.rocketmqVersion);
  queryNextRoute(state, client, sim);
}

function queryNextRoute(state: ModelState, client: ClientState, sim: Sim): void {
  const topic = client.routeRound[0];
  if (topic === undefined) return;
  queryRoute(state, client, topic, sim);
}

/** A call that went past NameServers (getAndCreateNameserverChannel's loop): which, in order, and since when it runs. */
interface RouteCall {
  passed: string[];
  since: number;
}

/**
 * `defaultFor`: ask for TBW102's route on behalf of that topic (getDefaultTopicRouteInfoFromNameServer).
 * `call`: a 4.x call goes on past NameServers whose connects were refused or unanswered.
 * `topicNotExist`: a rebalance waits for the answer (the request's field of that name).
 */
export interface RouteQuery {
  defaultFor?: string | undefined;
  call?: RouteCall;
  topicNotExist?: true | undefined;
}

/** Asks a NameServer for a topic's route (RouteQuery); false when no NameServer is known, so nothing was asked. */
export function queryRoute(state: ModelState, client: ClientState, topic: string, sim: Sim, query: RouteQuery = {}): boolean {
  const nameServer = chooseNameServer(client, sim);
  if (nameServer === null) return false;
  const { defaultFor, call, topicNotExist } = query;
  const request = {
    code: 'GET_ROUTEINFO_BY_TOPIC' as const, topic, client: client.id,
    ...(defaultFor === undefined ? {} : { defaultFor }), ...call, ...(topicNotExist ? { topicNotExist } : {}),
  };
  const timeoutMs = state.config.mqClientApiTimeoutMs;
  // invokeSync sends with what is left of its timeout once it has a channel; with nothing left it
  // throws RemotingTimeoutException before it sends (4.9.8, after an unanswered connect). A new
  // channel costs its handshake too, so a call with all its timeout spent is past it. (Not
  // sim.net.latency here: with jitter it draws from the run's random numbers.)
  const spentMs = call === undefined ? 0 : sim.now - call.since;
  const connected = sim.net.isConnected(client.id, nameServer);
  const pastTimeout = connected ? spentMs > timeoutMs : spentMs >= timeoutMs;
  if (call !== undefined && pastTimeout && (connected || sim.net.canDeliver(client.id, nameServer))) invokeSpent(sim, client.id, nameServer, request);
  else invoke(sim, client.id, nameServer, request, timeoutMs - spentMs);
  return true;
}

/** What producers and consumers do with route answers. */
export interface RouteListener {
  /** fromDefaultTopic: the route is TBW102's, standing in for a topic the NameServer does not know yet. */
  onRouteChanged(state: ModelState, client: ClientState, topic: string, route: TopicRouteData, sim: Sim, fromDefaultTopic: boolean): void;
  /** After every answer for a topic, changed or not; found is false for TOPIC_NOT_EXIST. `request`: the query answered. */
  onRouteAnswered(state: ModelState, client: ClientState, topic: string, found: boolean, sim: Sim, request: RequestOf<'GET_ROUTEINFO_BY_TOPIC'>): void;
  onRouteFailed(state: ModelState, client: ClientState, topic: string, sim: Sim, request: RequestOf<'GET_ROUTEINFO_BY_TOPIC'>): void;
  /** failure: the call that aborted the round (MQClientInstance rethrows its RemotingException), if one did. */
  onRoundFinished(state: ModelState, client: ClientState, sim: Sim, failure?: RouteFailure): void;
}

/** A route call that failed: its topic, the NameServer it failed at and why. */
export interface RouteFailure {
  topic: string;
  nameServer: string;
  reason: FailureReason;
}

export function onRouteResponse(state: ModelState, pending: PendingRequest, response: RemotingResponse, sim: Sim, listener: RouteListener): void {
  const client = state.clients[pending.from];
  if (!client || client.status !== 'running' || pending.request.code !== 'GET_ROUTEINFO_BY_TOPIC') return;
  const { topic, defaultFor } = pending.request;
  const found = response.code === 'SUCCESS' && response.route !== undefined;
  // updateTopicRouteInfoFromNameServer(topic, isDefault = true): TBW102's route with its queue
  // counts capped at defaultTopicQueueNums, kept under the topic's own name.
  const route = !found ? undefined : defaultFor === undefined ? response.route! : routeFromDefaultTopic(response.route!, state.config.producerDefaultTopicQueueNums);
  const cachedAs = defaultFor ?? topic;
  const old = client.topicRouteTable[cachedAs];
  const changed = route !== undefined && !(old && sameRoute(old, route));
  // Every answer, changed or not: the 30 s rhythm of pollNameServerInterval shows, not only its changes.
  sim.emit({ t: sim.now, type: 'route.pulled', client: client.id, topic, nameServer: pending.to, found, changed });
  if (!found) routeNotRefreshed(state, client, cachedAs);
  if (changed) updateRoute(state, client, cachedAs, route, old, pending.to, sim, listener, topic);
  listener.onRouteAnswered(state, client, topic, found, sim, pending.request);
  advanceRound(state, client, topic, sim, listener);
}

function advanceRound(state: ModelState, client: ClientState, topic: string, sim: Sim, listener: RouteListener): void {
  if (client.routeRound[0] !== topic) return; // an on-demand query, not part of the round
  client.routeRound.shift();
  if (client.routeRound.length > 0) queryNextRoute(state, client, sim);
  else listener.onRoundFinished(state, client, sim);
}

/**
 * A failed request closes the channel, so the next request picks the next NameServer; the
 * exception aborts the rest of this refresh round (MQClientInstance rethrows it).
 */
export function onRouteFailure(state: ModelState, pending: PendingRequest, reason: FailureReason, sim: Sim, listener: RouteListener): void {
  const client = state.clients[pending.from];
  if (!client || client.status !== 'running' || pending.request.code !== 'GET_ROUTEINFO_BY_TOPIC') return;
  leaveNameServer(client, pending.to);
  const { topic, defaultFor, passed = [], since = pending.sentAt, topicNotExist } = pending.request;
  if (goesOnToNextAddress(state, client, reason, passed.length)) {
    queryRoute(state, client, topic, sim, { defaultFor, call: { passed: [...passed, pending.to], since }, topicNotExist });
    return;
  }
  sim.emit({ t: sim.now, type: 'route.failed', client: client.id, topic, nameServer: pending.to, reason, ...(passed.length === 0 ? {} : { passed }) });
  routeNotRefreshed(state, client, pending.request.defaultFor ?? pending.request.topic);
  const wasInRound = client.routeRound[0] === pending.request.topic;
  listener.onRouteFailed(state, client, pending.request.topic, sim, pending.request);
  if (!wasInRound) return;
  client.routeRound = [];
  listener.onRoundFinished(state, client, sim, { topic: pending.request.topic, nameServer: pending.to, reason });
}

/**
 * NettyRemotingClient.getAndCreateNameserverChannel (4.9.8) tries each address once within the
 * call while createChannel gives no channel: a refused connect at once, an unanswered one once it
 * has waited connectTimeoutMillis. 5.3's getAndCreateNameserverChannelAsync picks one address and
 * hands invokeSync its connect: refused or unanswered, invokeSync closes the channel and throws
 * RemotingConnectException, and the next call takes the next address (namesrvIndex).
 */
function goesOnToNextAddress(state: ModelState, client: ClientState, reason: FailureReason, tried: number): boolean {
  if (tried + 1 >= client.namesrvAddrList.length || state.config.rocketmqVersion !== '4.x') return false;
  return reason === 'connectRefused' || reason === 'connectTimeout';
}

/** A changed route, `old` the one it replaces; `fromTopic`: the topic whose route the NameServer answered with (TBW102's stands in for a topic it does not know). */
function updateRoute(state: ModelState, client: ClientState, topic: string, route: TopicRouteData, old: TopicRouteData | undefined, nameServer: string, sim: Sim, listener: RouteListener, fromTopic: string): void {
  client.topicRouteTable[topic] = deepFreeze(route);
  rebuildBrokerAddrTable(client);
  noticedInRoute(state, client.id, old, route, sim.now);
  routesStoppedListing(state, client, nameServer, sim.now);
  sim.emit({
    t: sim.now, type: 'route.updated',
    client: client.id,
    topic,
    writeQueues: topicRouteData2PublishQueues(topic, route).map(queueLabel),
    readQueues: topicRouteData2SubscribeQueues(topic, route).map(queueLabel),
    nameServer,
    fromTopic,
  });
  listener.onRouteChanged(state, client, topic, route, sim, fromTopic !== topic);
}

/**
 * brokerAddrTable from every cached route; brokers in no route drop out (cleanOfflineBroker).
 * Each entry is its route's brokerAddrs itself: cached routes are frozen, so checkpoints share them.
 */
function rebuildBrokerAddrTable(client: ClientState): void {
  const table = dict<Readonly<Record<number, string>>>();
  for (const route of Object.values(client.topicRouteTable)) {
    for (const brokerData of route.brokerDatas) table[brokerData.brokerName] = brokerData.brokerAddrs;
  }
  client.brokerAddrTable = table;
}

/** A closed channel to the chosen NameServer makes the next request pick another. */
export function onClientChannelClosed(client: ClientState, peer: string): void {
  leaveNameServer(client, peer);
}

function leaveNameServer(client: ClientState, nameServer: string): void {
  if (client.namesrvChosen !== nameServer) return;
  client.namesrvChosen = null;
  client.namesrvLeft = nameServer;
}
