/** The what-if form's first offer: a value that changes something, and for a topic with uneven queues the fix. */
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../../../src/scenario/library/index.ts';
import { applyWhatIf, whatIfValue } from '../../../src/sim/queries/what-if-change.ts';
import { firstChoice, whatIfChoices } from '../../../src/ui/insight/what-if/what-if-choices.ts';
import { rocketmqNameOf } from '../../../src/ui/insight/what-if/rocketmq-names.ts';
import { libraryScenario } from '../../support/library.ts';
import { glossedZh } from '../../../src/ui/i18n/setting-glosses.ts';

describe('whatIfChoices', () => {
  it('never offers a setting\'s current value first, in any built-in scenario (comparing it would show two equal runs)', () => {
    for (const { id } of LIBRARY) {
      for (const choice of whatIfChoices(libraryScenario(id), 30_000)) {
        expect(String(choice.suggested), `${id}: ${choice.path}`).not.toBe(String(choice.current));
        if (choice.options) expect(choice.options, `${id}: ${choice.path}`).toContain(choice.suggested);
      }
    }
  });

  it('opens write 8 / read 4 on readQueueNums offered as 8, and read 8 / write 4 on readQueueNums offered as 4: the counts made equal', () => {
    const write8 = libraryScenario('write8-read4');
    expect(firstChoice(write8, whatIfChoices(write8))).toMatchObject({ path: 'topics.TopicTest.readQueueNums', current: 4, suggested: 8 });
    const read8 = libraryScenario('read8-write4');
    expect(firstChoice(read8, whatIfChoices(read8))).toMatchObject({ path: 'topics.TopicTest.readQueueNums', current: 8, suggested: 4 });
  });

  it('offers each producer\'s send mode: a ONEWAY producer as SYNC, to compare what it loses with what a SYNC send is told', () => {
    const choices = whatIfChoices(libraryScenario('send-modes-partition'));
    expect(choices.find((c) => c.path === 'producers.p-oneway.sendMode')).toEqual({ path: 'producers.p-oneway.sendMode', current: 'ONEWAY', suggested: 'SYNC', options: ['SYNC', 'ASYNC', 'ONEWAY'] });
    expect(choices.find((c) => c.path === 'producers.p-sync.sendMode')).toMatchObject({ current: 'SYNC', suggested: 'ASYNC' });
  });

  it('offers a 5.x slave\'s slaveReadEnable, the other way round; not in 4.x, whose slave serves pulls either way', () => {
    const scenario = libraryScenario('master-slave-failover');
    expect(whatIfChoices(scenario).find((c) => c.path === 'brokers.broker-a.slaveReadEnable')).toEqual({ path: 'brokers.broker-a.slaveReadEnable', current: 'true', suggested: 'false', options: ['true', 'false'] });
    const idle = whatIfChoices(libraryScenario('failover-idle-consumer')).filter((c) => c.path.endsWith('.slaveReadEnable'));
    expect(idle.map(({ path, suggested }) => [path, suggested])).toEqual([['brokers.broker-a.slaveReadEnable', 'true'], ['brokers.broker-b.slaveReadEnable', 'true']]);
    const fourX = { ...scenario, config: { ...scenario.config, rocketmqVersion: '4.x' as const } };
    expect(whatIfChoices(fourX).some((c) => c.path.endsWith('.slaveReadEnable'))).toBe(false);
  });

  it('offers even counts as fewer read queues (the pitfall), perm 6 as 4 (read-only), a group one more consumer', () => {
    const scenario = libraryScenario('master-slave-failover');
    const choices = whatIfChoices(scenario, 30_000);
    const topic = scenario.topics[0]!;
    expect(topic.writeQueueNums).toBe(topic.readQueueNums);
    expect(choices.find((c) => c.path === `topics.${topic.name}.readQueueNums`)?.suggested).toBe(Math.max(1, topic.readQueueNums >> 1));
    expect(choices.find((c) => c.path === `topics.${topic.name}.perm`)).toMatchObject({ current: 6, suggested: '4', options: ['6', '4', '2'] });
    expect(firstChoice(scenario, choices)).toBe(choices[0]);
  });

  it('offers a topic\'s counts as they stand at the playhead, after the timeline\'s updateTopics: shrink-safely\'s writeQueueNums is 4 from 1:00', () => {
    const scenario = libraryScenario('shrink-safely');
    const current = (atMs: number, field: string) => whatIfChoices(scenario, atMs).find((c) => c.path === `topics.TopicTest.${field}`)?.current;
    expect([current(59_000, 'writeQueueNums'), current(61_000, 'writeQueueNums')]).toEqual([8, 4]);
    expect([current(149_000, 'readQueueNums'), current(151_000, 'readQueueNums')]).toEqual([8, 4]);
    // Once write and read differ, the form opens on the read count, the fix the lesson is about.
    expect(firstChoice(scenario, whatIfChoices(scenario, 61_000), 61_000)?.path).toBe('topics.TopicTest.readQueueNums');
  });

  it('offers the config keys a scenario may set that RocketMQ lets a deployment change, booleans as true or false, each suggestion one the scenario rules accept', () => {
    const failover = ['sendLatencyFaultEnable', 'sendMsgTimeoutMs', 'serverChannelMaxIdleTimeMs', 'retryAnotherBrokerWhenNotStoreOK'];
    for (const { id } of LIBRARY) {
      const scenario = libraryScenario(id);
      const config = whatIfChoices(scenario, 30_000).filter((c) => c.path.startsWith('config.'));
      expect(config.map((c) => c.path), id).toEqual(expect.arrayContaining(failover.map((key) => `config.${key}`)));
      for (const { path, suggested } of config) {
        const applied = applyWhatIf(scenario, { at: 30_000, path, value: whatIfValue(path, String(suggested)) });
        expect(applied.ok ? '' : applied.message.en, `${id}: ${path}`).toBe('');
      }
    }
    const choices = whatIfChoices(libraryScenario('crash-partition-shutdown'));
    expect(choices.find((c) => c.path === 'config.sendLatencyFaultEnable')).toEqual({ path: 'config.sendLatencyFaultEnable', current: 'false', suggested: 'true', options: ['true', 'false'] });
    // Not offered: constants in RocketMQ's code, the simulated network, and controller keys outside controller mode.
    const paths = choices.map((c) => c.path);
    for (const key of ['brokerRegisterInitialDelayMs', 'networkLatencyMs', 'messageDelayLevel', 'enableControllerMode', 'controllerHeartBeatTimeoutMs']) expect(paths).not.toContain(`config.${key}`);
    expect(whatIfChoices(libraryScenario('controller-failover')).map((c) => c.path)).toContain('config.controllerHeartBeatTimeoutMs');
  });

  it('names every config key it offers as RocketMQ names it, in every built-in scenario (controller mode\'s too)', () => {
    for (const { id } of LIBRARY) {
      for (const choice of whatIfChoices(libraryScenario(id), 30_000).filter((c) => c.path.startsWith('config.') && c.path !== 'config.rocketmqVersion')) {
        expect(rocketmqNameOf(choice.path), `${id}: ${choice.path}`).toBeDefined();
      }
    }
    // The broker's 30 s registration is not brokerHeartbeatInterval, the 1 s heartbeat to a controller.
    expect(rocketmqNameOf('config.brokerHeartbeatIntervalMs')).toEqual({ kind: 'setting', name: 'BrokerConfig.registerNameServerPeriod' });
    expect(rocketmqNameOf('config.controllerHeartbeatIntervalMs')).toEqual({ kind: 'setting', name: 'BrokerConfig.brokerHeartbeatInterval' });
    expect(rocketmqNameOf('config.brokerChannelExpiredTimeMs')?.kind).toBe('constant');
    expect(rocketmqNameOf('topics.TopicTest.readQueueNums')).toBeUndefined();
    expect(rocketmqNameOf('config.toString')).toBeUndefined();
  });
});

describe('the Chinese What-if list', () => {
  it('glosses every setting it offers, in every built-in scenario, controller mode included: none is a bare English name', () => {
    for (const { id } of LIBRARY) {
      for (const choice of whatIfChoices(libraryScenario(id), 30_000)) {
        const key = choice.path.split('.').at(-1)!;
        expect(glossedZh(key), `${id}: ${choice.path}`).toMatch(/（.+）$/);
      }
    }
  });
});
