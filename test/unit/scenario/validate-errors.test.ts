import { validateScenario, type ValidationError } from '../../../src/scenario/validate.ts';

type Json = Record<string, unknown>;

/** A small valid scenario; each case changes one thing. */
function base(): Json {
  return {
    version: 1,
    durationMs: 300_000,
    nameServers: [{ id: 'ns-1' }],
    brokers: [{ name: 'broker-a' }, { name: 'broker-a', brokerId: 1 }],
    topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest' }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }],
    timeline: [{ at: 60_000, action: 'crashBroker', target: 'broker-a' }],
  };
}

function errorsOf(input: unknown): ValidationError[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors;
}

function lines(input: unknown): string[] {
  return errorsOf(input).map((e) => `${e.path}: ${e.message}`);
}

/** `change` edits a fresh base scenario in place. */
const cases: Array<[string, (s: Json) => void, string]> = [];
function refuses(what: string, change: (s: Json) => void, expected: string): void {
  cases.push([what, change, expected]);
}

const at = (s: Json, list: string, i: number): Json => (s[list] as Json[])[i] as Json;

refuses('a queue count out of range', (s) => { at(s, 'topics', 0).readQueueNums = 2000; },
  'topics[0].readQueueNums: must be an integer from 1 to 1024');
refuses('a queue count that is not an integer', (s) => { at(s, 'topics', 0).writeQueueNums = 2.5; },
  'topics[0].writeQueueNums: must be an integer from 1 to 1024');
refuses('two letters swapped in a field name', (s) => { s.nmae = 'x'; },
  'nmae: unknown field "nmae" (did you mean "name"?)');
refuses('the start of a longer field name', (s) => { at(s, 'producers', 0).rate = 5; },
  'producers[0].rate: unknown field "rate" (did you mean "ratePerSec"?)');
refuses('a typo in a field name', (s) => { at(s, 'topics', 0).readQueueNum = 4; },
  'topics[0].readQueueNum: unknown field "readQueueNum" (did you mean "readQueueNums"?)');
refuses('an unknown top-level field', (s) => { s.nameservers = []; },
  'nameservers: unknown field "nameservers" (did you mean "nameServers"?)');
refuses('another version', (s) => { s.version = 2; },
  'version: unsupported version 2: this RocketScope reads version 1');
refuses('a missing version', (s) => { delete s.version; },
  'version: is required: write "version": 1');
refuses('a duration over 24 h', (s) => { s.durationMs = 86_400_001; },
  'durationMs: must be an integer from 1 to 86400000 (at most 24 h of virtual time)');
refuses('too many NameServers', (s) => { s.nameServers = Array.from({ length: 65 }, (_, i) => ({ id: `ns-${i}` })); },
  'nameServers: at most 64 NameServers');
refuses('a perm outside PermName.isValid', (s) => { at(s, 'topics', 0).perm = 8; },
  'topics[0].perm: must be an integer from 0 to 7 (PermName bits: 2 write, 4 read, 6 read and write)');
refuses('an ip that is not dotted IPv4', (s) => { at(s, 'brokers', 0).ip = '10.0.0.256'; },
  'brokers[0].ip: must be a dotted IPv4 address such as 10.0.0.1');
refuses('a port out of range', (s) => { at(s, 'brokers', 0).port = 70_000; },
  'brokers[0].port: must be an integer from 1 to 65535');
refuses('an unknown enum value', (s) => { at(s, 'consumers', 0).messageModel = 'CLUSTER'; },
  'consumers[0].messageModel: must be one of "CLUSTERING", "BROADCASTING"');
refuses('a topic name TopicValidator refuses', (s) => { at(s, 'topics', 0).name = 'Topic Test'; },
  'topics[0].name: must be 1 to 127 characters among letters, digits, %, |, _ and - (RocketMQ TopicValidator)');
refuses('a missing required field', (s) => { delete at(s, 'producers', 0).group; },
  'producers[0].group: is required');
refuses('a time after durationMs', (s) => { at(s, 'timeline', 0).at = 300_001; },
  "timeline[0].at: must be an integer from 0 to 300000 (the scenario's durationMs)");
refuses('an unknown action', (s) => { at(s, 'timeline', 0).action = 'killBroker'; },
  'timeline[0].action: unknown action "killBroker"; allowed actions: crashBroker, powerOffBroker, partitionBroker, healPartition, shutdownBroker, '
  + 'startBroker, crashNameServer, startNameServer, partitionLink, healLink, addConsumer, addProducer, removeConsumer, '
  + 'removeProducer, crashConsumer, hangConsumer, setProducerRate, updateTopic, wipeWritePerm, addWritePerm');
refuses('a bad messageDelayLevel', (s) => { s.config = { messageDelayLevel: '1s 5s' }; },
  'config.messageDelayLevel: must be 18 delays separated by single spaces, each a number and a unit s, m, h or d, '
  + 'such as "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h"');
refuses('a config key RocketScope does not know', (s) => { s.config = { brokerHeartbeatInterval: 1000 }; },
  'config.brokerHeartbeatInterval: unknown field "brokerHeartbeatInterval" (did you mean "brokerHeartbeatIntervalMs"?)');
refuses('a negative config number', (s) => { s.config = { networkLatencyMs: -1 }; },
  'config.networkLatencyMs: must be an integer from 0 to 60000');
refuses('a config boolean given as a string', (s) => { s.config = { autoCreateTopicEnable: 'false' }; },
  'config.autoCreateTopicEnable: must be true or false');
refuses('a duplicate NameServer id', (s) => { s.nameServers = [{ id: 'ns-1' }, { id: 'ns-1' }]; },
  'nameServers[1].id: duplicate NameServer id "ns-1" (also in nameServers[0])');
refuses('a duplicate (brokerName, brokerId)', (s) => { at(s, 'brokers', 1).brokerId = 0; at(s, 'brokers', 1).ip = '10.0.9.9'; },
  'brokers[1].brokerId: "broker-a" already has a broker with brokerId 0 (also in brokers[0])');
refuses('a master with the role SLAVE', (s) => { at(s, 'brokers', 0).role = 'SLAVE'; },
  'brokers[0].role: must be ASYNC_MASTER or SYNC_MASTER: brokerId 0 is the master (a slave needs a brokerId from 1)');
refuses('a slave with a master role', (s) => { at(s, 'brokers', 1).role = 'SYNC_MASTER'; },
  "brokers[1].role: must be SLAVE: brokerId 1 is a slave's (RocketMQ gives every master brokerId 0)");
refuses('a duplicate client id across producers and consumers', (s) => { at(s, 'consumers', 0).id = 'p-1'; },
  'consumers[0].id: duplicate client id "p-1" (also in producers[0])');
refuses('a client named like a NameServer', (s) => { at(s, 'producers', 0).id = 'ns-1'; },
  'producers[0].id: "ns-1" is already the name of a NameServer (also in nameServers[0]): give each process a name of its own');
refuses('a NameServer named like a broker (brokerName/brokerId)', (s) => { at(s, 'nameServers', 0).id = 'broker-a/1'; },
  'brokers[1].name: "broker-a/1" is already the name of a NameServer (also in nameServers[0]): give each process a name of its own');
