import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  AllocateMessageQueueAveragely,
  AllocateMessageQueueAveragelyByCircle,
  AllocateMessageQueueByConfig,
  AllocateMessageQueueByMachineRoom,
  AllocateMessageQueueConsistentHash,
  consistentHashKey,
  createAllocateStrategy,
  type AllocateMessageQueueStrategy,
} from '../../../src/model/client/allocate-strategies.ts';
import { compareMessageQueue, messageQueueToString, type MessageQueue } from '../../../src/model/client/message-queue.ts';

// The fixtures of client/src/test/.../consumer/rebalance/AllocateMessageQueue*Test.
const createConsumerIdList = (size: number, prefix = 'CID_PREFIX'): string[] =>
  Array.from({ length: size }, (_, i) => `${prefix}${i}`);
const createMessageQueueList = (size: number, topic = 'topic'): MessageQueue[] =>
  Array.from({ length: size }, (_, queueId) => ({ topic, brokerName: 'brokerName', queueId }));

/** queueIds each consumer of cidAll is given. */
const allocateAll = (strategy: AllocateMessageQueueStrategy, mqAll: MessageQueue[], cidAll: string[]): number[][] =>
  cidAll.map((cid) => strategy.allocate('group', cid, mqAll, cidAll).map((mq) => mq.queueId));

/** Which consumer owns each queue, by MessageQueue.toString. */
const owners = (strategy: AllocateMessageQueueStrategy, mqAll: MessageQueue[], cidAll: string[]): Map<string, string> => {
  const owner = new Map<string, string>();
  for (const cid of cidAll) {
    for (const mq of strategy.allocate('group', cid, mqAll, cidAll)) owner.set(messageQueueToString(mq), cid);
  }
  return owner;
};

describe('AbstractAllocateMessageQueueStrategy.check', () => {
  const checking = [
    new AllocateMessageQueueAveragely(),
    new AllocateMessageQueueAveragelyByCircle(),
    new AllocateMessageQueueConsistentHash(),
    new AllocateMessageQueueByMachineRoom(['room1']),
  ];
  const mqAll = createMessageQueueList(6);
  const cidAll = createConsumerIdList(2);

  it.each(checking.map((s) => [s.name, s] as const))('%s rejects empty arguments with RocketMQ\'s messages', (_name, strategy) => {
    expect(() => strategy.allocate('group', '', mqAll, cidAll)).toThrow('currentCID is empty');
    expect(() => strategy.allocate('group', 'CID_PREFIX0', [], cidAll)).toThrow('mqAll is null or mqAll empty');
    expect(() => strategy.allocate('group', 'CID_PREFIX0', mqAll, [])).toThrow('cidAll is null or cidAll empty');
  });

  it.each(checking.map((s) => [s.name, s] as const))('%s gives nothing to a consumer missing from cidAll', (_name, strategy) => {
    expect(strategy.allocate('group', String(2 ** 31 - 1), mqAll, cidAll)).toEqual([]);
  });
});

describe('AllocateMessageQueueAveragely ("AVG")', () => {
  const strategy = new AllocateMessageQueueAveragely();

  it('splits 10 queues over 4 consumers into contiguous blocks of 3, 3, 2, 2', () => {
    expect(allocateAll(strategy, createMessageQueueList(10), createConsumerIdList(4))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7],
      [8, 9],
    ]);
  });

  it('leaves consumers beyond the queue count idle', () => {
    expect(allocateAll(strategy, createMessageQueueList(2), createConsumerIdList(4))).toEqual([[0], [1], [], []]);
  });

  it('gives two consumers sharing one client id the same block and leaves queue 2 unconsumed', () => {
    expect(allocateAll(strategy, createMessageQueueList(4), ['a', 'a', 'b'])).toEqual([[0, 1], [0, 1], [3]]);
  });
});

