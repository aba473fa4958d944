/**
 * What the run still has on its way, outside the brokers' stores: the events to come and the
 * requests awaiting an answer (NettyRemotingAbstract.responseTable). State is plain data and so
 * are events (src/engine/simulation.ts), so this is everything a message or an offset can still
 * come back from. The runner's reclaim (reclaim.ts) asks it two things: the oldest message serial
 * anything still carries (it may yet be stored or consumed, and counted), and the positions in a
 * broker's store something on its way will read from.
 */
import { commitLogIndexAt } from './broker/message-store.ts';
import { topicQueueKey } from './broker/queue-keys.ts';
import type { AnyEvent } from './events.ts';
import type { RemotingRequest, RemotingResponse, Wire } from './remoting-types.ts';
import type { Sim } from './sim-types.ts';
import type { ModelState } from './state.ts';

export interface InFlight {
  /** The oldest serial of a message some event, request or producer still holds (Infinity when none). */
  oldestSerial: number;
  /** By broker name, then "topic@queueId": the lowest queue offset a request on its way reads or sets. */
  queueOffsets: Map<string, Map<string, number>>;
  /** By broker node: the lowest CommitLog index an event to come reads there. */
  commitLogIndexes: Map<string, number>;
  /**
   * Topics a BROADCASTING consumer still to be added will read: kept whole, as one with
   * CONSUME_FROM_FIRST_OFFSET reads from 0 (its LocalFileOffsetStore starts empty).
   */
  broadcastLater: Set<string>;
  /** Topics the timeline will still update (their queues may become readable). */
  updatedLater: Set<string>;
}

function lower<K>(map: Map<K, number>, key: K, value: number): void {
  const known = map.get(key);
  if (known === undefined || value < known) map.set(key, value);
}

class InFlightScan implements InFlight {
  oldestSerial = Infinity;
  readonly queueOffsets = new Map<string, Map<string, number>>();
  readonly commitLogIndexes = new Map<string, number>();
  readonly broadcastLater = new Set<string>();
  readonly updatedLater = new Set<string>();

  constructor(private readonly state: ModelState) {}

  serial(serial: number): void {
    this.oldestSerial = Math.min(this.oldestSerial, serial);
  }

  queueOffset(node: string, topic: string, queueId: number, offset: number): void {
    const brokerName = this.state.brokers[node]?.name;
    if (brokerName === undefined) return;
    let offsets = this.queueOffsets.get(brokerName);
    if (!offsets) this.queueOffsets.set(brokerName, (offsets = new Map()));
    lower(offsets, topicQueueKey(topic, queueId), offset);
  }

  commitLogIndex(node: string, index: number): void {
    lower(this.commitLogIndexes, node, index);
  }

  /** The broker a send-back goes to looks its message up by CommitLog offset (lookMessageByOffset). */
  private sentBack(node: string, commitLogOffset: number): void {
    const broker = this.state.brokers[node];
    const index = broker === undefined ? -1 : commitLogIndexAt(broker, commitLogOffset);
    if (index >= 0) this.commitLogIndex(node, index);
  }

  event(event: AnyEvent): void {
    switch (event.kind) {
      case 'consumer.consumed':
        for (const message of event.messages) this.serial(message.serial);
        return;
      case 'broker.scheduleDeliver':
        this.commitLogIndex(event.broker, event.index);
        return;
      case 'net.deliver':
        this.wire(event.to, event);
        return;
      case 'timeline':
        if (event.action.action === 'addConsumer' && event.action.consumer.messageModel === 'BROADCASTING') this.broadcastLater.add(event.action.consumer.topic);
        if (event.action.action === 'updateTopic') this.updatedLater.add(event.action.topic);
        return;
      case 'remoting.onewayDropped':
        return this.request(event.to, event.request);
      // A new message's serial is at least nextSerial; the rest carry no message and no offset.
      case 'producer.send': case 'lifecycle.start': case 'nameServer.scanNotActiveBroker': case 'nameServer.channelIdleCheck':
      case 'broker.registerAll': case 'broker.flushConsumerOffset': case 'broker.scanNotActiveChannel': case 'broker.channelIdleCheck': case 'broker.pullHoldCheck': case 'broker.haReport': case 'broker.haTransfer':
      case 'broker.syncReplicaTimeout': case 'broker.slaveSync': case 'broker.flushCommitLog': case 'broker.controllerHeartbeat':
      case 'broker.syncBrokerMetadata': case 'broker.checkSyncStateSet': case 'controller.scanNotActiveBroker': case 'controller.scanInactiveMaster':
      case 'client.routeRefresh': case 'client.heartbeat': case 'client.channelActive': case 'consumer.persistOffsets': case 'consumer.rebalance': case 'consumer.pull':
      case 'consumer.fixOffset':
      case 'rpc.timeout': case 'remoting.scanResponseTable': case 'rpc.failed': case 'net.closed': case 'remoting.connectRetry':
        return;
    }
  }

