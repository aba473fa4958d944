/**
 * One setting changed for a what-if fork (docs/links.md, key `w`): `{ at, path, value }`. Where
 * RocketMQ can change it on a running cluster, the fork starts at `at` and the runs are the same
 * until then; where it cannot, the changed run is a cluster started with the new value:
 *
 * - `topics.<topic>.writeQueueNums | readQueueNums | perm`: mqadmin updateTopic at `at`.
 * - `groups.<group>.allocateStrategy`: the group redeployed at `at` (what-if-redeploy.ts).
 * - `groups.<group>.consumers`: consumers started or shut down at `at` (what-if-consumers.ts).
 * - `producers.<id>.ratePerSec`: the producer's send rate from `at` (the workload, not a setting).
 * - `producers.<id>.sendMode`: SYNC, ASYNC or ONEWAY, the call the application makes (send,
 *   send with a callback, sendOneway): read at every send, from 0:00 here.
 * - `config.<key>`, `brokers.<brokerName>.role | flushDiskType | slaveReadEnable` (the last on the
 *   name's slaves): RocketMQ reads these when a
 *   process starts (the scheduled tasks of NamesrvController, BrokerController and
 *   MQClientInstance are scheduled once at start; MessageStoreConfig is read by the store), or
 *   the simulation has no way to change them mid-run: from 0:00, and the first difference shows
 *   when it first mattered. `WhatIfEffect` says which, so the page can say it in words.
 *
 * The result is validated like any scenario file, so a value out of range is refused with the
 * validator's message. Any name in the path is just a name: it is looked up, never evaluated.
 */
import { isTopicField, updateTopicCommands, type TopicField } from './update-topic-command.ts';
import { ROCKETMQ_4X_OVERRIDES, ROCKETMQ_DEFAULTS, type ConfigKey } from '../../model/defaults.ts';
import type { Scenario } from '../../model/spec.ts';
import { quote, type Said } from '../../scenario/messages.ts';
import { fromHex, toHex } from '../../scenario/selection-link.ts';
import { validateScenario } from '../../scenario/validate.ts';
import { noGroup, resizeGroup } from './what-if-consumers.ts';
import { redeployGroup } from './what-if-redeploy.ts';

export interface WhatIfChange {
  /** The moment of the fork (ms). */
  at: number;
  path: string;
  /** A boolean only for a boolean config key (sendLatencyFaultEnable, ...). */
  value: number | string | boolean;
}

/**
 * How the change reaches the run. At `at`: `updateTopic`, `redeploy` (how many running consumers
 * were replaced), `consumers` (how many were started or shut down) and `producerRate`. From 0:00, with who reads the setting: `nameServer`,
 * `broker` or `client` (a task scheduled when the process starts), `store` (the broker's
 * MessageStoreConfig), `send` (read at every send: an application could change it on a running
 * producer, the simulation cannot), `pull` (read at every pull: mqadmin updateBrokerConfig could
 * change it on a running broker, the simulation cannot), `version` (another build: an upgrade
 * restarts every process), `process` (any other start-up setting).
 */
export type WhatIfEffect =
  | { how: 'updateTopic'; field: TopicField; commands: string[] }
  | { how: 'producerRate' }
  | { how: 'redeploy'; replaced: number }
  | { how: 'consumers'; added: number; removed: number }
  | { how: 'fromStart'; reader: 'nameServer' | 'broker' | 'client' | 'store' | 'send' | 'pull' | 'version' | 'process' };

export type AppliedChange = { ok: true; scenario: Scenario; effectiveAtMs: number; effect: WhatIfEffect } | { ok: false; message: Said };

export type FromStartReader = Extract<WhatIfEffect, { how: 'fromStart' }>['reader'];

