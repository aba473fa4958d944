import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../../src/sim/timeline.ts';
import { whatIf, whatIfShare } from '../../../../src/sim/queries/what-if.ts';
import { applyWhatIf, readWhatIfChange, whatIfFromLink, whatIfToLink, whatIfValue } from '../../../../src/sim/queries/what-if-change.ts';
import { libraryScenario } from '../../../support/library.ts';
import { scenarioOf } from '../../../support/test-sim.ts';

// No jitter: an extra registration must not shift the other messages' latencies (jitter draws
// from the run's one PRNG), so the first difference is the registration itself.
const write8read4 = scenarioOf({
  version: 1, durationMs: 120_000, config: { networkJitterMs: 0 }, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
  topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 4 }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10, startAt: 1_000 }],
  consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 1_000 }],
});

describe('whatIf', () => {
  const timeline = new Timeline(write8read4);
  timeline.seek(40_000);

  it('readQueueNums 4 -> 8 at 40 s: the runs agree until 40 s, then the stranded queues drain', () => {
    const result = whatIf(timeline, { change: { at: 40_000, path: 'topics.TopicTest.readQueueNums', value: 8 }, untilMs: 120_000 });
    if (!result.ok) throw new Error(result.message.en);
    expect(result.effectiveAtMs).toBe(40_000);
    expect(result.divergence?.t).toBe(40_000);
    expect(result.divergence?.changed).toEqual({ t: 40_000, type: 'fault', action: 'updateTopic', target: 'TopicTest' });
    // The command changes what follows it at once: both runs have an event there, and they differ.
    expect(result.divergence).toMatchObject({ onlyIn: null, original: { t: 40_000, type: 'message.sent' } });
    expect(result.original.summary.messages.neverConsumable).toBeGreaterThan(0);
    expect(result.changed.summary.messages.neverConsumable).toBe(0);
    expect(result.differences).toContainEqual({ name: 'neverConsumable', original: result.original.summary.messages.neverConsumable, changed: 0 });
    expect(result.original.series.samples.at(-1)!.t).toBe(120_000);
    expect(timeline.now).toBe(40_000);
  });

  it('a broker heartbeat every 10 s instead of 30 s: the first difference is the second registration, at 10 s + 10 s instead of 10 s + 30 s', () => {
    // BrokerController.start: registerBrokerAll after 10 s, then every registerNameServerPeriod.
    const result = whatIf(timeline, { change: { at: 40_000, path: 'config.brokerHeartbeatIntervalMs', value: 10_000 }, untilMs: 60_000 });
    if (!result.ok) throw new Error(result.message.en);
    expect(result.effectiveAtMs).toBe(0);
    expect(result.divergence!.t).toBeGreaterThanOrEqual(20_000);
    expect(result.divergence!.t).toBeLessThan(20_100);
    expect(result.divergence!.changed).toMatchObject({ type: 'broker.registered', first: false });
    // One registration more, the next event the same in both: said as an event only the changed run has.
    expect(result.divergence).toMatchObject({ onlyIn: 'changed', original: null });
  });

  it('the same setting: no divergence and no difference', () => {
    const result = whatIf(timeline, { change: { at: 10_000, path: 'config.brokerHeartbeatIntervalMs', value: 30_000 }, untilMs: 30_000 });
    if (!result.ok) throw new Error(result.message.en);
    expect(result.divergence).toBeNull();
    expect(result.differences).toEqual([]);
  });

  it('an updateTopic with the counts the topic has: only the command itself differs', () => {
    const result = whatIf(timeline, { change: { at: 10_000, path: 'topics.TopicTest.readQueueNums', value: 4 }, untilMs: 30_000 });
    if (!result.ok) throw new Error(result.message.en);
    expect(result.divergence?.changed).toMatchObject({ t: 10_000, type: 'fault', action: 'updateTopic' });
    expect(result.divergence).toMatchObject({ onlyIn: 'changed', original: null });
    expect(result.differences).toEqual([]);
  });

  it('refuses what is not a setting, or a value the scenario validator refuses, with a message', () => {
    const refused = (path: string, value: number | string) => {
      const result = applyWhatIf(write8read4, { at: 0, path, value });
      return result.ok ? '' : result.message.en;
    };
    expect(refused('topics.__proto__.readQueueNums', 8)).toBe('no topic named "__proto__"');
    // The page in 中文 says it in Chinese, the validator's problems too.
    expect(applyWhatIf(write8read4, { at: 0, path: 'topics.Nope.readQueueNums', value: 8 })).toMatchObject({ message: { zh: '没有名为 "Nope" 的主题' } });
    expect(applyWhatIf(write8read4, { at: 0, path: 'topics.TopicTest.readQueueNums', value: 5_000 }))
      .toMatchObject({ message: { zh: 'timeline[0].readQueueNums: 必须是 1 到 1024 之间的整数' } });
    expect(refused('config.constructor', 1)).toBe('config has no key "constructor"');
    expect(refused('config.brokerHeartbeatIntervalMs', 'fast')).toBe('config.brokerHeartbeatIntervalMs takes a number');
    expect(refused('topics.TopicTest.readQueueNums', 5_000)).toMatch(/^timeline\[0\]\.readQueueNums: /);
    expect(refused('nonsense', 1)).toMatch(/is not a setting/);
  });

  it('switches the defaults that differ between 4.x and 5.x with the version', () => {
    const result = applyWhatIf(write8read4, { at: 0, path: 'config.rocketmqVersion', value: '4.x' });
    if (!result.ok) throw new Error(result.message.en);
    // NamesrvController 4.x scans every 10 s (5.x: 5 s).
    expect(result.scenario.config.scanNotActiveBrokerIntervalMs).toBe(10_000);
  });

  it('reads a change from a link only when it has the right shape', () => {
    expect(readWhatIfChange({ at: 5, path: 'config.x', value: 1 })).toEqual({ at: 5, path: 'config.x', value: 1 });
    for (const bad of [null, 3, { at: -1, path: 'a', value: 1 }, { at: 1, path: 2, value: 1 }, { at: 1, path: 'a', value: {} }]) expect(readWhatIfChange(bad)).toBeNull();
  });

  it('travels in a link as at~path~value, and a damaged one is ignored', () => {
    const change = { at: 40_000, path: 'topics.TopicTest.readQueueNums', value: 8 };
    expect(whatIfToLink(change)).toBe('40000~topics.TopicTest.readQueueNums~8');
    expect(whatIfFromLink(whatIfToLink(change))).toEqual({ change, untilMs: null });
    expect(whatIfFromLink('0~config.rocketmqVersion~4.x')?.change).toEqual({ at: 0, path: 'config.rocketmqVersion', value: '4.x' });
    expect(whatIfFromLink('0~groups.CG~1.allocateStrategy~AVG')?.change).toEqual({ at: 0, path: 'groups.CG~1.allocateStrategy', value: 'AVG' });
    for (const bad of [undefined, '', 'x~a~1', '-5~a~1', '1~~2', '12345678901~a~1', '5-~a~1', '5-x~a~1']) expect(whatIfFromLink(bad)).toBeNull();
  });

  it('carries how far both runs are compared as at-until, so a comparison up to the end reopens as one', () => {
    const change = { at: 0, path: 'config.pollNameServerIntervalMs', value: 10_000 };
    expect(whatIfToLink(change, 360_000)).toBe('0-360000~config.pollNameServerIntervalMs~10000');
    expect(whatIfFromLink('0-360000~config.pollNameServerIntervalMs~10000')).toEqual({ change, untilMs: 360_000 });
    expect(whatIfFromLink('0-360000~groups.CG~1.allocateStrategy~AVG')).toEqual({ change: { at: 0, path: 'groups.CG~1.allocateStrategy', value: 'AVG' }, untilMs: 360_000 });
  });

  it('carries a boolean config key as true or false, read back as a boolean; other keys keep the word, and 1 is no boolean', () => {
    const change = { at: 90_000, path: 'config.sendLatencyFaultEnable', value: true };
    expect(whatIfToLink(change)).toBe('90000~config.sendLatencyFaultEnable~true');
    expect(whatIfFromLink(whatIfToLink(change))?.change).toEqual(change);
    expect(whatIfFromLink('0~config.retryAnotherBrokerWhenNotStoreOK~false')?.change).toMatchObject({ value: false });
    expect(whatIfFromLink('0~config.brokerHeartbeatIntervalMs~true')?.change).toMatchObject({ value: 'true' });
    expect(whatIfFromLink('0~producers.true.sendMode~true')?.change).toMatchObject({ value: 'true' });
    const one = applyWhatIf(write8read4, whatIfFromLink('0~config.sendLatencyFaultEnable~1')!.change);
    expect(one).toEqual({ ok: false, message: { en: 'config.sendLatencyFaultEnable takes true or false', zh: 'config.sendLatencyFaultEnable 的值是 true 或 false' } });
    const applied = applyWhatIf(write8read4, whatIfFromLink('0~config.sendLatencyFaultEnable~true')!.change);
    if (!applied.ok) throw new Error(applied.message.en);
    expect(applied.scenario.config.sendLatencyFaultEnable).toBe(true);
  });
});

