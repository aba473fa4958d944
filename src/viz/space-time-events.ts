/**
 * What each trace event is on a space-time diagram: an arrow from one process to another (a
 * request or a response), or a mark on one process's lane (something it did or noticed itself).
 * Lanes are processes: NameServers, brokers (node ids `broker-a/0`), producers and consumers.
 *
 * The trace records what arrived, so an arrow ends at the event's time. RocketMQ's periodic
 * requests show where the trace has them: a broker's registration every
 * registerNameServerPeriod (broker.registered), the answer to a client's route pull every
 * pollNameServerInterval (route.pulled), a client's heartbeat to a broker every heartbeatBrokerInterval (client.heartbeat), sends,
 * pulls that delivered (message.consumed) or were refused (pull.rejected), offset commits.
 *
 * An event names a broker `brokerName/brokerId` as it was then; in controller mode an election
 * moves brokerId 0 to another node (ReplicasManager.changeToMaster), so each stroke goes to the
 * lane of the node that was that broker at the event's time (src/sim/trace-broker-node.ts).
 */
import { MASTER_ID, type Scenario, type TraceEvent } from '../sim/index.ts';

export type ArrowKind = 'register' | 'route' | 'send' | 'replicate' | 'result' | 'pull' | 'heartbeat' | 'offset';
export type MarkKind = 'removed' | 'rebalance' | 'failed' | 'lost' | 'topic' | 'chosen' | 'filtered' | 'behind' | 'duplicate' | 'fault';
/** The arrows of the messages themselves: without them a long window shows the 30 s rhythm of registrations and route pulls. */
export const MESSAGE_ARROWS: ReadonlySet<ArrowKind> = new Set<ArrowKind>(['send', 'replicate', 'result', 'pull', 'offset']);

export type Stroke =
  | { shape: 'arrow'; kind: ArrowKind; from: string; to: string }
  /** A fault's lane is its target as the timeline names it (a brokerName means its master). */
  | { shape: 'mark'; kind: MarkKind; lane: string };

export interface Lane {
  id: string;
  role: 'nameServer' | 'broker' | 'producer' | 'consumer';
}

/** Lanes top to bottom: producers, brokers (master then slaves), NameServers, consumers, each in file order. */
export function lanesOf(scenario: Scenario): Lane[] {
  const added = scenario.timeline.flatMap((action): Lane[] =>
    action.action === 'addProducer' ? [{ id: action.producer.id, role: 'producer' }]
      : action.action === 'addConsumer' ? [{ id: action.consumer.id, role: 'consumer' }] : []);
  const lanes: Lane[] = [
    ...scenario.producers.map((p) => ({ id: p.id, role: 'producer' as const })),
    ...added.filter((lane) => lane.role === 'producer'),
    ...scenario.brokers.map((b) => ({ id: `${b.name}/${b.brokerId}`, role: 'broker' as const })),
    ...scenario.nameServers.map((ns) => ({ id: ns.id, role: 'nameServer' as const })),
    ...scenario.consumers.map((c) => ({ id: c.id, role: 'consumer' as const })),
    ...added.filter((lane) => lane.role === 'consumer'),
  ];
  const seen = new Set<string>();
  return lanes.filter((lane) => !seen.has(lane.id) && seen.add(lane.id));
}

/** The node that was `${broker}/${brokerId}` at `at`; `stale` for an event only a replaced master makes (traceBrokerNode). */
export type NodeOf = (broker: string, brokerId: number, at: number, stale?: boolean) => string;

/** The nodes as the scenario declares them: what a run without controller mode always has. */
export const DECLARED_NODES: NodeOf = (broker, brokerId) => `${broker}/${brokerId}`;

/**
 * The stroke of one event. `lastSendBroker` answers which broker a message's latest attempt went
 * to (send.result names only the producer): undefined when the attempt is outside the window.
 */
