/**
 * How a CLUSTERING consumer picks its queues at each rebalance: RocketMQ's
 * client/.../consumer/rebalance/AllocateMessageQueue*.java. RebalanceImpl.rebalanceByTopic hands
 * every consumer the same sorted mqAll and cidAll, and each one computes only its own share, so
 * consumers with different views of either list can overlap or leave queues unconsumed.
 */
import { CONSISTENT_HASH_VIRTUAL_NODES } from '../defaults.ts';
import { javaStringSplit } from '../java.ts';
import { md5, utf8 } from '../md5.ts';
import type { AllocateStrategyName } from '../vocabulary.ts';
import { messageQueueToString, type MessageQueue } from './message-queue.ts';

/** client/.../consumer/AllocateMessageQueueStrategy.java. */
export interface AllocateMessageQueueStrategy {
  /** getName(). */
  readonly name: AllocateStrategyName;
  allocate(consumerGroup: string, currentCID: string, mqAll: readonly MessageQueue[], cidAll: readonly string[]): MessageQueue[];
}

/**
 * AbstractAllocateMessageQueueStrategy.check: empty input is a bug (IllegalArgumentException
 * with these messages); a consumer missing from cidAll gets nothing (RocketMQ logs "[BUG]").
 */
function check(currentCID: string, mqAll: readonly MessageQueue[], cidAll: readonly string[]): boolean {
  if (currentCID === '') throw new Error('currentCID is empty');
  if (mqAll.length === 0) throw new Error('mqAll is null or mqAll empty');
  if (cidAll.length === 0) throw new Error('cidAll is null or cidAll empty');
  return cidAll.includes(currentCID);
}

/**
 * AllocateMessageQueueAveragely ("AVG", the default): contiguous blocks, the first n % c
 * consumers taking one queue more. With more consumers than queues the extra ones get nothing.
 */
export class AllocateMessageQueueAveragely implements AllocateMessageQueueStrategy {
  readonly name = 'AVG';

  allocate(_group: string, currentCID: string, mqAll: readonly MessageQueue[], cidAll: readonly string[]): MessageQueue[] {
    if (!check(currentCID, mqAll, cidAll)) return [];
    const n = mqAll.length;
    const c = cidAll.length;
    const index = cidAll.indexOf(currentCID);
    const mod = n % c;
    const bigger = mod > 0 && index < mod;
    const averageSize = n <= c ? 1 : bigger ? Math.floor(n / c) + 1 : Math.floor(n / c);
    const startIndex = bigger ? index * averageSize : index * averageSize + mod;
    const range = Math.min(averageSize, n - startIndex);
    return range > 0 ? mqAll.slice(startIndex, startIndex + range) : [];
  }
}

/** AllocateMessageQueueAveragelyByCircle ("AVG_BY_CIRCLE"): dealt like cards, queue i to consumer i % c. */
export class AllocateMessageQueueAveragelyByCircle implements AllocateMessageQueueStrategy {
  readonly name = 'AVG_BY_CIRCLE';

  allocate(_group: string, currentCID: string, mqAll: readonly MessageQueue[], cidAll: readonly string[]): MessageQueue[] {
    if (!check(currentCID, mqAll, cidAll)) return [];
    const index = cidAll.indexOf(currentCID);
    return mqAll.filter((_mq, i) => i % cidAll.length === index);
  }
}

/**
 * ConsistentHashRouter.MD5Hash: the first four bytes of MD5(key as UTF-8), big-endian, as an
 * unsigned value (a Java long in 0 .. 2^32-1).
 */
export function consistentHashKey(key: string): number {
  const digest = md5(utf8(key));
  return (((digest[0] ?? 0) << 24) | ((digest[1] ?? 0) << 16) | ((digest[2] ?? 0) << 8) | (digest[3] ?? 0)) >>> 0;
}

/** The hash ring of ConsistentHashRouter: a TreeMap<Long, VirtualNode>, kept here as sorted keys. */
interface HashRing {
  keys: number[];
  owner: Map<number, string>;
}

/**
 * ConsistentHashRouter's constructor: addNode(cid, vNodeCount) for each client in list order.
 * Virtual node i of a client is keyed "cid-i", numbered on from the client's existing replicas
 * (so a client id listed twice gets "cid-10" ... on its second turn); a colliding hash
 * overwrites the earlier node, as TreeMap.put does.
 */
function buildRing(cidAll: readonly string[], virtualNodeCnt: number): HashRing {
  const owner = new Map<number, string>();
  const replicas = new Map<string, number>();
  for (const cid of cidAll) {
    const existing = replicas.get(cid) ?? 0;
    for (let i = 0; i < virtualNodeCnt; i++) {
      const hash = consistentHashKey(`${cid}-${i + existing}`);
      const previous = owner.get(hash);
      if (previous !== undefined) replicas.set(previous, (replicas.get(previous) ?? 0) - 1);
      owner.set(hash, cid);
      replicas.set(cid, (replicas.get(cid) ?? 0) + 1);
    }
  }
  return { keys: [...owner.keys()].sort((a, b) => a - b), owner };
}

/**
 * The ring of the last allocation. Every consumer of a group builds the same ring in a
 * rebalance round (10 MD5s per client: 10 000 for a 1 000-consumer group), and buildRing is
 * pure, so remembering one ring is a cache only: it holds no simulation state.
 */
let lastRing: { cidAll: readonly string[]; virtualNodeCnt: number; ring: HashRing } | undefined;

