/**
 * Messages in a group's dead-letter queue are consumed by nobody, and the Overview only counts
 * them: the Diagnostics tab names the group, how many wait there and on which broker, why (the
 * run's maxReconsumeTimes + 1 failures, 17 by default) and what to do, from the poison message of the library.
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { DIAGNOSTICS_STRINGS } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import { routeDiagnostics } from '../../../src/ui/insight/diagnostics/route-diagnostics.ts';
import { scenarioOf } from '../../support/test-sim.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

const timeline = new Timeline(scenarioOf(findLibraryEntry('retries-dlq')!.scenario as Record<string, unknown>));
const findingsAt = (ms: number) => {
  timeline.seek(ms);
  return routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).filter((f) => f.kind === 'deadLetters');
};

describe('messages in a dead-letter queue', () => {
  it('none before the 17th failure; both Poison messages once they reached %DLQ%CG (4:45:51), in English and Chinese', () => {
    // At 4 h 45 min the first Poison message has failed 16 times; its 17th failure, at 4:45:51, sends it to %DLQ%CG.
    expect(findingsAt(4 * 3_600_000 + 45 * 60_000)).toEqual([]);
    const findings = findingsAt(timeline.scenario.durationMs);
    // SendMessageProcessor.consumerSendMsgBack: retry n waits at delay level 3 + n of 1s 5s 10s 30s 1m ... 1h 2h.
    const levels3to18 = ['10s', '30s', '1m', '2m', '3m', '4m', '5m', '6m', '7m', '8m', '9m', '10m', '20m', '30m', '1h', '2h'];
    expect(findings).toEqual([{ kind: 'deadLetters', group: 'CG', messages: 2, brokers: ['broker-a'], retryDelays: levels3to18 }]);
    expect(findings[0]!.messages).toBe(timeline.summary().messages.deadLettered);
    const en = inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(findings[0]!, () => '');
    expect(en.title).toBe('Group CG: 2 messages in its dead-letter queue %DLQ%CG');
    expect(en.why).toContain('failed each of them 17 times: the first try and 16 retries (maxReconsumeTimes 16), each retry after waiting in SCHEDULE_TOPIC_XXXX at delay level 3 + reconsumeTimes (10s, 30s, 1m ... 2h; messageDelayLevel)');
    expect(en.fix).toContain('batchResendDlqMessage');
    const zh = inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(findings[0]!, () => '');
    expect(zh.title).toBe('消费者组 CG：死信队列 %DLQ%CG 中有 2 条消息');
    expect(zh.why).toContain('都失败了 17 次：首次消费加 16 次重试（maxReconsumeTimes 16）');
  });

  it('says the run\'s own maxReconsumeTimes: with 2, three failures and two retries after 10s and 30s; with 0, one failure', () => {
    for (const [max, tries, delays] of [[2, 3, '(10s, 30s; messageDelayLevel)'], [0, 1, 'maxReconsumeTimes is 0']] as const) {
      const json = findLibraryEntry('retries-dlq')!.scenario as { config?: Record<string, unknown> };
      const run = new Timeline(scenarioOf({ ...json, config: { ...json.config, maxReconsumeTimes: max } }));
      run.seek(10 * 60_000);
      const [finding] = routeDiagnostics(run.state, run.summary(), run.scenario).filter((f) => f.kind === 'deadLetters');
      expect(finding).toMatchObject({ messages: run.summary().messages.deadLettered });
      expect(run.summary().messages.deadLettered).toBeGreaterThan(0);
      const why = inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(finding!, () => '').why;
      expect(why).toContain(max === 0 ? 'failed each of them once' : `failed each of them ${tries} times: the first try and 2 retries (maxReconsumeTimes 2)`);
      expect(why).toContain(delays);
      expect(why).not.toContain('17');
    }
  });
});