/** Who reads each config key a what-if offers (src/ui/insight/what-if/what-if-config.ts); any other is a `process` setting. */
const CONFIG_READERS: Partial<Record<ConfigKey, FromStartReader>> = {
  // NamesrvController: scanNotActiveBroker scheduled at a fixed rate when the NameServer starts.
  scanNotActiveBrokerIntervalMs: 'nameServer',
  // BrokerController.start: registerBrokerAll scheduled every registerNameServerPeriod.
  brokerHeartbeatIntervalMs: 'broker',
  // MQClientInstance.startScheduledTask: route pulls, heartbeats and offset persistence; RebalanceService's wait interval.
  pollNameServerIntervalMs: 'client',
  clientHeartbeatIntervalMs: 'client',
  persistConsumerOffsetIntervalMs: 'client',
  rebalanceIntervalMs: 'client',
  rebalanceMinIntervalMs: 'client',
  // DefaultMQProducerImpl.sendDefaultImpl reads these at every send: the retries, the timeout, whether a
  // retry after a store that is not SEND_OK goes on, and (MQFaultStrategy.selectOneMessageQueue) whether
  // brokers that failed or answered slowly are avoided; MQClientAPIImpl.sendMessageAsync reads the async retries.
  retryTimesWhenSendFailed: 'send',
  retryTimesWhenSendAsyncFailed: 'send',
  sendMsgTimeoutMs: 'send',
  retryAnotherBrokerWhenNotStoreOK: 'send',
  sendLatencyFaultEnable: 'send',
  // MessageStoreConfig: the flush services, the wait for the slaves' acks and the HA client.
  flushIntervalCommitLogMs: 'store',
  flushCommitLogLeastPages: 'store',
  flushCommitLogThoroughIntervalMs: 'store',
  syncFlushTimeoutMs: 'store',
  slaveTimeoutMs: 'store',
  haSendHeartbeatIntervalMs: 'store',
  haHousekeepingIntervalMs: 'store',
  haMaxGapNotInSyncBytes: 'store',
  haMaxTimeSlaveNotCatchupMs: 'store',
  // BrokerController.start in controller mode: scheduleSendHeartbeat and ReplicasManager's two tasks.
  controllerHeartbeatIntervalMs: 'broker',
  syncBrokerMetadataPeriodMs: 'broker',
  checkSyncStateSetPeriodMs: 'broker',
  rocketmqVersion: 'version',
};

const BROKER_FIELDS = ['role', 'flushDiskType', 'slaveReadEnable'] as const;

/** Before the change is made: whether it will fork at its moment, or who reads it at start-up (null: not a setting). */
export function plannedEffect(path: string): 'atMoment' | FromStartReader | null {
  const parts = splitPath(path);
  if (!parts) return null;
  const [section, name, field] = parts;
  if (section === 'config' && name === '') return isConfigKey(field) ? CONFIG_READERS[field] ?? 'process' : null;
  if (section === 'topics' && isTopicField(field)) return 'atMoment';
  if ((section === 'groups' && (field === 'allocateStrategy' || field === 'consumers')) || (section === 'producers' && field === 'ratePerSec')) return 'atMoment';
  if (section === 'producers' && field === 'sendMode') return 'send';
  if (section === 'brokers' && (BROKER_FIELDS as readonly string[]).includes(field)) return brokerReader(field);
  return null;
}

/** A what-if change read from anything (a link, a form): null when it is not one. */
export function readWhatIfChange(input: unknown): WhatIfChange | null {
  if (typeof input !== 'object' || input === null) return null;
  const { at, path, value } = input as Record<string, unknown>;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) return null;
  if (typeof path !== 'string' || path.length > 300) return null;
  if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') return null;
  return { at, path, value };
}

/** `a.b.c` split at its first two dots: the middle part is a name and may hold dots itself. */
function splitPath(path: string): [string, string, string] | null {
  const first = path.indexOf('.');
  const last = path.lastIndexOf('.');
  if (first < 0) return null;
  if (first === last) return [path.slice(0, first), '', path.slice(first + 1)];
  return [path.slice(0, first), path.slice(first + 1, last), path.slice(last + 1)];
}

