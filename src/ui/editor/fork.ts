/**
 * What a knob change does to the scenario file as written. At 0:00 it edits the scenario
 * itself; later it forks the run: the change becomes timeline actions at the current time
 * (updateTopic, setProducerRate, addConsumer, removeConsumer, a fault), so everything before
 * that moment happens exactly as it did (Runway's branches, RaftScope's "act in the past").
 * Pure functions over plain data: the editor and the tests call them alike.
 */
import { brokerRoles, dict, everyConsumer, type AllocateStrategyName, type Scenario, type TimelineActionName, type ModelState } from '../../sim/index.ts';
import { freshId } from '../../sim/queries/what-if-redeploy.ts';
import { problem } from '../../scenario/issues.ts';
import { integerRange } from '../../scenario/messages.ts';
import { LISTS } from '../../scenario/schema.ts';
import type { ValidationError } from '../../scenario/validate.ts';

interface TopicKnobs {
  writeQueueNums: number;
  readQueueNums: number;
  perm: number;
}

interface GroupKnobs {
  count: number;
  allocateStrategy: AllocateStrategyName;
}

export interface Knobs {
  topics: Record<string, TopicKnobs>;
  groups: Record<string, GroupKnobs>;
  producers: Record<string, { ratePerSec: number }>;
}

/** The strategies a knob offers: CONFIG and MACHINE_ROOM need lists only the JSON can give. */
export const KNOB_STRATEGIES: readonly AllocateStrategyName[] = ['AVG', 'AVG_BY_CIRCLE', 'CONSISTENT_HASH'];

export const FAULT_ACTIONS = [
  'crashBroker', 'powerOffBroker', 'partitionBroker', 'healPartition', 'shutdownBroker', 'startBroker', 'crashNameServer', 'startNameServer',
  'crashConsumer', 'hangConsumer', 'partitionLink', 'healLink', 'wipeWritePerm', 'addWritePerm',
] as const satisfies readonly TimelineActionName[];
export type FaultAction = (typeof FAULT_ACTIONS)[number];

/** A process a fault may name: `id` is how the editor lists it (a slave as `broker-a/1`), the rest what the timeline entry says. */
export interface FaultTarget {
  id: string;
  target: string;
  /** A broker fault on a slave (docs/scenario.md: brokerId on a broker action). */
  brokerId?: number;
}

/** The actions between two processes: a peer is chosen besides the target. */
export function isLinkAction(action: FaultAction): action is 'partitionLink' | 'healLink' {
  return action === 'partitionLink' || action === 'healLink';
}

type RawObject = Record<string, unknown>;
type RawScenario = RawObject & { topics?: RawObject[]; producers?: RawObject[]; consumers?: RawObject[]; timeline?: RawObject[] };

/** The consumers that count as a group's members at `atMs`: all of them before anything ran. */
function groupMembers(scenario: Scenario, state: Readonly<ModelState>, group: string, atMs: number): string[] {
  if (atMs === 0) return scenario.consumers.filter((c) => c.group === group).map((c) => c.id);
  return Object.values(state.clients)
    .filter((client) => client.kind === 'consumer' && client.spec.group === group && client.status === 'running')
    .map((client) => client.id);
}

