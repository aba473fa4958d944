/**
 * Generated scenarios for the property tests: small topologies (1-2 NameServers, 1-3 brokers,
 * broker-a sometimes with one or two slaves, one topic with random counts and perms), 0-3
 * producers (some sending delayed messages) and 0-3 consumers with random modes, strategies and
 * tags, and random faults, over 30-120 s. Faults reach the situations where RocketMQ's parts meet:
 * controller mode with slaves, delayed messages and power-offs together, a SYNC_FLUSH or
 * in-sync-replica master, links cut between any two processes, a broker's write perm wiped and
 * added back on the NameServers (mqadmin wipeWritePerm / addWritePerm), and actions at the same
 * millisecond. Every one is a valid version-1 file (docs/scenario.md).
 */
import fc from 'fast-check';
import type { Scenario } from '../../src/model/spec.ts';
import { scenarioOf, type ScenarioJson } from '../support/test-sim.ts';

const BROKER_NAMES = ['broker-a', 'broker-b', 'broker-c'];
const TAGS = ['TagA', 'TagB', 'Aa', 'BB'];

const counts = fc.record({
  writeQueueNums: fc.integer({ min: 1, max: 8 }),
  readQueueNums: fc.integer({ min: 1, max: 8 }),
  // Mostly read-write; sometimes read only (4) or write only (2).
  perm: fc.constantFrom(6, 6, 6, 6, 6, 4, 2),
});

function topic(brokers: string[]): fc.Arbitrary<Record<string, unknown>> {
  const clusterMode = counts.map((c) => ({ name: 'TopicTest', ...c }));
  const brokerMode = fc.subarray(brokers, { minLength: 1 }).chain((names) =>
    fc.tuple(...names.map((name) => counts.map((c) => ({ name, ...c })))).map((placements) => ({ name: 'TopicTest', brokers: placements })));
  return fc.oneof(clusterMode, brokerMode);
}

const producer = (index: number) => fc.record({
  id: fc.constant(`p-${index + 1}`),
  group: fc.constant('PG'),
  // Now and then an undeclared topic: automatic creation from TBW102.
  topic: fc.constantFrom('TopicTest', 'TopicTest', 'TopicTest', 'NewTopic'),
  ratePerSec: fc.constantFrom(0.5, 1, 2, 5, 10),
  arrival: fc.constantFrom('constant', 'poisson'),
  tags: fc.subarray(TAGS),
  sendMode: fc.constantFrom('SYNC', 'SYNC', 'ASYNC', 'ONEWAY'),
  startAt: fc.integer({ min: 0, max: 10_000 }),
  // Delay levels 1-4 (1 s to 30 s): long enough for a fault to come while a message is parked.
  delayLevel: fc.constantFrom(0, 0, 0, 0, 0, 1, 2, 3, 4),
});

/**
 * A consumer group: what its consumers must share (check-clients.ts), and the allocation
 * strategy, which RocketMQ also expects one group to share (mixed strategies overlap).
 */
const group = (index: number) => fc.record({
  group: fc.constant(`CG-${index + 1}`),
  topic: fc.constant('TopicTest'),
  subscription: fc.constantFrom('*', '*', '*', '*', 'TagA', 'TagA || BB', 'Aa'),
  messageModel: fc.constantFrom('CLUSTERING', 'CLUSTERING', 'BROADCASTING'),
  allocateStrategy: fc.constantFrom('AVG', 'AVG_BY_CIRCLE', 'CONSISTENT_HASH'),
});

const consumerFields = fc.record({
  startAt: fc.integer({ min: 0, max: 20_000 }),
  consumeTimeMs: fc.constantFrom(1, 5, 20),
  failTags: fc.constantFrom([], [], ['TagB']),
  failureRate: fc.constantFrom(0, 0, 0.2),
});

interface Names {
  nameServers: string[];
  brokers: string[];
  producers: string[];
  consumers: string[];
  /** broker-a's slaves' brokerIds (1, or 1 and 2). */
  slaveIds: number[];
  /** Processes a link may join: NameServers, brokers (by brokerName) and clients. */
  processes: string[];
}

/** When an action happens: from `first` on, and time 0 itself often when `first` is 0. */
function actionTime(first: number, durationMs: number): fc.Arbitrary<number> {
  const any = fc.integer({ min: first, max: durationMs - 1 });
  return first === 0 ? fc.oneof(fc.constant(0), any) : any;
}