type Item = Record<string, unknown>;
interface Raw { config: Item; topics: Item[]; brokers: Item[]; producers: Item[]; consumers: Item[]; timeline: Item[] }

function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(ROCKETMQ_DEFAULTS, key);
}

/** A version switch also switches the defaults that changed between 4.x and 5.x, where the run kept the old default. */
function setVersion(config: Record<string, unknown>, value: string): void {
  const from = config.rocketmqVersion === '4.x' ? ROCKETMQ_4X_OVERRIDES : ROCKETMQ_DEFAULTS;
  const to = value === '4.x' ? ROCKETMQ_4X_OVERRIDES : ROCKETMQ_DEFAULTS;
  for (const key of Object.keys(ROCKETMQ_4X_OVERRIDES) as ConfigKey[]) {
    if (config[key] === from[key]) config[key] = to[key];
  }
  config.rocketmqVersion = value;
}

interface Effect {
  effectiveAtMs: number;
  effect: WhatIfEffect;
}

/** Which of a brokerName's processes a broker field is set on: the role on the master, slaveReadEnable on the slaves (PullMessageProcessor.rejectRequest asks the slave's own), the flush on all. */
function brokerHolds(field: string, slave: boolean): boolean {
  return field === 'flushDiskType' || (field === 'slaveReadEnable') === slave;
}

/** slaveReadEnable is read at every pull; the role and the flush by the store as the broker starts. */
function brokerReader(field: string): FromStartReader {
  return field === 'slaveReadEnable' ? 'pull' : 'store';
}

function fromStart(reader: FromStartReader): Effect {
  return { effectiveAtMs: 0, effect: { how: 'fromStart', reader } };
}

/** A producer as the file declares it, in its producers or added by the timeline, and when it starts; null when no producer has the id. */
function producerItem(raw: Raw, id: string): { item: Item; startsAt: number } | null {
  const initial = raw.producers.find((producer) => producer.id === id);
  if (initial) return { item: initial, startsAt: Number(initial.startAt ?? 0) };
  const added = raw.timeline.find((action) => action.action === 'addProducer' && (action.producer as Item | undefined)?.id === id);
  return added ? { item: added.producer as Item, startsAt: Math.max(Number(added.at), Number((added.producer as Item).startAt ?? 0)) } : null;
}

const noProducer = (id: string): Said => ({ en: `no producer has id ${quote(id)}`, zh: `没有 id 为 ${quote(id)} 的生产者` });

/** A producer's rate from `at`; before the producer starts (or at 0:00), the rate it starts with. */
function editProducerRate(raw: Raw, id: string, value: WhatIfChange['value'], at: number): Effect | Said {
  const producer = producerItem(raw, id);
  if (!producer) return noProducer(id);
  if (at === 0 || producer.startsAt >= at) {
    producer.item.ratePerSec = value;
    return { effectiveAtMs: producer.startsAt, effect: { how: 'producerRate' } };
  }
  raw.timeline.push({ at, action: 'setProducerRate', target: id, ratePerSec: value });
  return { effectiveAtMs: at, effect: { how: 'producerRate' } };
}

/** A producer's send mode from its start. */
function editSendMode(raw: Raw, id: string, value: WhatIfChange['value']): Effect | Said {
  const producer = producerItem(raw, id);
  if (!producer) return noProducer(id);
  producer.item.sendMode = value;
  return fromStart('send');
}