refuses('a client added in the timeline named like a broker', (s) => {
  (s.timeline as Json[]).push({ at: 1, action: 'addConsumer', consumer: { id: 'broker-a/0', group: 'CG', topic: 'TopicTest' } });
}, 'timeline[1].consumer.id: "broker-a/0" is already the name of a broker (also in brokers[0]): give each process a name of its own');
refuses('a controller named like a NameServer', (s) => { Object.assign(s, { config: { enableControllerMode: true }, controllers: [{ id: 'ns-1' }] }); },
  'controllers[0].id: "ns-1" is already the name of a NameServer (also in nameServers[0]): give each process a name of its own');
refuses('a client named like the controller inside the first NameServer', (s) => {
  Object.assign(s, { config: { enableControllerMode: true, enableControllerInNamesrv: true } });
  at(s, 'consumers', 0).id = 'ns-1/controller';
}, 'consumers[0].id: "ns-1/controller" is already the name of a controller (also in config.enableControllerInNamesrv): give each process a name of its own');
refuses('a topic RocketMQ keeps for itself', (s) => { at(s, 'topics', 0).name = 'TBW102'; at(s, 'producers', 0).topic = 'TBW102'; at(s, 'consumers', 0).topic = 'TBW102'; },
  'topics[0].name: "TBW102" is RocketMQ\'s own topic: updateTopic refuses it ("The topic[TBW102] is conflict with system topic.", AdminBrokerProcessor)');
refuses('an updateTopic of a topic with the system prefix', (s) => { s.timeline = [{ at: 1, action: 'updateTopic', topic: 'rmq_sys_mine', cluster: 'DefaultCluster' }]; },
  'timeline[0].topic: "rmq_sys_mine" is RocketMQ\'s own topic: updateTopic refuses it ("The topic[rmq_sys_mine] is conflict with system topic.", AdminBrokerProcessor)');
// The broker makes %RETRY%<group> and %DLQ%<group> itself: a topic of the scenario's own may not be named so, wherever it is named.
const dlq = (topic: string, kind: 'retry' | 'dead-letter') => {
  const [prefix, constant] = kind === 'retry' ? ['%RETRY%', 'RETRY_GROUP_TOPIC_PREFIX'] : ['%DLQ%', 'DLQ_GROUP_TOPIC_PREFIX'];
  return `"${topic}" is named like a group's ${kind} topic ("${prefix}<group>", MixAll.${constant}): the broker makes those itself for a group's retries and dead letters; give this topic another name`;
};
refuses('a topic named like a group\'s dead-letter topic', (s) => { at(s, 'topics', 0).name = '%DLQ%CG'; },
  `topics[0].name: ${dlq('%DLQ%CG', 'dead-letter')}`);
refuses('a producer sending to a topic named like a group\'s retry topic', (s) => { at(s, 'producers', 0).topic = '%RETRY%OTHER'; },
  `producers[0].topic: ${dlq('%RETRY%OTHER', 'retry')}`);
refuses('a consumer subscribing to a topic named like its group\'s retry topic', (s) => { at(s, 'consumers', 0).topic = '%RETRY%CG'; },
  `consumers[0].topic: ${dlq('%RETRY%CG', 'retry')}`);
refuses('an updateTopic creating a topic named like a dead-letter topic', (s) => { s.timeline = [{ at: 1, action: 'updateTopic', topic: '%DLQ%', cluster: 'DefaultCluster' }]; },
  `timeline[0].topic: ${dlq('%DLQ%', 'dead-letter')}`);
refuses('an added producer sending to a topic named like a retry topic', (s) => { s.timeline = [{ at: 1, action: 'addProducer', producer: { id: 'p-2', group: 'PG', topic: '%RETRY%CG' } }]; },
  `timeline[0].producer.topic: ${dlq('%RETRY%CG', 'retry')}`);
refuses('an added consumer subscribing to a topic named like a dead-letter topic', (s) => { s.timeline = [{ at: 1, action: 'addConsumer', consumer: { id: 'c-2', group: 'CG', topic: '%DLQ%CG' } }]; },
  `timeline[0].consumer.topic: ${dlq('%DLQ%CG', 'dead-letter')}`);
refuses('a topic name wrong in its form only once, not for its prefix too', (s) => { at(s, 'topics', 0).name = '%RETRY% x'; },
  'topics[0].name: must be 1 to 127 characters among letters, digits, %, |, _ and - (RocketMQ TopicValidator)');
refuses('a producer sending to a topic the client refuses', (s) => { at(s, 'producers', 0).topic = 'SCHEDULE_TOPIC_XXXX'; },
  'producers[0].topic: the client refuses to send to "SCHEDULE_TOPIC_XXXX" ("Sending message to topic[SCHEDULE_TOPIC_XXXX] is forbidden.", Validators.isNotAllowedSendTopic)');
refuses('a producer in the client\'s default group', (s) => { at(s, 'producers', 0).group = 'DEFAULT_PRODUCER'; },
  'producers[0].group: the client refuses it at start() ("producerGroup can not equal DEFAULT_PRODUCER, please specify another one.", checkConfig)');
refuses('a consumer in the client\'s default group', (s) => { at(s, 'consumers', 0).group = 'DEFAULT_CONSUMER'; },
  'consumers[0].group: the client refuses it at start() ("consumerGroup can not equal DEFAULT_CONSUMER, please specify another one.", checkConfig)');
refuses('a tag expression made only of "||"', (s) => { at(s, 'consumers', 0).subscription = '||'; },
  'consumers[0].subscription: RocketMQ refuses it in subscribe() ("subString split error", FilterAPI.buildSubscriptionData): give tags separated by "||", or "*" for all');
refuses('a duplicate topic', (s) => { (s.topics as Json[]).push({ name: 'TopicTest' }); },
  'topics[1].name: duplicate topic "TopicTest" (also in topics[0])');
refuses('a topic on a cluster without brokers', (s) => { at(s, 'topics', 0).cluster = 'OtherCluster'; },
  'topics[0].cluster: no master broker (brokerId 0) is in cluster "OtherCluster" (known: "DefaultCluster")');
refuses('a topic on an unknown broker', (s) => { at(s, 'topics', 0).brokers = [{ name: 'broker-b' }]; },
  'topics[0].brokers[0].name: no broker is named "broker-b" (did you mean "broker-a"?)');
refuses('a topic with both cluster and brokers', (s) => { Object.assign(at(s, 'topics', 0), { cluster: 'DefaultCluster', brokers: [{ name: 'broker-a' }] }); },
  'topics[0]: give either "cluster" (every master of a cluster) or "brokers" (named brokers), not both');
refuses('a crash of an unknown broker', (s) => { at(s, 'timeline', 0).target = 'broker-x'; },
  'timeline[0].target: no broker is named "broker-x" (did you mean "broker-a"?)');
refuses('a crash of a brokerId that does not exist', (s) => { at(s, 'timeline', 0).brokerId = 2; },
  'timeline[0].brokerId: "broker-a" has no broker with brokerId 2 (it has 0, 1)');
refuses('a NameServer action on an unknown id', (s) => { s.timeline = [{ at: 1, action: 'crashNameServer', target: 'ns-9' }]; },
  'timeline[0].target: no NameServer has id "ns-9" (did you mean "ns-1"?)');
refuses('a wipeWritePerm of an unknown brokerName', (s) => { s.timeline = [{ at: 1, action: 'wipeWritePerm', target: 'broker-x' }]; },
  'timeline[0].target: no broker is named "broker-x" (did you mean "broker-a"?)');