function fault(names: Names, durationMs: number, first: number): fc.Arbitrary<Record<string, unknown>> {
  const at = actionTime(first, durationMs);
  const broker = fc.constantFrom(...names.brokers);
  const nameServer = fc.constantFrom(...names.nameServers);
  const options: fc.Arbitrary<Record<string, unknown>>[] = [
    fc.record({ at, action: fc.constantFrom('crashBroker', 'powerOffBroker', 'partitionBroker', 'healPartition', 'shutdownBroker', 'startBroker'), target: broker }),
    // A power loss is the one fault that loses acknowledged messages: drawn more often, so that lost ones get explained.
    fc.record({ at, action: fc.constant('powerOffBroker'), target: broker }),
    fc.record({ at, action: fc.constantFrom('crashNameServer', 'startNameServer'), target: nameServer }),
    fc.record({ at, action: fc.constantFrom('partitionLink', 'partitionLink', 'healLink'), target: broker, peer: nameServer }),
    // A link cut between any two processes: a client and a broker, two brokers, a client and a NameServer.
    fc.tuple(at, fc.constantFrom('partitionLink', 'healLink'), fc.constantFrom(...names.processes), fc.constantFrom(...names.processes))
      .filter(([, , target, peer]) => target !== peer)
      .map(([when, action, target, peer]) => ({ at: when, action, target, peer })),
    fc.record({ at, action: fc.constant('updateTopic'), topic: fc.constant('TopicTest'), readQueueNums: fc.integer({ min: 1, max: 8 }), writeQueueNums: fc.integer({ min: 1, max: 8 }) }),
    // mqadmin wipeWritePerm / addWritePerm -b: on every NameServer, or (-n) on some of them in a drawn order.
    fc.record(
      { at, action: fc.constantFrom('wipeWritePerm', 'wipeWritePerm', 'addWritePerm'), target: broker, nameServers: fc.shuffledSubarray(names.nameServers, { minLength: 1 }) },
      { requiredKeys: ['at', 'action', 'target'] },
    ),
  ];
  if (names.slaveIds.length > 0) {
    options.push(fc.record({ at, action: fc.constantFrom('crashBroker', 'powerOffBroker', 'startBroker', 'partitionBroker', 'healPartition'), target: fc.constant('broker-a'), brokerId: fc.constantFrom(0, ...names.slaveIds) }));
  }
  if (names.consumers.length > 0) {
    options.push(fc.record({ at, action: fc.constantFrom('crashConsumer', 'hangConsumer', 'removeConsumer'), target: fc.constantFrom(...names.consumers) }));
  }
  if (names.producers.length > 0) {
    const target = fc.constantFrom(...names.producers);
    options.push(fc.record({ at, action: fc.constant('setProducerRate'), target, ratePerSec: fc.constantFrom(0, 1, 5) }));
    options.push(fc.record({ at, action: fc.constant('removeProducer'), target }));
  }
  return fc.oneof(...options);
}