/** Edits the scenario file in place; returns when and how the change takes effect, or a message. */
function edit(raw: Raw, change: WhatIfChange, scenario: Scenario): Effect | Said {
  const parts = splitPath(change.path);
  if (!parts) {
    const use = 'config.<key>, topics.<topic>.<field>, groups.<group>.allocateStrategy | .consumers, producers.<id>.ratePerSec | .sendMode, brokers.<broker>.<field>';
    return { en: `${quote(change.path)} is not a setting: use ${use}`, zh: `${quote(change.path)} 不是一个设置：可用 ${use}` };
  }
  const [section, name, field] = parts;
  if (section === 'config' && name === '') {
    if (!isConfigKey(field)) return { en: `config has no key ${quote(field)}`, zh: `config 中没有 ${quote(field)} 这个键` };
    const type = typeof ROCKETMQ_DEFAULTS[field];
    if (type !== typeof change.value) {
      const takes = type === 'boolean' ? 'true or false' : `a ${type}`;
      return { en: `config.${field} takes ${takes}`, zh: `config.${field} 的值是 ${type === 'boolean' ? 'true 或 false' : type}` };
    }
    if (field === 'rocketmqVersion') setVersion(raw.config, String(change.value));
    else raw.config[field] = change.value;
    return fromStart(CONFIG_READERS[field] ?? 'process');
  }
  if (section === 'topics' && isTopicField(field)) {
    if (!raw.topics.some((topic) => topic.name === name)) return { en: `no topic named ${quote(name)}`, zh: `没有名为 ${quote(name)} 的主题` };
    raw.timeline.push({ at: change.at, action: 'updateTopic', topic: name, [field]: change.value });
    const commands = updateTopicCommands(scenario, name, field, Number(change.value), change.at);
    return { effectiveAtMs: change.at, effect: { how: 'updateTopic', field, commands } };
  }
  if (section === 'groups' && field === 'allocateStrategy') {
    const replaced = redeployGroup(raw, name, change.value, change.at);
    if (replaced === null) return noGroup(name);
    return { effectiveAtMs: change.at, effect: { how: 'redeploy', replaced } };
  }
  if (section === 'groups' && field === 'consumers') {
    const resized = resizeGroup(raw, name, change.value, change.at);
    return 'en' in resized ? resized : { effectiveAtMs: change.at, effect: { how: 'consumers', ...resized } };
  }
  if (section === 'producers' && field === 'ratePerSec') return editProducerRate(raw, name, change.value, change.at);
  if (section === 'producers' && field === 'sendMode') return editSendMode(raw, name, change.value);
  if (section === 'brokers' && (BROKER_FIELDS as readonly string[]).includes(field)) {
    if (field === 'role' && raw.config.enableControllerMode === true) {
      return {
        en: `in controller mode the controller decides which broker of ${quote(name)} is master, and every master is SYNC_MASTER (ReplicasManager.changeToMaster): its role cannot be changed`,
        zh: `在 Controller 模式下，由 controller 决定 ${quote(name)} 的哪个 Broker 是 Master，且每个 Master 都是 SYNC_MASTER（ReplicasManager.changeToMaster）：不能修改它的角色`,
      };
    }
    const brokers = raw.brokers.filter((broker) => broker.name === name && brokerHolds(field, broker.brokerId !== 0));
    if (brokers.length === 0 && field === 'slaveReadEnable') return { en: `no broker named ${quote(name)} has a slave`, zh: `没有名为 ${quote(name)} 且带 Slave 的 Broker` };
    if (brokers.length === 0) return { en: `no broker named ${quote(name)}`, zh: `没有名为 ${quote(name)} 的 Broker` };
    for (const broker of brokers) broker[field] = change.value;
    return fromStart(brokerReader(field));
  }
  return { en: `${quote(change.path)} is not a setting a what-if can change`, zh: `${quote(change.path)} 不是 what-if 能修改的设置` };
}

/** The scenario with the change made, validated as a file would be. */
export function applyWhatIf(scenario: Scenario, change: WhatIfChange): AppliedChange {
  const raw = structuredClone(scenario) as unknown as Raw;
  const edited = edit(raw, change, scenario);
  if ('en' in edited) return { ok: false, message: edited };
  const result = validateScenario(raw);
  if (!result.ok) {
    const shown = result.errors.slice(0, 3);
    return { ok: false, message: { en: shown.map((e) => `${e.path}: ${e.message}`).join('; '), zh: shown.map((e) => `${e.path}: ${e.zh}`).join('；') } };
  }
  return { ok: true, scenario: result.scenario, ...edited };
}