/** The knobs' values in the run at `atMs` (after every change made up to then). */
export function currentKnobs(scenario: Scenario, state: Readonly<ModelState>, atMs: number): Knobs {
  const topics: Knobs['topics'] = dict();
  const roles = brokerRoles(state);
  for (const topic of scenario.topics) {
    // The master now: after a controller election the declared one may be a cut-off old master.
    const master = Object.values(state.brokers).find((b) => roles.role[b.node] === 'master' && b.topicConfigTable[topic.name]);
    const config = atMs > 0 ? master?.topicConfigTable[topic.name] : undefined;
    const placed = topic.brokers?.[0];
    topics[topic.name] = config
      ? { writeQueueNums: config.writeQueueNums, readQueueNums: config.readQueueNums, perm: config.perm }
      : { writeQueueNums: placed?.writeQueueNums ?? topic.writeQueueNums, readQueueNums: placed?.readQueueNums ?? topic.readQueueNums, perm: placed?.perm ?? topic.perm };
  }
  const groups: Knobs['groups'] = dict();
  const allConsumers = everyConsumer(scenario);
  for (const consumer of allConsumers) {
    if (groups[consumer.group]) continue;
    const members = groupMembers(scenario, state, consumer.group, atMs);
    const live = members.map((id) => state.clients[id]).find((client) => client?.kind === 'consumer');
    const strategy = live?.kind === 'consumer' ? live.spec.allocateStrategy : consumer.allocateStrategy;
    groups[consumer.group] = { count: members.length, allocateStrategy: strategy };
  }
  const producers: Knobs['producers'] = dict();
  for (const producer of scenario.producers) {
    const live = state.clients[producer.id];
    producers[producer.id] = { ratePerSec: atMs > 0 && live?.kind === 'producer' ? live.ratePerSec : producer.ratePerSec };
  }
  return { topics, groups, producers };
}

/**
 * The knobs the scenario's validation cannot judge. Queue counts, perm and rates reach the file as
 * typed and are refused there by path; a group's size does not (it becomes consumers added or
 * removed), so it is checked here against the scenario's bound on consumers (check-clients.ts),
 * which the validation then applies to the total. Checking first also keeps a huge count from
 * building that many consumers.
 */
export function knobProblems(knobs: Knobs): ValidationError[] {
  const max = LISTS.consumers.max;
  const rule = integerRange(0, max, {
    en: `a scenario holds at most ${max} consumers, counting those added in the timeline`,
    zh: `一个场景最多 ${max} 个消费者，包括时间线中加入的`,
  });
  return Object.entries(knobs.groups)
    .filter(([, { count }]) => !Number.isInteger(count) || count < 0 || count > max)
    .map(([group]) => problem(['groups', group, 'consumers'], rule));
}

/** A knob a problem of the file is about: the topic, group or producer it belongs to and the knob's field. */
interface KnobAt { owner: string; field: keyof TopicKnobs | keyof GroupKnobs | 'ratePerSec' }

/** A knob's field in a path of the file (a per-broker topic's too: topics[0].brokers[1].readQueueNums). */
const KNOB_PATH = /^(topics|producers|timeline)\[(\d+)\](?:\.brokers\[\d+\])?\.(writeQueueNums|readQueueNums|perm|ratePerSec)$/;

/**
 * The knob a problem of `file` names by its path, or undefined for a path no knob writes: the form
 * says "readQueueNums of TopicTest", where the path was topics[0].readQueueNums or timeline[3].readQueueNums.
 * knobProblems names a group's size by the group (groups.G.consumers).
 */
export function knobAt(file: unknown, path: string): KnobAt | undefined {
  const group = /^groups\.(.+)\.consumers$/.exec(path);
  if (group) return { owner: group[1]!, field: 'count' };
  const found = KNOB_PATH.exec(path);
  if (!found) return undefined;
  const [, list, index, field] = found as unknown as [string, 'topics' | 'producers' | 'timeline', string, KnobAt['field']];
  const entry = (file as RawScenario)[list]?.[Number(index)];
  // A topic by its name, a producer by its id (not the topic it sends to), an updateTopic by its topic, a setProducerRate by its target.
  const owner = list === 'topics' ? entry?.name : list === 'producers' ? entry?.id : entry?.topic ?? entry?.target;
  return typeof owner === 'string' ? { owner, field } : undefined;
}

function clone(source: unknown): RawScenario {
  return structuredClone(source) as RawScenario;
}

