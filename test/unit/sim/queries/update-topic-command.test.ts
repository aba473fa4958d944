/**
 * The command a what-if of a topic's counts rehearses, as mqadmin needs it (UpdateTopicSubCommand):
 * -c or -b required, and every count given, since one left out is reset to its default (read 8,
 * write 8, perm 6), where the simulation's updateTopic changes only what it names.
 */
import { describe, expect, it } from 'vitest';
import { namesrvOption, updateTopicCommands } from '../../../../src/sim/queries/update-topic-command.ts';
import { libraryScenario } from '../../../support/library.ts';

describe('updateTopicCommands', () => {
  it('gives the cluster and the counts as they stand at the fork, the changed one replaced', () => {
    // write8-read4: write 8, read 4, perm 6 on DefaultCluster.
    expect(updateTopicCommands(libraryScenario('write8-read4'), 'TopicTest', 'perm', 4, 30_000)).toEqual(["mqadmin updateTopic -n '10.0.0.1:9876;10.0.0.2:9876' -c DefaultCluster -t TopicTest -w 8 -r 4 -p 4"]);
    // shrink-safely lowers writeQueueNums to 4 at 1:00: a fork after it keeps 4.
    const shrink = libraryScenario('shrink-safely');
    expect(updateTopicCommands(shrink, 'TopicTest', 'readQueueNums', 4, 59_000)).toEqual(["mqadmin updateTopic -n '10.0.0.1:9876;10.0.0.2:9876' -c DefaultCluster -t TopicTest -w 8 -r 4 -p 6"]);
    expect(updateTopicCommands(shrink, 'TopicTest', 'readQueueNums', 4, 61_000)).toEqual(["mqadmin updateTopic -n '10.0.0.1:9876;10.0.0.2:9876' -c DefaultCluster -t TopicTest -w 4 -r 4 -p 6"]);
  });

  it('names each broker of a topic kept per broker by its master\'s address, one command each; nothing for a topic the file lacks', () => {
    const scenario = libraryScenario('write8-read4');
    const addr = (name: string) => {
      const master = scenario.brokers.find((b) => b.name === name && b.brokerId === 0)!;
      return `${master.ip}:${master.port}`;
    };
    const brokers = [{ name: 'broker-a', writeQueueNums: 8, readQueueNums: 4, perm: 6 }, { name: 'broker-b', writeQueueNums: 4, readQueueNums: 2, perm: 6 }];
    const perBroker = { ...scenario, topics: [{ name: 'TopicB', writeQueueNums: 8, readQueueNums: 4, perm: 6, brokers }] };
    expect(updateTopicCommands(perBroker, 'TopicB', 'readQueueNums', 8, 0)).toEqual([
      `mqadmin updateTopic -n '10.0.0.1:9876;10.0.0.2:9876' -b ${addr('broker-a')} -t TopicB -w 8 -r 8 -p 6`,
      `mqadmin updateTopic -n '10.0.0.1:9876;10.0.0.2:9876' -b ${addr('broker-b')} -t TopicB -w 4 -r 8 -p 6`,
    ]);
    expect(updateTopicCommands(scenario, 'NoSuchTopic', 'perm', 4, 0)).toEqual([]);
  });

  it('carries -n with the scenario\'s NameServers, \';\'-separated and quoted for the shell, as a paste without NAMESRV_ADDR needs', () => {
    const scenario = libraryScenario('write8-read4');
    expect(namesrvOption(scenario)).toBe("-n '10.0.0.1:9876;10.0.0.2:9876'");
    const one = { ...scenario, nameServers: [{ id: 'ns-9', ip: '192.168.0.9', startAt: 0 }] };
    expect(updateTopicCommands(one, 'TopicTest', 'perm', 4, 0)).toEqual(['mqadmin updateTopic -n 192.168.0.9:9876 -c DefaultCluster -t TopicTest -w 8 -r 4 -p 4']);
  });
});