export function strokeOf(event: TraceEvent, lastSendBroker: (msgId: string) => string | undefined, nodeOf: NodeOf = DECLARED_NODES): Stroke | null {
  const master = (brokerName: string) => nodeOf(brokerName, MASTER_ID, event.t);
  switch (event.type) {
    case 'broker.registered': return { shape: 'arrow', kind: 'register', from: nodeOf(event.broker, event.brokerId, event.t), to: event.nameServer };
    case 'broker.removed': return { shape: 'mark', kind: 'removed', lane: event.nameServer };
    case 'route.pulled': return { shape: 'arrow', kind: 'route', from: event.nameServer, to: event.client };
    // The pull's answer (route.pulled) draws the arrow; the change is its own event in the log.
    case 'route.updated': return null;
    case 'route.failed': return { shape: 'mark', kind: 'failed', lane: event.client };
    case 'nameServer.chosen': return { shape: 'mark', kind: 'chosen', lane: event.client };
    case 'topic.updated': return { shape: 'mark', kind: 'topic', lane: master(event.broker) };
    case 'topic.updateFailed': return { shape: 'mark', kind: 'failed', lane: master(event.broker) };
    // mqadmin's call to a NameServer: a change of its route tables, on its lane.
    case 'nameServer.wipeWritePerm': case 'nameServer.addWritePerm': return { shape: 'mark', kind: 'topic', lane: event.nameServer };
    case 'nameServer.writePermFailed': return { shape: 'mark', kind: 'failed', lane: event.nameServer };
    case 'message.sent': return { shape: 'arrow', kind: 'send', from: event.producer, to: master(event.broker) };
    case 'message.stored':
      return event.brokerId === MASTER_ID ? null : { shape: 'arrow', kind: 'replicate', from: master(event.broker), to: nodeOf(event.broker, event.brokerId, event.t) };
    // Only a replaced master cuts a message off its CommitLog (AutoSwitchHAClient): it still claims brokerId 0.
    case 'message.lost': return { shape: 'mark', kind: 'lost', lane: nodeOf(event.broker, event.brokerId, event.t, event.reason === 'truncatedByNewMaster') };
    case 'message.filtered': return { shape: 'mark', kind: 'filtered', lane: master(event.broker) };
    case 'message.storedBehind': return { shape: 'mark', kind: 'behind', lane: master(event.broker) };
    case 'send.failed': return { shape: 'mark', kind: 'failed', lane: event.producer };
    // Its lane is the process whose call timed out (a client's id, or a broker process as declared).
    case 'channel.closed': return { shape: 'mark', kind: 'failed', lane: event.from };
    case 'send.result': {
      const broker = lastSendBroker(event.msgId);
      if (event.status === 'FAILED' || broker === undefined) return event.status === 'FAILED' ? { shape: 'mark', kind: 'failed', lane: event.producer } : null;
      return { shape: 'arrow', kind: 'result', from: master(broker), to: event.producer };
    }
    case 'rebalance': return { shape: 'mark', kind: 'rebalance', lane: event.consumer };
    // Consumers heartbeat every broker, slaves too; producers the masters only. A client's first
    // heartbeat also registers it (consumer.registered): the heartbeat's arrow says it once.
    case 'client.heartbeat': return { shape: 'arrow', kind: 'heartbeat', from: event.client, to: nodeOf(event.broker, event.brokerId, event.t) };
    case 'consumer.registered': case 'producer.registered': return null;
    case 'consumer.removed': return { shape: 'mark', kind: 'removed', lane: nodeOf(event.broker, event.brokerId, event.t) };
    case 'producer.removed': return { shape: 'mark', kind: 'removed', lane: nodeOf(event.broker, event.brokerId, event.t) };
    // On the consumer's lane, beside the route.failed mark that caused it.
    case 'consumer.startFailed': return { shape: 'mark', kind: 'failed', lane: event.consumer };
    case 'message.consumed': return { shape: 'arrow', kind: 'pull', from: nodeOf(event.broker, event.brokerId, event.t), to: event.consumer };
    // Beside its consumption's arrow: the consumer's lane shows where duplicates cluster (after a rebalance, a failover).
    case 'message.consumedAgain': return { shape: 'mark', kind: 'duplicate', lane: event.consumer };
    case 'consume.failed': return { shape: 'mark', kind: 'failed', lane: event.consumer };
    case 'pull.rejected': return { shape: 'arrow', kind: 'pull', from: nodeOf(event.broker, event.brokerId, event.t), to: event.consumer };
    case 'offset.committed': return { shape: 'arrow', kind: 'offset', from: event.consumer, to: master(event.broker) };
    // An action that changed nothing (noEffect, docs/trace.md) did nothing on any lane: the log says it.
    case 'fault': return event.noEffect ? null : { shape: 'mark', kind: 'fault', lane: event.target };
    // Controller mode: the controller has no lane of its own here.
    case 'controller.elected': case 'syncStateSet.changed': case 'broker.roleChanged': return null;
  }
}