/** Every client id in the file: initial ones and those the timeline adds. */
function clientIds(raw: RawScenario): Set<string> {
  const ids = new Set<string>();
  for (const client of [...(raw.producers ?? []), ...(raw.consumers ?? [])]) ids.add(String(client.id));
  for (const action of raw.timeline ?? []) {
    const added = (action.consumer ?? action.producer) as RawObject | undefined;
    if (added) ids.add(String(added.id));
  }
  return ids;
}

/** A group's consumer as written (initial or added), to copy for a new member (its id only names the next one). */
function consumerTemplate(raw: RawScenario, group: string): RawObject | undefined {
  const initial = (raw.consumers ?? []).find((c) => c.group === group);
  const added = (raw.timeline ?? []).map((a) => a.consumer as RawObject | undefined).find((c) => c?.group === group);
  const template = initial ?? added;
  if (!template) return undefined;
  // A new member has its own id, start, address and instance name (filled by defaults).
  const copy = structuredClone(template);
  for (const own of ['startAt', 'ip', 'instanceName']) delete copy[own];
  return copy;
}

function editTopicInPlace(raw: RawScenario, name: string, values: Partial<TopicKnobs>): void {
  const topic = (raw.topics ?? []).find((t) => t.name === name);
  if (!topic) return;
  const targets = Array.isArray(topic.brokers) ? (topic.brokers as RawObject[]) : [topic];
  for (const target of targets) Object.assign(target, values);
}

function changed<T extends object>(before: T, after: T): Partial<T> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key as keyof T] !== value)) as Partial<T>;
}

/**
 * The file after the knobs went from `before` to `after` at `atMs`. Returns null when nothing
 * changed.
 */
export function applyKnobs(source: unknown, scenario: Scenario, state: Readonly<ModelState>, before: Knobs, after: Knobs, atMs: number): unknown {
  const raw = clone(source);
  const actions: RawObject[] = [];
  const at = Math.round(atMs);
  for (const [name, values] of Object.entries(after.topics)) {
    const diff = changed(before.topics[name] ?? values, values);
    if (Object.keys(diff).length === 0) continue;
    if (at === 0) editTopicInPlace(raw, name, diff);
    else actions.push({ at, action: 'updateTopic', topic: name, ...diff });
  }
  for (const [id, { ratePerSec }] of Object.entries(after.producers)) {
    if (before.producers[id]?.ratePerSec === ratePerSec) continue;
    const initial = at === 0 ? (raw.producers ?? []).find((p) => p.id === id) : undefined;
    if (initial) initial.ratePerSec = ratePerSec;
    else actions.push({ at, action: 'setProducerRate', target: id, ratePerSec });
  }
  for (const [group, values] of Object.entries(after.groups)) {
    const previous = before.groups[group];
    if (!previous || (previous.count === values.count && previous.allocateStrategy === values.allocateStrategy)) continue;
    if (at === 0) editGroupInPlace(raw, group, values);
    else actions.push(...forkGroup(raw, group, groupMembers(scenario, state, group, at), previous, values, at));
  }
  if (actions.length === 0 && JSON.stringify(raw) === JSON.stringify(source)) return null;
  raw.timeline = [...(raw.timeline ?? []), ...actions];
  return raw;
}

/** At 0:00: the group's consumers in the file are added, removed or given the new strategy. */
function editGroupInPlace(raw: RawScenario, group: string, values: GroupKnobs): void {
  const consumers = raw.consumers ?? [];
  const members = consumers.filter((c) => c.group === group);
  for (const action of raw.timeline ?? []) {
    const added = action.consumer as RawObject | undefined;
    if (added?.group === group) added.allocateStrategy = values.allocateStrategy;
  }
  for (const member of members) member.allocateStrategy = values.allocateStrategy;
  const taken = clientIds(raw);
  const template = consumerTemplate(raw, group);
  for (let n = members.length; n < values.count && template; n++) {
    consumers.push({ ...structuredClone(template), id: freshId(String(template.id), taken), allocateStrategy: values.allocateStrategy });
  }
  const removed = new Set(members.slice(values.count).map((c) => c.id));
  raw.consumers = consumers.filter((c) => !removed.has(c.id));
}