/** A what-if as the share link carries it: the change, and up to when both runs are compared (null: the page's span past the fork). */
export interface AskedWhatIf {
  change: WhatIfChange;
  untilMs: number | null;
}

/**
 * The what-if as the share link's `w` carries it (docs/links.md): `<at>~<path>~<value>`, e.g.
 * `40000~topics.TopicTest.readQueueNums~8`, or `<at>-<until>~<path>~<value>` when both runs are
 * compared up to `until` (ms). `~` is not percent-encoded by browsers or chat tools. A name of
 * other characters than PLAIN_NAME's is written as hex: `<section>~<hex>~<field>` (pathToLink).
 */
export function whatIfToLink(change: WhatIfChange, untilMs: number | null = null): string {
  return `${change.at}${untilMs === null ? '' : `-${untilMs}`}~${pathToLink(change.path)}~${change.value}`;
}

/** A link's `w`, or null when it is not one (then the link opens without a what-if). */
export function whatIfFromLink(text: string | undefined): AskedWhatIf | null {
  const match = text === undefined ? null : /^(\d{1,9})(?:-(\d{1,9}))?~(.+)~([^~]*)$/.exec(text);
  if (!match) return null;
  const [, at, until, written, value] = match as unknown as [string, string, string | undefined, string, string];
  const path = pathFromLink(written);
  const change = path === null ? null : readWhatIfChange({ at: Number(at), path, value: whatIfValue(path, value) });
  return change && { change, untilMs: until === undefined ? null : Number(until) };
}

/**
 * Names a link carries as they are: characters that neither encodeURIComponent nor chat tools
 * change, and that the page's cleaning of a fragment (cleanFragment: `%25`, `%26`, `%3d`, `%23`
 * undone over the whole of it) cannot turn into another name.
 */
const PLAIN_NAME = /^[A-Za-z0-9_.-]+$/;
/** `<section>~<hex>~<field>`: an older build read this as no setting at all (a section holding `~`), so every link that opened a what-if still opens it. */
const HEX_PATH = /^([a-z]+)~([0-9a-f]+)~([A-Za-z]+)$/;

/** A path for `w`: as it is when its name is plain (or it has none, as `config.<key>`), else with the name as hex like `sel`'s names. */
function pathToLink(path: string): string {
  const parts = splitPath(path);
  if (!parts || parts[1] === '' || PLAIN_NAME.test(parts[1])) return path;
  const [section, name, field] = parts;
  return `${section}~${toHex(name)}~${field}`;
}

/** pathToLink undone; null when the hex is not a name (odd, or not UTF-8). */
function pathFromLink(written: string): string | null {
  const hex = HEX_PATH.exec(written);
  if (!hex) return written;
  const [, section, name, field] = hex as unknown as [string, string, string, string];
  const decoded = fromHex(name);
  return decoded === null ? null : `${section}.${decoded}.${field}`;
}

/**
 * A value as a link (or the form) writes it, read for its setting: digits are a number, `true` and
 * `false` a boolean where the setting is a boolean (a config key, a broker's slaveReadEnable), any other text a word.
 */
export function whatIfValue(path: string, text: string): number | string | boolean {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const parts = splitPath(path);
  const key = parts && parts[0] === 'config' && parts[1] === '' ? parts[2] : '';
  const isBoolean = (isConfigKey(key) && typeof ROCKETMQ_DEFAULTS[key] === 'boolean') || (parts?.[0] === 'brokers' && parts[2] === 'slaveReadEnable');
  return isBoolean && (text === 'true' || text === 'false') ? text === 'true' : text;
}
