/**
 * Timeline actions (docs/scenario.md): faults and operator commands applied at their time, each
 * traced as a `fault` event, plus the initial start of every process.
 */
import { MASTER_ID } from './defaults.ts';
import { faultEvent } from './fault-event.ts';
import { brokerKey, crashBroker, partitionBroker, powerOffBroker, shutdownBroker, startBroker } from './broker/broker.ts';
import { startController, stopController } from './controller/controller.ts';
import { losePageCache } from './broker/flush-service.ts';
import { closeFaults, openFault } from './detections.ts';
import { shutdownConsumer, startConsumer } from './client/consumer.ts';
import { setProducerRate, shutdownProducer, startProducer } from './client/producer.ts';
import { createConsumerState, createProducerState } from './factory.ts';
import { crashNameServer, startNameServer } from './nameserver/nameserver.ts';
import { updateTopicCommand, writePermCommand } from './mqadmin.ts';
import { dropRequestsFrom } from './remoting.ts';
import { cancelledStartAt, changesNothing, linkNode, startPending } from './timeline-effect.ts';
import type { TraceEvent } from './events.ts';
import type { Sim } from './sim-types.ts';
import type { TimelineAction } from './spec.ts';
import type { BrokerState, ClientState, ModelState } from './state.ts';

export function startNode(state: ModelState, node: string, sim: Sim): void {
  const nameServer = state.nameServers[node];
  if (nameServer) return startNameServer(state, nameServer, sim);
  const controller = state.controllers[node];
  if (controller) return startController(state, controller, sim);
  const broker = state.brokers[node];
  if (broker) return startBroker(state, broker, sim);
  const client = state.clients[node];
  // A client starts once, at its lifecycle.start: a removal before it counted the epoch up (cancelStart), so it never runs.
  if (client !== undefined && client.epoch !== 0) return;
  if (client?.kind === 'producer') startProducer(state, client, sim);
  else if (client?.kind === 'consumer') startConsumer(state, client, sim);
}

/**
 * The broker process an action names: brokerName and the brokerId the scenario declared it with
 * (its network node), which stays its name when controller mode gives it another role and id.
 */
function brokersOf(state: ModelState, name: string, brokerId: number | undefined): BrokerState[] {
  const broker = state.brokers[brokerKey(name, brokerId ?? MASTER_ID)];
  return broker ? [broker] : [];
}

/** The process dies, a hung one too (killed, as an operator does with one): the OS closes its connections. */
function crashClient(state: ModelState, client: ClientState, sim: Sim): void {
  if (client.status !== 'running' && client.status !== 'hung') return;
  client.status = 'crashed';
  dropRequestsFrom(state, client.id);
  sim.net.stop(client.id);
}

/** Opens a fault for detections.ts, or ends one when the broker is back. */
type BrokerAction = Extract<TimelineAction, { action: 'crashBroker' | 'powerOffBroker' | 'partitionBroker' | 'healPartition' | 'shutdownBroker' | 'startBroker' }>;

function trackBrokerFault(state: ModelState, action: BrokerAction, sim: Sim): void {
  const now = sim.now;
  const brokerId = action.brokerId ?? MASTER_ID;
  const node = brokerKey(action.target, brokerId);
  if (action.action === 'startBroker' || action.action === 'healPartition') closeFaults(state, node, now, action.action);
  else if (brokersOf(state, action.target, brokerId).some((broker) => broker.status === 'running')) openFault(state, action.action, action.target, brokerId, node, now, sim.traceCount);
}

/**
 * An action is traced when it runs; one that would change nothing (docs/trace.md `noEffect`: a
 * start of a running broker, a heal of what is not cut, a client no longer running) is traced so
 * and goes no further, so it opens no fault for detections.ts either. A removal of a client that
 * has not started yet says which start it cancels (`cancelsStartAt`).
 */