refuses('an addWritePerm sent to an unknown NameServer (mqadmin -n)', (s) => { s.timeline = [{ at: 1, action: 'addWritePerm', target: 'broker-a', nameServers: ['ns-1', 'ns-9'] }]; },
  'timeline[0].nameServers[1]: no NameServer has id "ns-9" (did you mean "ns-1"?)');
refuses('a wipeWritePerm whose NameServers are not a list', (s) => { s.timeline = [{ at: 1, action: 'wipeWritePerm', target: 'broker-a', nameServers: 'ns-1' }]; },
  'timeline[0].nameServers: must be a list ([ ... ])');
refuses('a wipeWritePerm of one broker process (it acts on a brokerName)', (s) => { s.timeline = [{ at: 1, action: 'wipeWritePerm', target: 'broker-a', brokerId: 1 }]; },
  'timeline[0].brokerId: unknown field "brokerId"');
refuses('removing a consumer before it is added', (s) => {
  s.timeline = [
    { at: 5000, action: 'addConsumer', consumer: { id: 'c-2', group: 'CG', topic: 'TopicTest' } },
    { at: 1000, action: 'removeConsumer', target: 'c-2' },
  ];
}, 'timeline[1].target: consumer "c-2" is only added later, at 5000 ms (timeline[0])');
refuses('a producer action on a consumer', (s) => { s.timeline = [{ at: 1, action: 'setProducerRate', target: 'c-1', ratePerSec: 0 }]; },
  'timeline[0].target: no producer has id "c-1" (known: "p-1")');
refuses('a link to nothing', (s) => { s.timeline = [{ at: 1, action: 'partitionLink', target: 'ns-1', peer: 'nobody' }]; },
  'timeline[0].peer: no NameServer, broker (brokerName, or node "brokerName/brokerId") or client is named "nobody" (known: "ns-1", "broker-a", "p-1", "c-1", "broker-a/0" and 1 more)');
refuses('a link to a broker node that does not exist', (s) => { s.timeline = [{ at: 1, action: 'partitionLink', target: 'broker-a/7', peer: 'ns-1' }]; },
  'timeline[0].target: no NameServer, broker (brokerName, or node "brokerName/brokerId") or client is named "broker-a/7" (did you mean "broker-a/0"?)');
refuses('a link from a broker to its own node', (s) => { s.timeline = [{ at: 1, action: 'healLink', target: 'broker-a', peer: 'broker-a/0' }]; },
  'timeline[0].peer: "broker-a/0" is the same process as "broker-a" (node broker-a/0): a link joins two processes');
refuses('an updateTopic of an undeclared topic', (s) => { s.timeline = [{ at: 1, action: 'updateTopic', topic: 'Other', perm: 4 }]; },
  'timeline[0].topic: no topic in "topics" (or created earlier in the timeline) is named "Other" (known: "TopicTest"); give "cluster" or "broker" to create it');
refuses('an updateTopic that changes nothing', (s) => { s.timeline = [{ at: 1, action: 'updateTopic', topic: 'TopicTest' }]; },
  'timeline[0]: give at least one of writeQueueNums, readQueueNums or perm, or a cluster or broker to create the topic on');
refuses('an updateTopic with both -c and -b', (s) => { s.timeline = [{ at: 1, action: 'updateTopic', topic: 'New', cluster: 'DefaultCluster', broker: 'broker-a' }]; },
  'timeline[0]: give either "cluster" (every master of a cluster: mqadmin -c) or "broker" (one broker: mqadmin -b), not both');
refuses('an updateTopic on a cluster with no master', (s) => { s.timeline = [{ at: 1, action: 'updateTopic', topic: 'New', cluster: 'NoSuchCluster' }]; },
  'timeline[0].cluster: no master broker (brokerId 0) is in cluster "NoSuchCluster" (known: "DefaultCluster")');
refuses('a change of a topic before the timeline creates it', (s) => {
  s.timeline = [{ at: 5, action: 'updateTopic', topic: 'New', cluster: 'DefaultCluster' }, { at: 1, action: 'updateTopic', topic: 'New', perm: 4 }];
}, 'timeline[1].topic: no topic in "topics" (or created earlier in the timeline) is named "New" (known: "TopicTest"); give "cluster" or "broker" to create it');
refuses('CONFIG allocation without a queue list', (s) => { at(s, 'consumers', 0).allocateStrategy = 'CONFIG'; },
  'consumers[0].messageQueueList: must list at least one "brokerName:queueId" when allocateStrategy is CONFIG');
refuses('MACHINE_ROOM allocation without machine rooms', (s) => { at(s, 'consumers', 0).allocateStrategy = 'MACHINE_ROOM'; },
  'consumers[0].consumeridcs: must list at least one machine room when allocateStrategy is MACHINE_ROOM');
// RocketMQ accepts a group whose members subscribe differently (the run shows what it loses);
// a mixed messageModel is still refused.
refuses('a group whose consumers differ in messageModel', (s) => {
  (s.consumers as Json[]).push({ id: 'c-2', group: 'CG', topic: 'TopicTest', subscription: 'TagA', messageModel: 'BROADCASTING' });
}, 'consumers[1].messageModel: must be "CLUSTERING" like the other consumers of group "CG" (also in consumers[0])');
refuses('a delay level past 18', (s) => { at(s, 'producers', 0).delayLevel = 19; },
  'producers[0].delayLevel: must be an integer from 0 to 18 (0 for none, else a level of messageDelayLevel)');
refuses('a failure rate above 1', (s) => { at(s, 'consumers', 0).failureRate = 1.5; },
  'consumers[0].failureRate: must be a number from 0 to 1');
refuses('a malformed queue in messageQueueList', (s) => { at(s, 'consumers', 0).messageQueueList = ['broker-a-0']; },
  'consumers[0].messageQueueList[0]: must be a queue written "brokerName:queueId", such as "broker-a:0"');
refuses('a CONFIG queue on a broker nobody has', (s) => { Object.assign(at(s, 'consumers', 0), { allocateStrategy: 'CONFIG', messageQueueList: ['broker-a:0', 'broker-b:0'] }); },
  'consumers[0].messageQueueList[1]: no broker is named "broker-b" (did you mean "broker-a"?)');
refuses('a CONFIG queue past every read queue the topic can have there', (s) => { Object.assign(at(s, 'consumers', 0), { allocateStrategy: 'CONFIG', messageQueueList: ['broker-a:3', 'broker-a:4'] }); },
  'consumers[0].messageQueueList[1]: "broker-a:4" is not a queue of topic "TopicTest": the file gives it at most 4 read queues on "broker-a" (0 to 3), and PullMessageProcessor refuses a pull past readQueueNums');
refuses('a translation into a language the page does not have', (s) => { s.translations = { fr: { name: 'Écrire 8' } }; },
  'translations.fr: unknown field "fr"');
refuses('an empty translated name', (s) => { s.translations = { zh: { name: '' } }; },
  'translations.zh.name: must be a non-empty string of at most 255 characters');
refuses('a list item that is not an object', (s) => { s.nameServers = ['ns-1']; },
  'nameServers[0]: must be an object ({ ... })');
refuses('a section that is not a list', (s) => { s.brokers = { name: 'broker-a' }; },
  'brokers: must be a list ([ ... ])');

