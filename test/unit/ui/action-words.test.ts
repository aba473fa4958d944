import { describe, expect, it } from 'vitest';
import { ACTION_NAMES } from '../../../src/scenario/schema.ts';
import { FAULT_ACTIONS } from '../../../src/ui/editor/fork.ts';
import { actionChoice, actionSaid, isFault } from '../../../src/ui/i18n/action-strings.ts';
import { zhJoin } from '../../../src/ui/i18n/index.ts';
import { describeEvent } from '../../../src/ui/panels/event-sentences.ts';

describe('timeline actions in words', () => {
  it('a fault row of the log says what happened, and calls only a fault a fault', () => {
    expect(describeEvent({ t: 90_000, type: 'fault', action: 'partitionBroker', target: 'broker-b' }, 'en'))
      .toBe('Fault: broker-b is cut off by a network partition (partitionBroker)');
    expect(describeEvent({ t: 90_000, type: 'fault', action: 'partitionBroker', target: 'broker-b' }, 'zh'))
      .toBe('故障：broker-b 被网络分区隔离（partitionBroker）');
    // mqadmin updateTopic is an operation: a learner read it as an injected fault.
    expect(describeEvent({ t: 30_000, type: 'fault', action: 'updateTopic', target: 'TopicTest' }, 'en'))
      .toBe('Timeline action: mqadmin updateTopic TopicTest (updateTopic)');
    expect(describeEvent({ t: 30_000, type: 'fault', action: 'startBroker', target: 'broker-a' }, 'zh'))
      .toBe('时间线动作：broker-a 启动（startBroker）');
  });

  it('the editor offers every fault it can add in words, each with its name in the scenario file', () => {
    for (const action of FAULT_ACTIONS) {
      for (const language of ['en', 'zh'] as const) {
        const choice = actionChoice(action, language);
        expect(choice.endsWith(language === 'zh' ? `（${action}）` : `(${action})`)).toBe(true);
        expect(choice.length).toBeGreaterThan(action.length + 6);
      }
    }
    expect(actionChoice('hangConsumer', 'en')).toBe('a consumer hangs (hangConsumer)');
    expect(actionChoice('crashNameServer', 'zh')).toBe('NameServer 崩溃（crashNameServer）');
    expect(isFault('crashBroker')).toBe(true);
    expect(isFault('healPartition')).toBe(false);
  });

  it('puts no space between two Chinese characters in any Chinese action name, and one where Chinese meets a Latin name', () => {
    const spaceBetweenHan = /[\u4e00-\u9fff] +[\u4e00-\u9fff]/;
    for (const action of ACTION_NAMES) {
      // Offered before a target is chosen ("消费者崩溃"), and said of a Chinese-named target too.
      for (const said of [actionChoice(action, 'zh'), actionSaid(action, '消费者', 'zh'), actionSaid(action, '两个进程', 'zh')]) {
        expect(said, said).not.toMatch(spaceBetweenHan);
      }
    }
    expect(actionChoice('crashConsumer', 'zh')).toBe('消费者崩溃（crashConsumer）');
    expect(actionChoice('hangConsumer', 'zh')).toBe('消费者卡死（hangConsumer）');
    expect(actionChoice('partitionLink', 'zh')).toBe('两个进程之间的网络被切断（partitionLink）');
    expect(actionChoice('healLink', 'zh')).toBe('两个进程之间的网络恢复（healLink）');
    expect(actionSaid('crashConsumer', 'c-1', 'zh')).toBe('c-1 崩溃（crashConsumer）');
    expect(actionSaid('partitionLink', 'broker-a ↔ ns-1', 'zh')).toBe('broker-a ↔ ns-1 之间的网络被切断（partitionLink）');
  });

  it('joins Chinese pieces with a space only where Chinese meets Latin text', () => {
    expect(zhJoin('消费者', '崩溃')).toBe('消费者崩溃');
    expect(zhJoin('broker-a', '崩溃')).toBe('broker-a 崩溃');
    expect(zhJoin('消费者', 'crash')).toBe('消费者 crash');
    expect(zhJoin('主题（Topic）', '已创建')).toBe('主题（Topic）已创建');
  });

  it('an action the page does not know is said by its name', () => {
    expect(actionSaid('futureAction', 'x', 'en')).toBe('futureAction x');
    expect(actionSaid('toString', 'x', 'en')).toBe('toString x');
  });
});
