import { describe, expect, it } from 'vitest';
import { FAULT_ACTIONS } from '../../../src/ui/editor/fork.ts';
import { actionChoice, actionSaid, isFault } from '../../../src/ui/i18n/action-words.ts';
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

  it('an action the page does not know is said by its name', () => {
    expect(actionSaid('futureAction', 'x', 'en')).toBe('futureAction x');
    expect(actionSaid('toString', 'x', 'en')).toBe('toString x');
  });
});