describe('validateScenario: each problem names its path', () => {
  it.each(cases)('refuses %s', (_what, change, expected) => {
    const scenario = base();
    change(scenario);
    expect(lines(scenario)).toEqual([expected]);
  });

  // The page in 中文 shows each problem in Chinese: every case has a translation that keeps the
  // names, numbers and RocketMQ's own words of the English one, so neither can say more than the other.
  it.each(cases)('says %s in Chinese too', (_what, change) => {
    const scenario = base();
    change(scenario);
    const [error] = errorsOf(scenario);
    expect(error?.zh).toMatch(/[\u4e00-\u9fff]/);
    const kept = error?.message.match(/"[^"]*"|\d+|[A-Z][A-Za-z]*[A-Z.][\w.]*/g) ?? [];
    // A class or a term may be plural in English ("NameServers"), never in Chinese.
    for (const word of kept) expect(error?.zh).toContain(word.startsWith('"') ? word : word.replace(/s$/, ''));
  });

  it('accepts the base scenario the cases start from', () => {
    expect(lines(base())).toEqual([]);
  });

  it('refuses a value that is not an object', () => {
    for (const input of [null, [], 42, 'scenario', undefined]) {
      expect(errorsOf(input)).toEqual([{ path: '$', message: 'must be a JSON object: a RocketScope scenario file ({ "version": 1, ... })', zh: '必须是一个 JSON 对象：RocketScope 的场景文件（{ "version": 1, ... }）' }]);
    }
  });

  it('refuses more producers than the bound, counting those added in the timeline', () => {
    const scenario = base();
    scenario.producers = Array.from({ length: 1000 }, (_, i) => ({ id: `p-${i}`, group: 'PG', topic: 'TopicTest' }));
    scenario.timeline = [{ at: 1, action: 'addProducer', producer: { id: 'p-extra', group: 'PG', topic: 'TopicTest' } }];
    expect(lines(scenario)).toEqual(['timeline[0].producer: at most 1000 producers, counting those added in the timeline']);
  });
});

describe('validateScenario: every problem at once', () => {
  it('reports all the problems of one file, structural and cross-reference, in the order of the file', () => {
    const scenario = base();
    at(scenario, 'topics', 0).readQueueNums = 0;
    at(scenario, 'brokers', 0).port = 0;
    at(scenario, 'producers', 0).ratePerSec = -1;
    at(scenario, 'consumers', 0).id = 'p-1';
    scenario.nameServers = [{ id: 'ns-1' }, { id: 'ns-1' }];
    scenario.timeline = [{ at: 1, action: 'crashNameServer', target: 'ns-2' }, { at: 2, action: 'crashBroker', target: 'broker-a', extra: 1 }];
    expect(lines(scenario)).toEqual([
      'nameServers[1].id: duplicate NameServer id "ns-1" (also in nameServers[0])',
      'brokers[0].port: must be an integer from 1 to 65535',
      'topics[0].readQueueNums: must be an integer from 1 to 1024',
      'producers[0].ratePerSec: must be a number from 0 to 10000 (messages per second)',
      // producers[0] is refused for its rate, and its id still meets consumers[0]'s.
      'consumers[0].id: duplicate client id "p-1" (also in producers[0])',
      'timeline[0].target: no NameServer has id "ns-2" (did you mean "ns-1"?)',
      'timeline[1].extra: unknown field "extra"',
    ]);
  });

  it('lists a missing field where its object is, before the problems of the fields after it', () => {
    const scenario = base();
    delete at(scenario, 'topics', 0).name;
    at(scenario, 'nameServers', 0).ip = 'bad';
    at(scenario, 'consumers', 0).group = 7;
    expect(lines(scenario).map((line) => line.slice(0, line.indexOf(':')))).toEqual(['nameServers[0].ip', 'topics[0].name', 'consumers[0].group']);
  });

  it('checks the time of an entry whose action is unknown too: both are listed at once, not the time only after the action is mended', () => {
    const scenario = base();
    scenario.timeline = [{ at: -1, action: 'crashBrokr', target: 'broker-a' }, { at: 'x', action: 'nope' }];
    expect(lines(scenario).map((line) => line.slice(0, line.indexOf(':', line.indexOf(']')) + 1))).toEqual([
      'timeline[0].at:', 'timeline[0].action:', 'timeline[1].at:', 'timeline[1].action:',
    ]);
    expect(lines(scenario)[0]).toBe("timeline[0].at: must be an integer from 0 to 300000 (the scenario's durationMs)");
  });

  it('counts the name of an item refused for another field: its duplicates and clashes are listed with its own problem', () => {
    const scenario = base();
    scenario.nameServers = [{ id: 'ns-1' }, { id: 'ns-1', ip: 'bad' }];
    scenario.brokers = [{ name: 'broker-a', role: 'X' }, { name: 'broker-a' }];
    scenario.topics = [{ name: 'TopicTest', writeQueueNums: 0 }, { name: 'TopicTest' }];
    scenario.producers = [{ id: 'broker-a/0', group: 'PG', topic: 'TopicTest', ratePerSec: -1 }];
    scenario.consumers = [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }, { id: 'c-1', group: 'CG', topic: 'TopicTest', bogus: 1 }];
    scenario.timeline = [];
    // In the file's order; a field the file does not have (brokers[1].brokerId) where its object is.
    expect(lines(scenario)).toEqual([
      'nameServers[1].id: duplicate NameServer id "ns-1" (also in nameServers[0])',
      'nameServers[1].ip: must be a dotted IPv4 address such as 10.0.0.1',
      'brokers[0].role: must be one of "ASYNC_MASTER", "SYNC_MASTER", "SLAVE"',
      'brokers[1].brokerId: "broker-a" already has a broker with brokerId 0 (also in brokers[0])',
      'topics[0].writeQueueNums: must be an integer from 1 to 1024',
      'topics[1].name: duplicate topic "TopicTest" (also in topics[0])',
      'producers[0].id: "broker-a/0" is already the name of a broker (also in brokers[0]): give each process a name of its own',
      'producers[0].ratePerSec: must be a number from 0 to 10000 (messages per second)',
      'consumers[1].id: duplicate client id "c-1" (also in consumers[0])',
      'consumers[1].bogus: unknown field "bogus"',
    ]);
    // A name that is itself wrong is its item's problem only: it meets no other.
    scenario.consumers = [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }, { id: '', group: 'CG', topic: 'TopicTest' }];
    expect(lines(scenario).filter((line) => line.startsWith('consumers'))).toEqual(['consumers[1].id: must be a non-empty string of at most 255 characters']);
  });

  it('counts the client of a timeline entry refused for another field, and blames a clash on the client that starts later', () => {
    const scenario = base();
    scenario.timeline = [
      { at: 1_000, action: 'addProducer', producer: { id: 'c-1', group: 'PG', topic: 'TopicTest', ratePerSec: 'fast' } },
      { at: 'soon', action: 'addConsumer', consumer: { id: 'broker-a/1', group: 'CG', topic: 'TopicTest' } },
      { at: 3_000, action: 'addConsumer', consumer: { id: 'c-9', group: 'CG', topic: 'TopicTest' } },
      { at: 2_000, action: 'addConsumer', consumer: { id: 'c-9', group: 'CG', topic: 'TopicTest', bogus: 1 } },
    ];
    expect(lines(scenario)).toEqual([
      'timeline[0].producer.id: duplicate client id "c-1" (also in consumers[0])',
      'timeline[0].producer.ratePerSec: must be a number from 0 to 10000 (messages per second)',
      'timeline[1].at: must be an integer from 0 to 300000 (the scenario\'s durationMs)',
      'timeline[1].consumer.id: "broker-a/1" is already the name of a broker (also in brokers[1]): give each process a name of its own',
      'timeline[3].consumer.id: duplicate client id "c-9" (also in timeline[2].consumer)',
      'timeline[3].consumer.bogus: unknown field "bogus"',
    ]);
  });

  it('does not repeat a problem as a broken reference: a topic naming an invalid broker is not reported', () => {
    const scenario = base();
    at(scenario, 'brokers', 0).port = 'x';
    at(scenario, 'topics', 0).brokers = [{ name: 'broker-a' }];
    expect(lines(scenario)).toEqual(['brokers[0].port: must be an integer from 1 to 65535']);
  });

  it('checks timestamps against the bound, not against a durationMs that is itself wrong, and says so', () => {
    const scenario = base();
    scenario.durationMs = 'long';
    expect(lines(scenario)).toEqual(['durationMs: must be an integer from 1 to 86400000 (at most 24 h of virtual time)']);
    at(scenario, 'timeline', 0).at = -1;
    expect(lines(scenario)).toEqual([
      'durationMs: must be an integer from 1 to 86400000 (at most 24 h of virtual time)',
      'timeline[0].at: must be an integer from 0 to 86400000 (at most 24 h of virtual time)',
    ]);
  });

  it('lists a reference to a client nobody names even when other clients are refused, but not one to a refused client', () => {
    const scenario = base();
    at(scenario, 'producers', 0).ratePerSec = -1;
    at(scenario, 'consumers', 0).messageModel = 'SOMETIMES';
    scenario.timeline = [
      { at: 1_000, action: 'removeConsumer', target: 'c-9' },
      { at: 2_000, action: 'removeProducer', target: 'p-7' },
      { at: 3_000, action: 'setProducerRate', target: 'p-1', ratePerSec: 5 },
      { at: 4_000, action: 'crashConsumer', target: 'c-1' },
    ];
    expect(lines(scenario)).toEqual([
      'producers[0].ratePerSec: must be a number from 0 to 10000 (messages per second)',
      'consumers[0].messageModel: must be one of "CLUSTERING", "BROADCASTING"',
      'timeline[0].target: no consumer has id "c-9" (known: "c-1")',
      'timeline[1].target: no producer has id "p-7" (known: "p-1")',
    ]);
    // A client whose own id is wrong might be the one named: nothing is said of the references then.
    at(scenario, 'consumers', 0).id = 7;
    expect(lines(scenario).filter((line) => line.startsWith('timeline'))).toEqual([]);
  });
});