describe('AllocateMessageQueueAveragelyByCircle ("AVG_BY_CIRCLE")', () => {
  it('deals 10 queues to 4 consumers as {0,4,8}, {1,5,9}, {2,6}, {3,7}', () => {
    const strategy = new AllocateMessageQueueAveragelyByCircle();
    expect(allocateAll(strategy, createMessageQueueList(10), createConsumerIdList(4))).toEqual([
      [0, 4, 8],
      [1, 5, 9],
      [2, 6],
      [3, 7],
    ]);
    expect(strategy.allocate('', 'CID_PREFIX', createMessageQueueList(10), createConsumerIdList(4))).toEqual([]);
  });
});

describe('AllocateMessageQueueByConfig ("CONFIG")', () => {
  it('gives every consumer the whole configured list', () => {
    const messageQueueList = createMessageQueueList(4);
    const strategy = new AllocateMessageQueueByConfig(messageQueueList);
    expect(allocateAll(strategy, messageQueueList, createConsumerIdList(2))).toEqual([
      [0, 1, 2, 3],
      [0, 1, 2, 3],
    ]);
  });

  it('skips the argument check, as RocketMQ does', () => {
    expect(new AllocateMessageQueueByConfig([]).allocate('', '', [], [])).toEqual([]);
  });
});

describe('AllocateMessageQueueByMachineRoom ("MACHINE_ROOM")', () => {
  const messageQueueList = Array.from({ length: 10 }, (_, queueId) => ({
    topic: 'topic',
    brokerName: queueId < 5 ? 'room1@broker-a' : 'room2@broker-b',
    queueId,
  }));

  it('shares only room1\'s queues: CID_PREFIX0 {0,1,4}, CID_PREFIX1 {2,3}', () => {
    const strategy = new AllocateMessageQueueByMachineRoom(['room1']);
    expect(allocateAll(strategy, messageQueueList, createConsumerIdList(2))).toEqual([
      [0, 1, 4],
      [2, 3],
    ]);
  });

  it('ignores brokers not named "<idc>@<name>"', () => {
    const plain = createMessageQueueList(4);
    expect(allocateAll(new AllocateMessageQueueByMachineRoom(['brokerName']), plain, ['c'])).toEqual([[]]);
  });
});

/** ConsistentHashRouter rebuilt from node:crypto, to check the ring keys and the routing. */
function referenceConsistentHash(mqAll: MessageQueue[], cidAll: string[], virtualNodeCnt: number): Map<string, string> {
  const hash = (key: string): number => createHash('md5').update(key, 'utf8').digest().readUInt32BE(0);
  const ring = new Map<number, string>();
  cidAll.forEach((cid, position) => {
    const existing = cidAll.slice(0, position).filter((other) => other === cid).length * virtualNodeCnt;
    for (let i = 0; i < virtualNodeCnt; i++) ring.set(hash(`${cid}-${i + existing}`), cid);
  });
  const keys = [...ring.keys()].sort((a, b) => a - b);
  const owner = new Map<string, string>();
  for (const mq of mqAll) {
    const key = keys.find((k) => k >= hash(messageQueueToString(mq))) ?? keys[0];
    if (key !== undefined) owner.set(messageQueueToString(mq), ring.get(key) ?? '');
  }
  return owner;
}