function cachedRing(cidAll: readonly string[], virtualNodeCnt: number): HashRing {
  const last = lastRing;
  const same = last !== undefined && last.virtualNodeCnt === virtualNodeCnt && last.cidAll.length === cidAll.length
    && last.cidAll.every((cid, i) => cid === cidAll[i]);
  if (same) return last.ring;
  const ring = buildRing(cidAll, virtualNodeCnt);
  lastRing = { cidAll: [...cidAll], virtualNodeCnt, ring };
  return ring;
}

/** ConsistentHashRouter.routeNode: the first ring key >= hash(objectKey), wrapping to the smallest. */
function routeNode(ring: HashRing, objectKey: string): string | undefined {
  const hash = consistentHashKey(objectKey);
  let low = 0;
  let high = ring.keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((ring.keys[mid] ?? 0) < hash) low = mid + 1;
    else high = mid;
  }
  const key = ring.keys[low < ring.keys.length ? low : 0];
  return key === undefined ? undefined : ring.owner.get(key);
}

/**
 * AllocateMessageQueueConsistentHash ("CONSISTENT_HASH"): each queue goes to the client owning
 * the next virtual node on an MD5 ring, so a client joining or leaving moves only its own queues.
 */
export class AllocateMessageQueueConsistentHash implements AllocateMessageQueueStrategy {
  readonly name = 'CONSISTENT_HASH';

  private readonly virtualNodeCnt: number;

  constructor(virtualNodeCnt: number = CONSISTENT_HASH_VIRTUAL_NODES) {
    if (virtualNodeCnt < 0) throw new Error(`illegal virtualNodeCnt :${virtualNodeCnt}`);
    this.virtualNodeCnt = virtualNodeCnt;
  }

  allocate(_group: string, currentCID: string, mqAll: readonly MessageQueue[], cidAll: readonly string[]): MessageQueue[] {
    if (!check(currentCID, mqAll, cidAll)) return [];
    const ring = cachedRing(cidAll, this.virtualNodeCnt);
    return mqAll.filter((mq) => routeNode(ring, messageQueueToString(mq)) === currentCID);
  }
}

/**
 * AllocateMessageQueueByConfig ("CONFIG"): every consumer gets the configured list, whatever
 * the group looks like. RocketMQ skips even the argument check here.
 */
export class AllocateMessageQueueByConfig implements AllocateMessageQueueStrategy {
  readonly name = 'CONFIG';

  private readonly messageQueueList: readonly MessageQueue[];

  constructor(messageQueueList: readonly MessageQueue[]) {
    this.messageQueueList = messageQueueList;
  }

  allocate(_group: string, _currentCID: string, _mqAll: readonly MessageQueue[], _cidAll: readonly string[]): MessageQueue[] {
    return [...this.messageQueueList];
  }
}

/**
 * AllocateMessageQueueByMachineRoom ("MACHINE_ROOM"): only queues of brokers named
 * "<idc>@<name>" with idc in consumeridcs count; consumer k takes the block
 * [k*mod, k*mod + mod) (mod is the quotient) plus, while k < rem, the leftover at k + mod*c.
 */
export class AllocateMessageQueueByMachineRoom implements AllocateMessageQueueStrategy {
  readonly name = 'MACHINE_ROOM';

  private readonly consumeridcs: readonly string[];

  constructor(consumeridcs: readonly string[]) {
    this.consumeridcs = consumeridcs;
  }

  allocate(_group: string, currentCID: string, mqAll: readonly MessageQueue[], cidAll: readonly string[]): MessageQueue[] {
    if (!check(currentCID, mqAll, cidAll)) return [];
    const currentIndex = cidAll.indexOf(currentCID);
    const premqAll = mqAll.filter((mq) => this.inConsumerIdc(mq));
    const mod = Math.floor(premqAll.length / cidAll.length);
    const rem = premqAll.length % cidAll.length;
    const result = premqAll.slice(currentIndex * mod, currentIndex * mod + mod);
    const leftover = rem > currentIndex ? premqAll[currentIndex + mod * cidAll.length] : undefined;
    return leftover === undefined ? result : [...result, leftover];
  }

  private inConsumerIdc(mq: MessageQueue): boolean {
    const parts = javaStringSplit(mq.brokerName, '@');
    return parts.length === 2 && this.consumeridcs.includes(parts[0] ?? '');
  }
}

export interface AllocateStrategyOptions {
  /** CONFIG: the fixed queue list (none behaves like RocketMQ's null list: no queues). */
  messageQueueList?: readonly MessageQueue[];
  /** MACHINE_ROOM: the consumer's machine rooms. */
  consumeridcs?: readonly string[];
  /** CONSISTENT_HASH: virtual nodes per client. */
  virtualNodeCnt?: number;
}

/** The strategy a consumer's allocateMessageQueueStrategy setting names. */
export function createAllocateStrategy(
  name: AllocateStrategyName,
  options: AllocateStrategyOptions = {},
): AllocateMessageQueueStrategy {
  switch (name) {
    case 'AVG':
      return new AllocateMessageQueueAveragely();
    case 'AVG_BY_CIRCLE':
      return new AllocateMessageQueueAveragelyByCircle();
    case 'CONSISTENT_HASH':
      return new AllocateMessageQueueConsistentHash(options.virtualNodeCnt);
    case 'CONFIG':
      return new AllocateMessageQueueByConfig(options.messageQueueList ?? []);
    case 'MACHINE_ROOM':
      return new AllocateMessageQueueByMachineRoom(options.consumeridcs ?? []);
  }
}