describe('validateScenario: what a refused item refers to is checked too', () => {
  it('lists the references and group clashes of items refused for another field with their own problems (s48 review, bad7.json)', () => {
    const scenario = base();
    scenario.brokers = [{ name: 'broker-a' }];
    scenario.producers = [{ id: 'p-1', group: 'PG', topic: 'TopicTest' }, { id: 'p-2', group: 'PG', topic: 'TopicTest', tags: [1, 2] }];
    scenario.consumers = [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }, { id: 'c-3', group: 'CG', topic: 'TopicTest', subscription: 5, messageModel: 'BROADCASTING' }];
    scenario.timeline = [
      { at: 1000, action: 'crashBroker', target: 'ghost', brokerId: 'x' },
      { at: 'abc', action: 'crashConsumer', target: 'ghost2' },
      { at: 1000, action: 'setProducerRate', target: 'ghost3', ratePerSec: -1 },
    ];
    expect(lines(scenario)).toEqual([
      'producers[1].tags[0]: must be a non-empty string of at most 255 characters',
      'producers[1].tags[1]: must be a non-empty string of at most 255 characters',
      'consumers[1].subscription: must be a string of at most 255 characters',
      'consumers[1].messageModel: must be "CLUSTERING" like the other consumers of group "CG" (also in consumers[0])',
      'timeline[0].target: no broker is named "ghost" (known: "broker-a")',
      'timeline[0].brokerId: must be an integer from 0 to 1023',
      'timeline[1].at: must be an integer from 0 to 300000 (the scenario\'s durationMs)',
      'timeline[1].target: no consumer has id "ghost2" (known: "c-1", "c-3")',
      'timeline[2].target: no producer has id "ghost3" (known: "p-1", "p-2")',
      'timeline[2].ratePerSec: must be a number from 0 to 10000 (messages per second)',
    ]);
  });

  it('checks the peer of a link refused for an unknown field, and an added consumer\'s group beside a refused consumer (bad5.json, bad2.json)', () => {
    const scenario = base();
    at(scenario, 'consumers', 0).messageQueueList = ['broker-a'];
    scenario.timeline = [
      { at: 1000, action: 'healLink', target: 'ns-1', peer: 'zzz', bogus: 1 },
      { at: 1000, action: 'addConsumer', consumer: { id: 'c-2', group: 'CG', topic: 'TopicTest', messageModel: 'BROADCASTING' } },
    ];
    expect(lines(scenario)).toEqual([
      'consumers[0].messageQueueList[0]: must be a queue written "brokerName:queueId", such as "broker-a:0"',
      'timeline[0].peer: no NameServer, broker (brokerName, or node "brokerName/brokerId") or client is named "zzz" (known: "ns-1", "broker-a", "p-1", "c-1", "c-2" and 2 more)',
      'timeline[0].bogus: unknown field "bogus"',
      'timeline[1].consumer.messageModel: must be "CLUSTERING" like the other consumers of group "CG" (also in consumers[0])',
    ]);
  });

  it('checks where a refused topic goes, unless that is what is wrong', () => {
    const scenario = base();
    scenario.topics = [{ name: 'TopicTest', cluster: 'Other', writeQueueNums: 0 }, { name: 'T2', brokers: [{ name: 'broker-x', perm: 9 }] }];
    expect(lines(scenario)).toEqual([
      'topics[0].cluster: no master broker (brokerId 0) is in cluster "Other" (known: "DefaultCluster")',
      'topics[0].writeQueueNums: must be an integer from 1 to 1024',
      'topics[1].brokers[0].perm: must be an integer from 0 to 7 (PermName bits: 2 write, 4 read, 6 read and write)',
    ]);
  });

  it('says nothing that rests on a wrong field: a wrong time, a wrong cluster, a wrong messageModel', () => {
    const scenario = base();
    scenario.consumers = [
      { id: 'c-0', group: 'CG', topic: 'TopicTest', messageModel: 'SOMETIMES' },
      { id: 'c-1', group: 'CG', topic: 'TopicTest', messageModel: 'BROADCASTING' },
      { id: 'c-2', group: 'CG', topic: 'TopicTest' },
    ];
    scenario.timeline = [
      // Its time is unknown: the consumer added at 5 s may be there.
      { at: 'soon', action: 'crashConsumer', target: 'c-9' },
      { at: 5000, action: 'addConsumer', consumer: { id: 'c-9', group: 'CG2', topic: 'TopicTest' } },
      // A cluster was meant, so the topic was to be created.
      { at: 1000, action: 'updateTopic', topic: 'New', cluster: 5 },
      // Created by an entry whose time is unknown: there from the start.
      { at: 1000, action: 'updateTopic', topic: 'Later', perm: 4 },
      { at: -1, action: 'updateTopic', topic: 'Later', cluster: 'DefaultCluster' },
    ];
    expect(lines(scenario)).toEqual([
      'consumers[0].messageModel: must be one of "CLUSTERING", "BROADCASTING"',
      'timeline[0].at: must be an integer from 0 to 300000 (the scenario\'s durationMs)',
      'timeline[2].cluster: must be a non-empty string of at most 255 characters',
      'timeline[4].at: must be an integer from 0 to 300000 (the scenario\'s durationMs)',
    ]);
  });

  it('checks a refused entry in time order: a client added later is still not there', () => {
    const scenario = base();
    scenario.timeline = [
      { at: 1000, action: 'crashConsumer', target: 'c-9', bogus: 1 },
      { at: 5000, action: 'addConsumer', consumer: { id: 'c-9', group: 'CG', topic: 'TopicTest' } },
    ];
    expect(lines(scenario)).toEqual([
      'timeline[0].target: consumer "c-9" is only added later, at 5000 ms (timeline[1])',
      'timeline[0].bogus: unknown field "bogus"',
    ]);
  });
});