  private wire(to: string, wire: Wire): void {
    if (wire.dir !== 'response') return this.request(to, wire.request);
    this.response(to, wire.id, wire.response);
  }

  request(to: string, request: RemotingRequest): void {
    switch (request.code) {
      case 'SEND_MESSAGE': return this.serial(request.message.serial);
      case 'CONSUMER_SEND_MSG_BACK':
        this.serial(request.message.serial);
        return this.sentBack(to, request.message.commitLogOffset);
      case 'HA_TRANSFER':
        for (const message of request.messages) this.serial(message.serial);
        return;
      case 'HA_REPORT': return this.commitLogIndex(to, request.index);
      case 'PULL_MESSAGE': return this.queueOffset(to, request.topic, request.queueId, request.queueOffset);
      case 'UPDATE_CONSUMER_OFFSET': return this.queueOffset(to, request.topic, request.queueId, request.offset);
      case 'REGISTER_BROKER': case 'UNREGISTER_BROKER': case 'GET_ROUTEINFO_BY_TOPIC': case 'HEART_BEAT': case 'UNREGISTER_CLIENT':
      case 'GET_CONSUMER_LIST_BY_GROUP': case 'QUERY_CONSUMER_OFFSET': case 'GET_MAX_OFFSET': case 'NOTIFY_CONSUMER_IDS_CHANGED': case 'GET_ALL_TOPIC_CONFIG':
      case 'GET_ALL_CONSUMER_OFFSET': case 'BROKER_HEARTBEAT': case 'CONTROLLER_REGISTER_BROKER': case 'CONTROLLER_GET_REPLICA_INFO':
      case 'CONTROLLER_ELECT_MASTER': case 'CONTROLLER_ALTER_SYNC_STATE_SET': case 'NOTIFY_BROKER_ROLE_CHANGED':
        return;
    }
  }

  /** A pull's messages, a slave's copy of its master's offsets, an offset a consumer will start from (a QUERY_CONSUMER_OFFSET or GET_MAX_OFFSET answer). */
  private response(to: string, id: number, response: RemotingResponse): void {
    for (const message of response.messages ?? []) this.serial(message.serial);
    for (const offsets of Object.values(response.offsetTable ?? {})) {
      for (const [key, offset] of Object.entries(offsets)) {
        const at = key.lastIndexOf('@');
        this.queueOffset(to, key.slice(0, at), Number(key.slice(at + 1)), offset);
      }
    }
    const pending = this.state.remoting.pending.get(id);
    const request = pending?.request;
    if (pending && (request?.code === 'QUERY_CONSUMER_OFFSET' || request?.code === 'GET_MAX_OFFSET') && response.offset !== undefined) {
      this.queueOffset(pending.to, request.topic, request.queueId, response.offset);
    }
  }
}

export function inFlight(state: ModelState, sim: Sim): InFlight {
  const scan = new InFlightScan(state);
  scan.serial(state.stats.nextSerial);
  sim.forEachPending((event) => scan.event(event));
  for (const pending of state.remoting.pending.values()) scan.request(pending.to, pending.request);
  // Oneway requests waiting for a connect, keyed "from>to" (connect.ts).
  for (const [key, connect] of Object.entries(state.remoting.connecting)) {
    for (const request of connect.oneways) scan.request(key.slice(key.indexOf('>') + 1), request);
  }
  for (const client of Object.values(state.clients)) {
    if (client.kind === 'producer') for (const message of client.waitingForRoute) scan.serial(message.serial);
  }
  return scan;
}
