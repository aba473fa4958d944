/**
 * Messages in a group's dead-letter queue are consumed by nobody, and the Overview only counts
 * them: the Diagnostics tab names the group, how many wait there and on which broker, why (17
 * failures, maxReconsumeTimes 16) and what to do, from the poison message of the library.
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { diagnosticsStrings } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import { routeDiagnostics } from '../../../src/ui/insight/diagnostics/route-diagnostics.ts';
import { scenarioOf } from '../../support/test-sim.ts';

const timeline = new Timeline(scenarioOf(findLibraryEntry('retries-dlq')!.scenario as Record<string, unknown>));
const findingsAt = (ms: number) => {
  timeline.seek(ms);
  return routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).filter((f) => f.kind === 'deadLetters');
};

describe('messages in a dead-letter queue', () => {
  it('none before the 17th failure; both Poison messages once they reached %DLQ%CG (4:46:11), in English and Chinese', () => {
    // 4 h 46 min after the first failure: the first Poison message has failed 16 times.
    expect(findingsAt(4 * 3_600_000 + 46 * 60_000)).toEqual([]);
    const findings = findingsAt(timeline.scenario.durationMs);
    expect(findings).toEqual([{ kind: 'deadLetters', group: 'CG', messages: 2, brokers: ['broker-a'] }]);
    expect(findings[0]!.messages).toBe(timeline.summary().messages.deadLettered);
    const en = diagnosticsStrings('en').describe(findings[0]!, () => '');
    expect(en.title).toBe('Group CG: 2 messages in its dead-letter queue %DLQ%CG');
    expect(en.why).toContain('the first try and 16 retries (maxReconsumeTimes)');
    expect(en.fix).toContain('batchResendDlqMessage');
    const zh = diagnosticsStrings('zh').describe(findings[0]!, () => '');
    expect(zh.title).toBe('消费者组 CG：死信队列 %DLQ%CG 中有 2 条消息');
  });
});