describe('validateScenario: a link names processes as the model\'s linkNode does', () => {
  it('takes a broker by its node, "brokerName/brokerId": a slave\'s links can be cut (s48 review, plink.json)', () => {
    const scenario = base();
    scenario.timeline = [
      { at: 1000, action: 'partitionLink', target: 'ns-1', peer: 'broker-a/1' },
      { at: 1000, action: 'partitionLink', target: 'broker-a/0', peer: 'broker-a/1' },
      { at: 2000, action: 'healLink', target: 'broker-a', peer: 'broker-a/1' },
    ];
    expect(lines(scenario)).toEqual([]);
  });
});

describe('validateScenario: a CONFIG consumer\'s queues', () => {
  const config = (s: Json, ...queues: string[]) => Object.assign(at(s, 'consumers', 0), { allocateStrategy: 'CONFIG', messageQueueList: queues });

  it('counts every read queue the file can give the topic on a broker: auto-creation where the topic is not, and updateTopic', () => {
    const scenario = base();
    scenario.brokers = [{ name: 'broker-a' }, { name: 'broker-b', cluster: 'Other' }];
    config(scenario, 'broker-a:3', 'broker-a:4', 'broker-b:3', 'broker-b:4');
    const past = (queue: string, broker: string, count: number) =>
      `"${queue}" is not a queue of topic "TopicTest": the file gives it at most ${count} read queues on "${broker}" (0 to ${count - 1}), and PullMessageProcessor refuses a pull past readQueueNums`;
    // A producer that loses the route sends by TBW102's: broker-b creates the topic with the producer's 4 queues.
    expect(lines(scenario)).toEqual([
      `consumers[0].messageQueueList[1]: ${past('broker-a:4', 'broker-a', 4)}`,
      `consumers[0].messageQueueList[3]: ${past('broker-b:4', 'broker-b', 4)}`,
    ]);
    scenario.config = { autoCreateTopicEnable: false };
    expect(lines(scenario)).toEqual([
      `consumers[0].messageQueueList[1]: ${past('broker-a:4', 'broker-a', 4)}`,
      'consumers[0].messageQueueList[2]: "broker-b:3" is not a queue of topic "TopicTest": the file never puts it on "broker-b"',
      'consumers[0].messageQueueList[3]: "broker-b:4" is not a queue of topic "TopicTest": the file never puts it on "broker-b"',
    ]);
    // An updateTopic's count is taken on every broker: where it applies depends on the run.
    scenario.timeline = [{ at: 1, action: 'updateTopic', topic: 'TopicTest', broker: 'broker-a', readQueueNums: 6 }];
    at(scenario, 'consumers', 0).messageQueueList = ['broker-a:5', 'broker-a:6', 'broker-b:5'];
    expect(lines(scenario)).toEqual([
      `consumers[0].messageQueueList[1]: ${past('broker-a:6', 'broker-a', 6)}`,
    ]);
  });

  it('checks only the broker of a queue when the topic\'s counts are not known: not in "topics", or a refused entry might change them', () => {
    const scenario = base();
    config(scenario, 'broker-a:99', 'broker-x:0');
    const brokerX = 'consumers[0].messageQueueList[1]: no broker is named "broker-x" (did you mean "broker-a"?)';
    scenario.timeline = [{ at: 1, action: 'updateTopic', topic: 'TopicTest', readQueueNums: 'many' }];
    expect(lines(scenario)).toEqual([brokerX, 'timeline[0].readQueueNums: must be an integer from 1 to 1024']);
    scenario.timeline = [{ at: 1, action: 'updateTopc', topic: 'TopicTest' }];
    expect(lines(scenario)[0]).toBe(brokerX);
    scenario.timeline = [];
    scenario.topics = [];
    expect(lines(scenario)).toEqual([brokerX]);
  });

  it('checks the queues of a consumer refused for another field, and of one the timeline adds', () => {
    const scenario = base();
    config(scenario, 'broker-a:4');
    at(scenario, 'consumers', 0).failureRate = 2;
    scenario.timeline = [{ at: 1, action: 'addConsumer', consumer: { id: 'c-2', group: 'CG', topic: 'TopicTest', allocateStrategy: 'CONFIG', messageQueueList: ['broker-c:0'] } }];
    expect(lines(scenario)).toEqual([
      'consumers[0].messageQueueList[0]: "broker-a:4" is not a queue of topic "TopicTest": the file gives it at most 4 read queues on "broker-a" (0 to 3), and PullMessageProcessor refuses a pull past readQueueNums',
      'consumers[0].failureRate: must be a number from 0 to 1',
      'timeline[0].consumer.messageQueueList[0]: no broker is named "broker-c" (did you mean "broker-a"?)',
    ]);
  });
});

describe('validateScenario: the same problems in Chinese', () => {
  it('names what is missing where Chinese puts it, and lists what exists', () => {
    const scenario = base();
    scenario.timeline = [{ at: 1_000, action: 'crashBroker', target: 'brokr-a' }, { at: 2_000, action: 'removeConsumer', target: 'c-9' }];
    expect(errorsOf(scenario).map((e) => `${e.path}: ${e.zh}`)).toEqual([
      'timeline[0].target: 没有名为 "brokr-a" 的 Broker（是不是 "broker-a"？）',
      'timeline[1].target: 没有 id 为 "c-9" 的消费者（已有："c-1"）',
    ]);
  });

  it('keeps a name as written, whatever it holds: "$&" is not a replacement pattern, a control character cannot split a message', () => {
    const scenario = base();
    scenario.timeline = [{ at: 1_000, action: 'crashBroker', target: '$&$1' }];
    scenario['odd\u001ffield'] = 1;
    expect(errorsOf(scenario)).toEqual([
      { path: 'timeline[0].target', message: 'no broker is named "$&$1" (known: "broker-a")', zh: '没有名为 "$&$1" 的 Broker（已有："broker-a"）' },
      { path: '["odd\\u001ffield"]', message: 'unknown field "odd\\u001ffield"', zh: '未知字段 "odd\\u001ffield"' },
    ]);
  });
});