describe('whatIf at the playhead for what RocketMQ can change while running', () => {
  const twoConsumers = scenarioOf({
    version: 1, durationMs: 150_000, config: { networkJitterMs: 0 }, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10, startAt: 1_000 }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', startAt: 1_000 }, { id: 'c-2', group: 'CG', topic: 'TopicTest', startAt: 1_000 }],
    timeline: [{ at: 100_000, action: 'crashConsumer', target: 'c-2' }],
  });
  const timeline = new Timeline(twoConsumers);
  timeline.seek(40_000);

  it('a new allocation strategy at 40 s redeploys the group then: the running consumers are replaced, the runs agree until 40 s', () => {
    const applied = applyWhatIf(twoConsumers, { at: 40_000, path: 'groups.CG.allocateStrategy', value: 'AVG_BY_CIRCLE' });
    if (!applied.ok) throw new Error(applied.message.en);
    expect(applied.effect).toEqual({ how: 'redeploy', replaced: 2 });
    expect(applied.effectiveAtMs).toBe(40_000);
    const at40 = applied.scenario.timeline.filter((action) => action.at === 40_000);
    const said = at40.map((action) => (action.action === 'addConsumer' ? `add ${action.consumer.id} ${action.consumer.allocateStrategy}` : action.action === 'removeConsumer' ? `remove ${action.target}` : action.action));
    expect(said).toEqual(['remove c-1', 'add c-3 AVG_BY_CIRCLE', 'remove c-2', 'add c-4 AVG_BY_CIRCLE']);
    // The crash written for c-2 at 100 s now crashes its replacement.
    expect(applied.scenario.timeline).toContainEqual({ at: 100_000, action: 'crashConsumer', target: 'c-4' });
    const result = whatIf(timeline, { change: { at: 40_000, path: 'groups.CG.allocateStrategy', value: 'AVG_BY_CIRCLE' }, untilMs: 60_000 });
    if (!result.ok) throw new Error(result.message.en);
    expect(result.effect).toEqual({ how: 'redeploy', replaced: 2 });
    expect(result.divergence!.t).toBe(40_000);
  });

  it('at 0:00 the group simply starts with the new strategy', () => {
    const applied = applyWhatIf(twoConsumers, { at: 0, path: 'groups.CG.allocateStrategy', value: 'CONSISTENT_HASH' });
    if (!applied.ok) throw new Error(applied.message.en);
    expect(applied.scenario.consumers.map((c) => c.allocateStrategy)).toEqual(['CONSISTENT_HASH', 'CONSISTENT_HASH']);
    expect(applied.scenario.timeline).toHaveLength(1);
  });

  it('a producer sending 20 messages a second from 40 s: the runs agree until 40 s, then 10 more messages a second are sent', () => {
    const result = whatIf(timeline, { change: { at: 40_000, path: 'producers.p-1.ratePerSec', value: 20 }, untilMs: 60_000 });
    if (!result.ok) throw new Error(result.message.en);
    expect(result.effect).toEqual({ how: 'producerRate' });
    expect(result.effectiveAtMs).toBe(40_000);
    expect(result.divergence!.t).toBeGreaterThanOrEqual(40_000);
    // 20 s at 10 more a second: about 200 more sends, give or take the first and last send's timing.
    const more = result.changed.summary.messages.sent - result.original.summary.messages.sent;
    expect(more).toBeGreaterThanOrEqual(195);
    expect(more).toBeLessThanOrEqual(205);
  });

  it('says who reads each start-up setting, so the page can say why it applies from 0:00', () => {
    const reader = (path: string, value: number | string) => {
      const applied = applyWhatIf(twoConsumers, { at: 40_000, path, value });
      if (!applied.ok) throw new Error(applied.message.en);
      expect(applied.effectiveAtMs).toBe(0);
      return applied.effect.how === 'fromStart' ? applied.effect.reader : applied.effect.how;
    };
    expect(reader('config.scanNotActiveBrokerIntervalMs', 10_000)).toBe('nameServer');
    expect(reader('config.brokerHeartbeatIntervalMs', 10_000)).toBe('broker');
    expect(reader('config.pollNameServerIntervalMs', 10_000)).toBe('client');
    expect(reader('config.retryTimesWhenSendFailed', 5)).toBe('send');
    expect(reader('producers.p-1.sendMode', 'ONEWAY')).toBe('send');
    expect(reader('config.rocketmqVersion', '4.x')).toBe('version');
    expect(reader('config.brokerChannelExpiredTimeMs', 60_000)).toBe('process');
    expect(reader('brokers.broker-a.flushDiskType', 'SYNC_FLUSH')).toBe('store');
  });

  it('a slave without slaveReadEnable in "A master crashes": its pulls refused, broker-a\'s backlog waits for the master (5.x PullMessageProcessor.rejectRequest)', () => {
    const failover = new Timeline(libraryScenario('master-slave-failover'));
    failover.seek(120_000);
    const change = { at: 120_000, path: 'brokers.broker-a.slaveReadEnable', value: whatIfValue('brokers.broker-a.slaveReadEnable', 'false') };
    expect(change.value).toBe(false);
    const result = whatIf(failover, { change, untilMs: 160_000 });
    if (!result.ok) throw new Error(result.message.en);
    // Read at every pull; mqadmin updateBrokerConfig could change it, the simulation has no action for that.
    expect(result.effect).toEqual({ how: 'fromStart', reader: 'pull' });
    // The first difference: the slave's answer to c-1's first pull there, once its route shows no master for broker-a.
    expect(result.divergence!.changed).toMatchObject({ type: 'pull.rejected', consumer: 'c-1', broker: 'broker-a', brokerId: 1, reason: 'SYSTEM_BUSY' });
    expect(result.divergence!.t).toBeGreaterThan(75_000);
    // c-1's one thread is busy either way: it consumes broker-b's messages instead, and broker-a's backlog is still there at 2:40.
    const lagOn = (summary: typeof result.original.summary, broker: string) => summary.queues.filter((q) => q.topic === 'TopicTest' && q.broker === broker).reduce((sum, q) => sum + (q.lag['CG_ORDER'] ?? 0), 0);
    expect(lagOn(result.original.summary, 'broker-a')).toBeLessThan(10);
    expect(lagOn(result.changed.summary, 'broker-a')).toBeGreaterThan(100);
    expect(applyWhatIf(libraryScenario('write8-read4') as never, { at: 0, path: 'brokers.broker-a.slaveReadEnable', value: true }))
      .toMatchObject({ ok: false, message: { en: 'no broker named "broker-a" has a slave' } });
  });

  it('ONEWAY sends made SYNC in "Send modes into a partition": the 29 lost in the partition become failed messages, each told, or stored on broker-a by a retry', () => {
    const sendModes = new Timeline(libraryScenario('send-modes-partition'));
    sendModes.seek(45_000);
    const result = whatIf(sendModes, { change: { at: 45_000, path: 'producers.p-oneway.sendMode', value: 'SYNC' }, untilMs: 90_000 });
    if (!result.ok) throw new Error(result.message.en);
    // The application chooses the call (send, send with a callback, sendOneway) at every send: the changed run uses it from 0:00.
    expect(result.effect).toEqual({ how: 'fromStart', reader: 'send' });
    expect(result.original.summary.messages).toMatchObject({ lost: 29, failed: 18, stored: 484 });
    // p-sync's story again: a timeout closes the channel, the sends waiting on it and on each later connect go to broker-a with
    // time left, and the send that started each connect fails. 9 more failed, 20 more stored.
    expect(result.changed.summary.messages).toMatchObject({ lost: 0, failed: 27, stored: 504, lostCauses: {} });
    // Until the partition, ONEWAY and SYNC store the same messages; the first difference is an answer only SYNC gets.
    expect(result.divergence!.changed).toMatchObject({ type: 'send.result', producer: 'p-oneway' });
    expect(result.divergence).toMatchObject({ onlyIn: 'changed', original: null });
  });

  it('sendLatencyFaultEnable true in "Crash vs partition vs shutdown", from a link: MQFaultStrategy avoids the failing brokers, so fewer messages fail', () => {
    const crashes = new Timeline(libraryScenario('crash-partition-shutdown'));
    crashes.seek(90_000);
    const change = whatIfFromLink('90000~config.sendLatencyFaultEnable~true')!.change;
    const result = whatIf(crashes, { change, untilMs: crashes.durationMs });
    if (!result.ok) throw new Error(result.message.en);
    // MQFaultStrategy.selectOneMessageQueue reads the switch at every send: the changed run has it from 0:00.
    expect(result).toMatchObject({ effectiveAtMs: 0, effect: { how: 'fromStart', reader: 'send' } });
    expect(result.divergence).not.toBeNull();
    const original = result.original.summary.messages.failed;
    const changed = result.changed.summary.messages.failed;
    expect(original).toBeGreaterThan(0);
    expect(changed).toBeLessThan(original);
    expect(result.differences).toContainEqual({ name: 'failed', original, changed });
  });

  it('refuses a producer that is not in the file', () => {
    const applied = applyWhatIf(twoConsumers, { at: 40_000, path: 'producers.<p>.ratePerSec', value: 5 });
    expect(applied).toEqual({ ok: false, message: { en: 'no producer has id "<p>"', zh: '没有 id 为 "<p>" 的生产者' } });
  });
});