/**
 * Later: new members join with addConsumer, the last members leave with removeConsumer. A
 * running consumer cannot change strategy, so a new strategy replaces the whole group (a
 * redeploy), the way an operator would change it.
 */
function forkGroup(raw: RawScenario, group: string, members: string[], before: GroupKnobs, after: GroupKnobs, at: number): RawObject[] {
  const template = consumerTemplate(raw, group);
  const taken = clientIds(raw);
  const restart = before.allocateStrategy !== after.allocateStrategy;
  const leaving = restart ? members : members.slice(after.count);
  const joining = restart ? after.count : Math.max(0, after.count - members.length);
  const actions: RawObject[] = leaving.map((id) => ({ at, action: 'removeConsumer', target: id }));
  for (let n = 0; n < joining && template; n++) {
    const consumer = { ...structuredClone(template), id: freshId(String(template.id), taken), allocateStrategy: after.allocateStrategy };
    actions.push({ at, action: 'addConsumer', consumer });
  }
  return actions;
}

/** The file with one more fault at `atMs`; a link's fault names its `peer` too. */
export function addFault(source: unknown, action: FaultAction, target: FaultTarget, atMs: number, peer?: FaultTarget): unknown {
  const raw = clone(source);
  const entry = isLinkAction(action)
    ? { target: target.id, peer: peer?.id }
    : { target: target.target, ...(target.brokerId === undefined ? {} : { brokerId: target.brokerId }) };
  raw.timeline = [...(raw.timeline ?? []), { at: Math.round(atMs), action, ...entry }];
  return raw;
}

/** Each broker process: its master by brokerName, a slave as `brokerName/brokerId`, as partitionLink names them. */
function brokerTargets(scenario: Scenario): FaultTarget[] {
  const seen = new Set<string>();
  return scenario.brokers.flatMap((broker) => {
    const target: FaultTarget = broker.brokerId === 0 ? { id: broker.name, target: broker.name } : { id: `${broker.name}/${broker.brokerId}`, target: broker.name, brokerId: broker.brokerId };
    if (seen.has(target.id)) return [];
    seen.add(target.id);
    return [target];
  });
}

const named = (id: string): FaultTarget => ({ id, target: id });

/** The other end a link's fault may name with `target`: any other process, but not a client for a client (two clients never talk to each other). */
export function linkPeers(targets: readonly FaultTarget[], target: FaultTarget | undefined, state: Readonly<ModelState>): FaultTarget[] {
  const isClient = (option: FaultTarget | undefined) => option !== undefined && option.brokerId === undefined && state.clients[option.id] !== undefined;
  return targets.filter((option) => option !== target && !(isClient(target) && isClient(option)));
}

/**
 * What a fault action may name: NameServers, running consumers, broker processes (a master by its
 * brokerName, a slave too: cutting a SYNC_MASTER's slave off is what decides its answers), or for
 * a link any two processes (a master and its slave, say).
 */
export function faultTargets(action: FaultAction, scenario: Scenario, state: Readonly<ModelState>): FaultTarget[] {
  if (action === 'crashNameServer' || action === 'startNameServer') return scenario.nameServers.map((ns) => named(ns.id));
  if (action === 'crashConsumer' || action === 'hangConsumer') {
    return Object.values(state.clients).filter((c) => c.kind === 'consumer' && c.status === 'running').map((c) => named(c.id));
  }
  if (isLinkAction(action)) return [...scenario.nameServers.map((ns) => named(ns.id)), ...brokerTargets(scenario), ...Object.keys(state.clients).map(named)];
  // mqadmin -b names a brokerName, on every NameServer: no slave of its own.
  if (action === 'wipeWritePerm' || action === 'addWritePerm') return [...new Set(scenario.brokers.map((broker) => broker.name))].map(named);
  return brokerTargets(scenario);
}