describe('validateScenario: one problem per unknown field (s51 review, proto.json)', () => {
  it('lists each unknown field at its own path, so two mistakes count as two', () => {
    const scenario = JSON.parse('{"version":1,"__proto__":{"x":1},"constructor":1}') as Json;
    expect(lines(scenario)).toEqual(['__proto__: unknown field "__proto__"', 'constructor: unknown field "constructor"']);
  });

  it('lists a nested unknown field inside its item, with the item\'s other problems', () => {
    const scenario = base();
    Object.assign(at(scenario, 'brokers', 0), { foo: 1, 'odd key': 2, port: 0 });
    expect(lines(scenario)).toEqual([
      'brokers[0].foo: unknown field "foo"',
      'brokers[0]["odd key"]: unknown field "odd key"',
      'brokers[0].port: must be an integer from 1 to 65535',
    ]);
  });

  it('tells the first six unknown fields of an object in the file\'s order, the sixth counting those after it', () => {
    const scenario = base();
    Object.assign(at(scenario, 'producers', 0), Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((key) => [key, 1])));
    expect(errorsOf(scenario).map((e) => `${e.path}: ${e.message} / ${e.zh}`)).toEqual([
      ...['a', 'b', 'c', 'd', 'e'].map((key) => `producers[0].${key}: unknown field "${key}" / 未知字段 "${key}"`),
      'producers[0].f: unknown field "f", and 2 more unknown fields after it / 未知字段 "f"，其后另有 2 个未知字段',
    ]);
    // Six are six problems, none counting more.
    const six = base();
    Object.assign(at(six, 'producers', 0), Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => [key, 1])));
    expect(errorsOf(six).map((e) => e.message)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => `unknown field "${key}"`));
  });
});

describe('validateScenario: a NameServer or client id is not a brokerName (s51 review, hostile2.json)', () => {
  it('refuses a client or NameServer id that a broker has as its brokerName, at the id, whichever comes first', () => {
    const scenario = base();
    scenario.nameServers = [{ id: 'broker-a' }];
    scenario.brokers = [{ name: 'broker-a' }, { name: 'constructor' }];
    at(scenario, 'consumers', 0).id = 'constructor';
    scenario.timeline = [{ at: 1000, action: 'addProducer', producer: { id: 'broker-a', group: 'PG', topic: 'TopicTest', ratePerSec: -1 } }];
    const why = "and a link's target or peer names a broker by its brokerName: give each process a name of its own";
    expect(lines(scenario)).toEqual([
      `nameServers[0].id: "broker-a" is already the brokerName of a broker (also in brokers[0]), ${why}`,
      `consumers[0].id: "constructor" is already the brokerName of a broker (also in brokers[1]), ${why}`,
      'timeline[0].producer.id: "broker-a" is already the name of a NameServer (also in nameServers[0]): give each process a name of its own',
      'timeline[0].producer.ratePerSec: must be a number from 0 to 10000 (messages per second)',
    ]);
    expect(errorsOf(scenario)[0]?.zh).toBe('"broker-a" 已经是一个 Broker 的 brokerName（另见 brokers[0]），而链路的 target 或 peer 用 brokerName 指 Broker：给每个进程起一个自己的名字');
    // A brokerName that is also a slave's node is still taken as the brokerName (docs/scenario.md).
    const nodeNamed = base();
    nodeNamed.brokers = [{ name: 'broker-a' }, { name: 'broker-a', brokerId: 1 }, { name: 'broker-a/1' }];
    nodeNamed.timeline = [{ at: 1000, action: 'partitionLink', target: 'broker-a/1', peer: 'ns-1' }];
    expect(lines(nodeNamed)).toEqual([]);
  });
});

describe('validateScenario: no direction control in a name (s51 review, t17)', () => {
  const why = "a Unicode direction control: it would reverse the page's text around the name; remove it";

  it('refuses U+202A to U+202E and U+2066 to U+2069 in every name, naming the character, and accepts any script', () => {
    const scenario = base();
    scenario.name = 'RLO \u202e test name';
    scenario.translations = { zh: { name: '\u2067名字' } };
    at(scenario, 'nameServers', 0).id = 'ns\u2066';
    scenario.brokers = [{ name: 'broker-a', cluster: 'c\u2068' }, { name: 'b\u202bx' }];
    scenario.topics = [{ name: 'Topic\u202e' }, { name: 'TopicTest' }];
    scenario.producers = [{ id: 'p\u202e-1', group: 'PG\u202a', topic: 'TopicTest', tags: ['T\u202c'], keyPrefix: 'k\u2069', instanceName: 'i\u202d' }];
    scenario.consumers = [{ id: '\u202bשלום', group: 'CG', topic: 'TopicTest', subscription: 'TagA\u202e' }];
    scenario.timeline = [{ at: 1000, action: 'crashBroker', target: 'broker-a\u202e' }];
    expect(lines(scenario)).toEqual([
      `nameServers[0].id: contains U+2066, ${why}`,
      `brokers[0].cluster: contains U+2068, ${why}`,
      `brokers[1].name: contains U+202B, ${why}`,
      `topics[0].name: contains U+202E, ${why}`,
      `producers[0].id: contains U+202E, ${why}`,
      `producers[0].group: contains U+202A, ${why}`,
      `producers[0].tags[0]: contains U+202C, ${why}`,
      `producers[0].keyPrefix: contains U+2069, ${why}`,
      `producers[0].instanceName: contains U+202D, ${why}`,
      `consumers[0].id: contains U+202B, ${why}`,
      `consumers[0].subscription: contains U+202E, ${why}`,
      `timeline[0].target: contains U+202E, ${why}`,
      // Set last, so last in the file's order.
      `name: contains U+202E, ${why}`,
      `translations.zh.name: contains U+2067, ${why}`,
    ]);
    expect(errorsOf(scenario).find((e) => e.path === 'producers[0].id')?.zh).toBe('含有 U+202E（Unicode 方向控制字符）：它会让页面上名字前后的文字反向显示；请删除它');
    // Any script is a name, and the description, a block of its own, may hold a direction control.
    const scripts = base();
    scripts.name = '订单 🚀 مرحبا / 100% #1 & 2';
    scripts.description = 'free text \u202e shown as a block of its own';
    scripts.brokers = [{ name: 'مرحبا' }];
    scripts.topics = [{ name: 'TopicTest', brokers: [{ name: 'مرحبا' }] }];
    at(scripts, 'producers', 0).id = '订单 🚀 שלום';
    scripts.timeline = [{ at: 1000, action: 'partitionLink', target: 'مرحبا', peer: '订单 🚀 שלום' }];
    expect(lines(scripts)).toEqual([]);
  });

  it('refuses an invisible character in a name (two names would look the same), keeps the joiners Persian and emoji need, and escapes it where a message quotes it', () => {
    const invisible = 'an invisible character: the name would look like another that differs from it; remove it';
    const scenario = base();
    scenario.brokers = [{ name: 'broker-a' }, { name: 'broker-a\u200b' }];
    scenario.topics = [{ name: 'TopicTest\ufeff' }, { name: 'TopicTest' }];
    at(scenario, 'producers', 0).id = 'p-1\u00ad';
    scenario.consumers = [{ id: '\u2060c-1', group: 'CG', topic: 'TopicTest' }];
    scenario['seed\u200b'] = 1;
    expect(lines(scenario)).toEqual([
      'brokers[1].name: contains U+200B, ' + invisible,
      'topics[0].name: contains U+FEFF, ' + invisible,
      'producers[0].id: contains U+00AD, ' + invisible,
      'consumers[0].id: contains U+2060, ' + invisible,
      '["seed\\u200b"]: unknown field "seed\\u200b" (did you mean "seed"?)',
    ]);
    expect(errorsOf(scenario).find((e) => e.path === 'producers[0].id')?.zh).toBe('含有 U+00AD（不可见字符）：这个名字看起来会和另一个不同的名字一样；请删除它');
    const joined = base();
    at(joined, 'producers', 0).id = 'می\u200cخواهم';
    joined.consumers = [{ id: '👨\u200d👩\u200d👧', group: 'CG', topic: 'TopicTest' }];
    expect(lines(joined)).toEqual([]);
  });

  it('escapes a direction control that a message or a path quotes from the file', () => {
    const scenario = base();
    scenario['x\u202e'] = 1;
    scenario.timeline = [{ at: 1000, action: 'crashBrokr\u202e' }];
    expect(lines(scenario)).toEqual([
      'timeline[0].action: unknown action "crashBrokr\\u202e" (did you mean "crashBroker"?); allowed actions: ' +
        'crashBroker, powerOffBroker, partitionBroker, healPartition, shutdownBroker, startBroker, crashNameServer, startNameServer, partitionLink, healLink, ' +
        'addConsumer, addProducer, removeConsumer, removeProducer, crashConsumer, hangConsumer, setProducerRate, updateTopic, wipeWritePerm, addWritePerm',
      '["x\\u202e"]: unknown field "x\\u202e"',
    ]);
  });
});