export function onTimelineAction(state: ModelState, action: TimelineAction, sim: Sim): void {
  const noEffect = changesNothing(state, action, sim);
  sim.emit(tracedFault(state, action, noEffect, sim.now));
  if (noEffect) return;
  switch (action.action) {
    case 'crashBroker':
    case 'powerOffBroker':
      trackBrokerFault(state, action, sim);
      for (const broker of brokersOf(state, action.target, action.brokerId)) {
        if (broker.status !== 'running') continue;
        dropRequestsFrom(state, broker.node);
        // A power loss takes the page cache with it, and its host closes no connection; a process crash leaves both to the OS.
        if (action.action === 'powerOffBroker') {
          losePageCache(state, broker, sim);
          powerOffBroker(broker, sim);
        } else crashBroker(broker, sim);
      }
      return;
    case 'partitionBroker':
    case 'healPartition':
      trackBrokerFault(state, action, sim);
      for (const broker of brokersOf(state, action.target, action.brokerId)) partitionBroker(broker, sim, action.action === 'partitionBroker');
      return;
    case 'shutdownBroker':
      trackBrokerFault(state, action, sim);
      for (const broker of brokersOf(state, action.target, action.brokerId)) shutdownBroker(state, broker, sim);
      return;
    case 'startBroker':
      trackBrokerFault(state, action, sim);
      for (const broker of brokersOf(state, action.target, action.brokerId)) startBroker(state, broker, sim);
      return;
    case 'crashNameServer': {
      const nameServer = state.nameServers[action.target];
      if (nameServer) crashNameServer(nameServer, sim);
      const controller = state.controllers[action.target];
      if (controller) stopController(controller);
      return;
    }
    case 'startNameServer':
      return startNode(state, action.target, sim);
    case 'partitionLink':
    case 'healLink':
      sim.net.setBlocked(linkNode(state, action.target), linkNode(state, action.peer), action.action === 'partitionLink');
      return;
    case 'addConsumer': case 'addProducer': case 'removeConsumer': case 'removeProducer': case 'crashConsumer':
    case 'hangConsumer': case 'setProducerRate': case 'updateTopic':
      return onClientAction(state, action, sim);
    case 'wipeWritePerm': case 'addWritePerm':
      return writePermCommand(state, action, sim);
  }
}

/** The `fault` event: noEffect or cancelsStartAt go last, after the fields that name the target (docs/trace.md); the page's first script builds fault events without them. */
function tracedFault(state: ModelState, action: TimelineAction, noEffect: boolean, now: number): Extract<TraceEvent, { type: 'fault' }> {
  if (noEffect) return { ...faultEvent(action, now), noEffect };
  const cancelsStartAt = cancelledStartAt(state, action);
  return cancelsStartAt === null ? faultEvent(action, now) : { ...faultEvent(action, now), cancelsStartAt };
}

/**
 * A client removed before its start is never deployed: its epoch counts up as a start's would, so
 * the lifecycle.start still queued for it finds it no longer the client it was scheduled for
 * (startNode) and it stays 'stopped'. It has no connection, registration or task to undo.
 */
function cancelStart(client: ClientState): void {
  client.epoch++;
}

/**
 * An added client is a full consumers[] or producers[] entry: it starts at its startAt, or at
 * once when that has passed (docs/scenario.md).
 */
function startAddedClient(state: ModelState, spec: { id: string; startAt: number }, sim: Sim): void {
  state.nodeKinds[spec.id] = 'client';
  if (spec.startAt > sim.now) sim.schedule(spec.startAt, { kind: 'lifecycle.start', node: spec.id });
  else startNode(state, spec.id, sim);
}

/** The actions on clients and topics (the others act on processes and links). */
type ClientAction = Extract<TimelineAction, {
  action: 'addConsumer' | 'addProducer' | 'removeConsumer' | 'removeProducer' | 'crashConsumer' | 'hangConsumer' | 'setProducerRate' | 'updateTopic';
}>;

function onClientAction(state: ModelState, action: ClientAction, sim: Sim): void {
  switch (action.action) {
    case 'addConsumer':
      state.clients[action.consumer.id] = createConsumerState(action.consumer, Object.keys(state.clients).length);
      return startAddedClient(state, action.consumer, sim);
    case 'addProducer':
      state.clients[action.producer.id] = createProducerState(action.producer);
      return startAddedClient(state, action.producer, sim);
    case 'removeConsumer': {
      const client = state.clients[action.target];
      if (client !== undefined && startPending(client)) cancelStart(client);
      else if (client?.kind === 'consumer') shutdownConsumer(state, client, sim);
      return;
    }
    case 'removeProducer': {
      const client = state.clients[action.target];
      if (client !== undefined && startPending(client)) cancelStart(client);
      else if (client?.kind === 'producer') shutdownProducer(state, client, sim);
      return;
    }
    case 'crashConsumer': {
      const client = state.clients[action.target];
      if (client) crashClient(state, client, sim);
      return;
    }
    case 'hangConsumer': {
      // A hung process keeps its connections open but does nothing: only the 120 s expiry notices.
      const client = state.clients[action.target];
      if (client?.status === 'running') client.status = 'hung';
      return;
    }
    case 'setProducerRate': {
      const client = state.clients[action.target];
      if (client?.kind === 'producer' && client.status === 'running') setProducerRate(client, action.ratePerSec, sim);
      return;
    }
    case 'updateTopic':
      updateTopicCommand(state, action, sim);
      return;
  }
}