describe('AllocateMessageQueueConsistentHash ("CONSISTENT_HASH")', () => {
  const sizes = fc.record({ queueSize: fc.integer({ min: 1, max: 20 }), consumerSize: fc.integer({ min: 1, max: 20 }) });
  const virtualNodeCnts = fc.constantFrom(3, 10);

  it('hashes a key to the first four MD5 bytes, big-endian and unsigned', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        expect(consistentHashKey(key)).toBe(createHash('md5').update(key, 'utf8').digest().readUInt32BE(0));
      }),
    );
  });

  it('routes each queue to the next virtual node "cid-i" on the ring, wrapping around', () => {
    fc.assert(
      fc.property(sizes, virtualNodeCnts, ({ queueSize, consumerSize }, vnodes) => {
        const mqAll = createMessageQueueList(queueSize, 'topic_test');
        const cidAll = createConsumerIdList(consumerSize, 'CID-');
        const strategy = new AllocateMessageQueueConsistentHash(vnodes);
        expect(owners(strategy, mqAll, cidAll)).toEqual(referenceConsistentHash(mqAll, cidAll, vnodes));
      }),
    );
  });

  it('numbers a repeated client id\'s second set of virtual nodes on from the first', () => {
    const mqAll = createMessageQueueList(40);
    const cidAll = ['b', 'a', 'c', 'a'];
    expect(owners(new AllocateMessageQueueConsistentHash(), mqAll, cidAll)).toEqual(referenceConsistentHash(mqAll, cidAll, 10));
  });

  it('allocates every queue to exactly one consumer', () => {
    fc.assert(
      fc.property(sizes, virtualNodeCnts, ({ queueSize, consumerSize }, vnodes) => {
        const mqAll = createMessageQueueList(queueSize, 'topic_test');
        const allocated = allocateAll(new AllocateMessageQueueConsistentHash(vnodes), mqAll, createConsumerIdList(consumerSize, 'CID-'));
        expect(allocated.flat().sort((a, b) => a - b)).toEqual(mqAll.map((mq) => mq.queueId));
      }),
    );
  });

  it('moves only the leaving consumer\'s queues when one leaves, and only to a joiner when one joins', () => {
    fc.assert(
      fc.property(sizes, virtualNodeCnts, ({ queueSize, consumerSize }, vnodes) => {
        const strategy = new AllocateMessageQueueConsistentHash(vnodes);
        const mqAll = createMessageQueueList(queueSize, 'topic_test');
        const cidAll = createConsumerIdList(consumerSize, 'CID-');
        const before = owners(strategy, mqAll, cidAll);
        const afterRemove = owners(strategy, mqAll, cidAll.slice(1));
        const afterAdd = owners(strategy, mqAll, [...cidAll.slice(1), 'CID-NEW']);
        for (const [mq, cid] of before) if (cid !== cidAll[0]) expect(afterRemove.get(mq)).toBe(cid);
        for (const [mq, cid] of afterAdd) if (cid !== 'CID-NEW') expect(afterRemove.get(mq)).toBe(cid);
      }),
    );
  });

  it('allocates nothing with zero virtual nodes and rejects a negative count', () => {
    expect(new AllocateMessageQueueConsistentHash(0).allocate('', 'a', createMessageQueueList(3), ['a'])).toEqual([]);
    expect(() => new AllocateMessageQueueConsistentHash(-1)).toThrow('illegal virtualNodeCnt :-1');
  });
});

describe('MessageQueue', () => {
  it('prints like MessageQueue.toString', () => {
    expect(messageQueueToString({ topic: 'T', brokerName: 'broker-a', queueId: 3 })).toBe(
      'MessageQueue [topic=T, brokerName=broker-a, queueId=3]',
    );
  });

  it('sorts by topic, then brokerName as Java strings, then queueId as a number', () => {
    const mq = (topic: string, brokerName: string, queueId: number): MessageQueue => ({ topic, brokerName, queueId });
    const sorted = [mq('B', 'broker-a', 0), mq('A', 'broker-2', 10), mq('A', 'broker-2', 2), mq('A', 'broker-10', 5)].sort(
      compareMessageQueue,
    );
    expect(sorted).toEqual([mq('A', 'broker-10', 5), mq('A', 'broker-2', 2), mq('A', 'broker-2', 10), mq('B', 'broker-a', 0)]);
  });
});

describe('createAllocateStrategy', () => {
  it.each(['AVG', 'AVG_BY_CIRCLE', 'CONSISTENT_HASH', 'CONFIG', 'MACHINE_ROOM'] as const)('builds the %s strategy', (name) => {
    expect(createAllocateStrategy(name).name).toBe(name);
  });

  it('passes on the configured queue list and machine rooms', () => {
    const messageQueueList = createMessageQueueList(2);
    expect(createAllocateStrategy('CONFIG', { messageQueueList }).allocate('', 'x', [], [])).toEqual(messageQueueList);
    expect(createAllocateStrategy('CONFIG').allocate('', 'x', [], [])).toEqual([]);
    const roomQueue = { topic: 't', brokerName: 'room1@b', queueId: 0 };
    expect(createAllocateStrategy('MACHINE_ROOM', { consumeridcs: ['room1'] }).allocate('', 'c', [roomQueue], ['c'])).toEqual([roomQueue]);
  });
});