/**
 * A name blank or with whitespace at either end is refused at its path: it would show as no name,
 * or look like the name without the whitespace, as an invisible character would. Whitespace inside
 * a name stays allowed: it shows.
 */
const BLANK = 'is only whitespace: the page would show no name at all; give it a visible name';

describe('validateScenario: no blank name, no whitespace at a name\'s ends', () => {
  it('refuses whitespace-only ids, in English and Chinese', () => {
    const scenario = base();
    scenario.producers = [{ id: '   ', group: 'PG', topic: 'TopicTest' }];
    scenario.consumers = [{ id: '\t', group: 'CG', topic: 'TopicTest' }];
    expect(lines(scenario)).toEqual([`producers[0].id: ${BLANK}`, `consumers[0].id: ${BLANK}`]);
    expect(errorsOf(scenario)[0]?.zh).toBe('只含空白字符：页面上会完全看不到这个名字；请给它一个看得见的名字');
  });

  it('refuses whitespace at either end of every name, saying which name it would look like', () => {
    const scenario = base();
    scenario.name = ' Write 8';
    scenario.translations = { zh: { name: '写 8\u3000' } };
    scenario.nameServers = [{ id: 'ns-1 ' }];
    scenario.controllers = [{ id: '\tctl' }];
    scenario.brokers = [{ name: 'broker-a', cluster: 'DefaultCluster ' }];
    scenario.topics = [{ name: 'TopicTest', cluster: ' DefaultCluster' }];
    scenario.producers = [{ id: 'p-1 ', group: 'PG', topic: 'TopicTest', tags: ['TagA '], keyPrefix: ' order', instanceName: 'i\u00a0' }];
    scenario.consumers = [{ id: ' c-1 ', group: 'CG', topic: 'TopicTest', failTags: [' TagA'], instanceName: 'j ', allocateStrategy: 'MACHINE_ROOM', consumeridcs: ['room-1\n'] }];
    scenario.timeline = [
      { at: 1000, action: 'partitionLink', target: 'p-1 ', peer: ' ns-1' },
      { at: 2000, action: 'crashConsumer', target: 'c-1\t' },
      { at: 3000, action: 'setProducerRate', target: ' p-1', ratePerSec: 1 },
      { at: 4000, action: 'updateTopic', topic: 'TopicTest', cluster: 'DefaultCluster ' },
    ];
    expect(lines(scenario)).toEqual([
      'nameServers[0].id: ends with whitespace: "ns-1 " would look like "ns-1", another name; remove it',
      'brokers[0].cluster: ends with whitespace: "DefaultCluster " would look like "DefaultCluster", another name; remove it',
      'topics[0].cluster: starts with whitespace: " DefaultCluster" would look like "DefaultCluster", another name; remove it',
      'producers[0].id: ends with whitespace: "p-1 " would look like "p-1", another name; remove it',
      'producers[0].tags[0]: ends with whitespace: "TagA " would look like "TagA", another name; remove it',
      'producers[0].keyPrefix: starts with whitespace: " order" would look like "order", another name; remove it',
      'producers[0].instanceName: ends with whitespace: "i\u00a0" would look like "i", another name; remove it',
      'consumers[0].id: starts and ends with whitespace: " c-1 " would look like "c-1", another name; remove it',
      'consumers[0].failTags[0]: starts with whitespace: " TagA" would look like "TagA", another name; remove it',
      'consumers[0].instanceName: ends with whitespace: "j " would look like "j", another name; remove it',
      'consumers[0].consumeridcs[0]: ends with whitespace: "room-1\\n" would look like "room-1", another name; remove it',
      'timeline[0].target: ends with whitespace: "p-1 " would look like "p-1", another name; remove it',
      'timeline[0].peer: starts with whitespace: " ns-1" would look like "ns-1", another name; remove it',
      'timeline[1].target: ends with whitespace: "c-1\\t" would look like "c-1", another name; remove it',
      'timeline[2].target: starts with whitespace: " p-1" would look like "p-1", another name; remove it',
      'timeline[3].cluster: ends with whitespace: "DefaultCluster " would look like "DefaultCluster", another name; remove it',
      // Added to the file after its lists, so last in the file's order.
      'name: starts with whitespace: " Write 8" would look like "Write 8", another name; remove it',
      'translations.zh.name: ends with whitespace: "写 8\u3000" would look like "写 8", another name; remove it',
      'controllers[0].id: starts with whitespace: "\\tctl" would look like "ctl", another name; remove it',
    ]);
    expect(errorsOf(scenario).find((e) => e.path === 'consumers[0].id')?.zh).toBe('开头和结尾都有空白字符：" c-1 " 看起来会和另一个名字 "c-1" 一样；请删除它');
  });

  it('keeps allowing whitespace inside a name, an empty keyPrefix, and free text that is not a name', () => {
    const scenario = base();
    scenario.name = 'Write 8 / read 4';
    scenario.description = '  free text, a block of its own: whitespace at its ends is layout  ';
    scenario.producers = [{ id: 'order service 1', group: 'PG', topic: 'TopicTest', tags: ['Tag A'], keyPrefix: '', instanceName: 'host a' }];
    // FilterAPI.buildSubscriptionData trims each tag of an expression: " TagA || TagB " is RocketMQ's own reading.
    scenario.consumers = [{ id: 'c 1', group: 'CG', topic: 'TopicTest', subscription: ' TagA || TagB ' }];
    scenario.timeline = [{ at: 1000, action: 'crashConsumer', target: 'c 1' }];
    expect(lines(scenario)).toEqual([]);
  });
});