describe('whatIf asked a share at a time (the named query, so the worker answers moves in between)', () => {
  const args = { change: { at: 40_000, path: 'topics.TopicTest.readQueueNums', value: 8 }, untilMs: 120_000 };

  it('answers how far both runs are, further each ask, then the same result as one whole ask', () => {
    const timeline = new Timeline(write8read4);
    timeline.seek(40_000);
    const reached: number[] = [];
    let answer = whatIfShare(timeline, { ...args, maxEvents: 2_000 });
    while (answer.ok === 'running') {
      expect(answer.untilMs).toBe(120_000);
      reached.push(answer.simulatedMs);
      answer = whatIfShare(timeline, { ...args, maxEvents: 2_000 });
    }
    expect(reached.length).toBeGreaterThan(5);
    for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeGreaterThan(reached[i - 1]!);
    expect(reached.at(-1)).toBeLessThan(120_000);
    const whole = new Timeline(write8read4);
    whole.seek(40_000);
    expect(answer).toEqual(whatIf(whole, args));
    // Done: asked again, the kept result at once.
    expect(whatIfShare(timeline, { ...args, maxEvents: 1 })).toBe(answer);
    expect(timeline.now).toBe(40_000);
  });

  it('another question asked meanwhile starts over, and the first one is answered again from the start', () => {
    const timeline = new Timeline(write8read4);
    timeline.seek(40_000);
    expect(whatIfShare(timeline, { ...args, maxEvents: 2_000 }).ok).toBe('running');
    const other = { change: { at: 40_000, path: 'config.brokerHeartbeatIntervalMs', value: 10_000 }, untilMs: 60_000 };
    const whole = new Timeline(write8read4);
    whole.seek(40_000);
    // Its first share is the one a timeline asked nothing before gives: both runs from 0:00.
    expect(whatIfShare(timeline, { ...other, maxEvents: 2_000 })).toEqual(whatIfShare(whole, { ...other, maxEvents: 2_000 }));
    expect(whatIfShare(timeline, { ...args, maxEvents: Number.POSITIVE_INFINITY })).toEqual(whatIf(whole, args));
  });
});