/** A scenario file as JSON whose timeline actions happen at `firstActionAt` or later. */
function scenarioJsonFrom(firstActionAt: number): fc.Arbitrary<ScenarioJson> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 0xffff_ffff }),
      durationMs: fc.integer({ min: 30_000, max: 120_000 }),
      nameServerCount: fc.integer({ min: 1, max: 2 }),
      brokerCount: fc.integer({ min: 1, max: 3 }),
      producerCount: fc.integer({ min: 0, max: 3 }),
      consumerCount: fc.integer({ min: 0, max: 3 }),
      groupCount: fc.integer({ min: 1, max: 2 }),
      jitter: fc.constantFrom(0, 1, 3),
      rocketmqVersion: fc.constantFrom('5.x', '5.x', '4.x'),
      // Now and then broker-a has a slave, behind an ASYNC_MASTER or a SYNC_MASTER.
      slaveBehind: fc.constantFrom(null, null, 'ASYNC_MASTER', 'SYNC_MASTER'),
      // Now and then a second slave (brokerId 2), three replicas for controller mode to choose from.
      secondSlave: fc.constantFrom(false, false, true),
      // broker-a's master: how it flushes, and (5.x) how many replicas must hold a put.
      flushDiskType: fc.constantFrom('ASYNC_FLUSH', 'ASYNC_FLUSH', 'SYNC_FLUSH'),
      replicaRule: fc.constantFrom('none', 'none', 'none', 'inSyncReplicas', 'minInSyncReplicas', 'enableSlaveActingMaster'),
      // 5.x only: now and then controller mode, its controller inside the first NameServer or standalone.
      controllerMode: fc.constantFrom(false, false, true),
      controller: fc.constantFrom('namesrv', 'namesrv', 'standalone'),
      enableElectUncleanMaster: fc.constantFrom(false, false, false, true),
    })
    .chain((shape) => {
      const names: Names = {
        nameServers: Array.from({ length: shape.nameServerCount }, (_, i) => `ns-${i + 1}`),
        brokers: BROKER_NAMES.slice(0, shape.brokerCount),
        producers: Array.from({ length: shape.producerCount }, (_, i) => `p-${i + 1}`),
        consumers: Array.from({ length: shape.consumerCount }, (_, i) => `c-${i + 1}`),
        slaveIds: shape.slaveBehind === null ? [] : shape.secondSlave ? [1, 2] : [1],
        processes: [],
      };
      names.processes = [...names.nameServers, ...names.brokers, ...names.producers, ...names.consumers];
      const fiveX = shape.rocketmqVersion === '5.x';
      const controllerMode = shape.controllerMode && fiveX;
      const groups = fc.tuple(...Array.from({ length: shape.groupCount }, (_, i) => group(i)));
      const consumers = groups.chain((gs) => fc.record({
        initial: fc.tuple(...names.consumers.map((id) =>
          fc.tuple(fc.nat(gs.length - 1), consumerFields).map(([g, fields]) => ({ id, ...gs[g]!, ...fields })))),
        // Sometimes a consumer joins the first group during the run.
        late: fc.option(fc.tuple(actionTime(firstActionAt, shape.durationMs), consumerFields)
          .map(([at, fields]) => ({ at, action: 'addConsumer', consumer: { id: 'c-late', ...gs[0]!, ...fields } }))),
      }));
      return fc.tuple(topic(names.brokers), fc.tuple(...names.producers.map((_, i) => producer(i))), consumers, faults(names, shape.durationMs, firstActionAt))
        .map(([topicJson, producers, clients, timeline]) => ({
          version: 1,
          seed: shape.seed,
          durationMs: shape.durationMs,
          config: {
            networkJitterMs: shape.jitter, rocketmqVersion: shape.rocketmqVersion,
            ...(controllerMode ? { enableControllerMode: true, enableControllerInNamesrv: shape.controller === 'namesrv', enableElectUncleanMaster: shape.enableElectUncleanMaster } : {}),
          },
          nameServers: names.nameServers.map((id) => ({ id })),
          ...(controllerMode && shape.controller === 'standalone' ? { controllers: [{ id: 'controller-1' }] } : {}),
          brokers: [
            ...(shape.slaveBehind === null ? [{ name: 'broker-a' }] : [
              { name: 'broker-a', role: shape.slaveBehind, flushDiskType: shape.flushDiskType, ...replicaRule(shape.replicaRule, shape.slaveBehind, fiveX, controllerMode) },
              ...names.slaveIds.map((brokerId) => ({ name: 'broker-a', brokerId, role: 'SLAVE' })),
            ]),
            ...names.brokers.slice(1).map((name) => ({ name })),
          ],
          topics: [topicJson],
          producers,
          consumers: clients.initial,
          timeline: clients.late === null ? timeline : [...timeline, clients.late],
        }));
    });
}

/** Up to 4 faults; now and then one at the same millisecond as the one before (applied in file order). */
function faults(names: Names, durationMs: number, first: number): fc.Arbitrary<Record<string, unknown>[]> {
  return fc.array(fc.tuple(fault(names, durationMs, first), fc.constantFrom(false, false, true)), { maxLength: 4 })
    .map((drawn) => drawn.reduce<Record<string, unknown>[]>((timeline, [action, sameTime]) => {
      const previous = timeline.at(-1);
      return [...timeline, sameTime && previous ? { ...action, at: previous.at } : action];
    }, []));
}

/** broker-a's master's replica rule, where the file format takes it (docs/scenario.md, brokers[]). */
function replicaRule(rule: string, role: string, fiveX: boolean, controllerMode: boolean): Record<string, unknown> {
  if (rule === 'inSyncReplicas' && fiveX && role === 'SYNC_MASTER') return { inSyncReplicas: 2 };
  if (rule === 'minInSyncReplicas' && controllerMode) return { minInSyncReplicas: 2 };
  if (rule === 'enableSlaveActingMaster' && fiveX && role === 'SYNC_MASTER') return { enableSlaveActingMaster: true, inSyncReplicas: 2 };
  return {};
}

/** A scenario file as JSON, with its faults from 1 s on. */
const scenarioJson: fc.Arbitrary<ScenarioJson> = scenarioJsonFrom(1_000);

/** The same with faults at any time, 0:00 often among them (a fault at 0:00 is an ordinary fault). */
export const scenarioJsonWithActionsAtZero: fc.Arbitrary<ScenarioJson> = scenarioJsonFrom(0);

/** The same, validated (with every default filled). */
export const scenario: fc.Arbitrary<Scenario> = scenarioJson.map((json) => scenarioOf(json));

/**
 * fast-check options with `numRuns` runs, or ROCKETSCOPE_PROPERTY_RUNS for a deeper search
 * (for example `ROCKETSCOPE_PROPERTY_RUNS=500 npx vitest run test/property`).
 */
export function runs(numRuns: number): { numRuns: number } {
  const override = Number(process.env.ROCKETSCOPE_PROPERTY_RUNS);
  return { numRuns: Number.isInteger(override) && override > 0 ? override : numRuns };
}

/** Per-test time limit: generous, since ROCKETSCOPE_PROPERTY_RUNS may ask for many runs. */
export const PROPERTY_TIMEOUT_MS = 600_000;
