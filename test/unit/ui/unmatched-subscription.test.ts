/**
 * A consumer whose tag expression matches no tag its topic's producers send consumes nothing, and
 * no counter says why (the broker filters each message out and moves the offset past it): the
 * Diagnostics tab names it, reading the expression as FilterAPI.buildSubscriptionData does.
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../src/sim/timeline.ts';
import { DIAGNOSTICS_STRINGS } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import { routeDiagnostics } from '../../../src/ui/insight/diagnostics/route-diagnostics.ts';
import { scenarioOf } from '../../support/test-sim.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

function runWith(subscription: string, tags: string[]) {
  const timeline = new Timeline(scenarioOf({
    version: 1, durationMs: 60_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
    topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
    producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', tags }],
    consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest', subscription }],
  }));
  timeline.seek(30_000);
  const findings = routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).filter((f) => f.kind === 'unmatchedSubscription');
  return { timeline, findings };
}

describe('a subscription no producer\'s tag matches', () => {
  it('"TagA|TagB" is one tag for RocketMQ: c-1 consumes nothing, lags only until the 5 s hold check, and the finding says to use "||"', () => {
    const { timeline, findings } = runWith('TagA|TagB', ['TagA', 'TagB']);
    expect(timeline.summary().messages.consumed).toBe(0);
    expect(timeline.summary().messages.stored).toBeGreaterThan(20);
    // PullRequestHoldService.notifyMessageArriving wakes a parked pull only for a message its filter matches
    // (isMatchedByConsumeQueue): none here, so c-1's pulls stay parked until the check every 5 s (checkHoldRequest), which
    // answers each past every message stored meanwhile. Just before the check of 30 s the messages stored since the pulls
    // parked again after the one of 25 s lag; a few network hops after it, none.
    const HOLD_CHECK = 5_000;
    const storedIn = (from: number, to: number) => timeline.traceSlice(0).filter((e) => e.type === 'message.stored' && e.t > from && e.t <= to).length;
    timeline.seek(30_000 - 1);
    const waiting = storedIn(30_000 - HOLD_CHECK + 10, 30_000 - 1);
    expect(waiting).toBeGreaterThan(0);
    expect(timeline.summary().messages).toMatchObject({ consumed: 0, lagging: waiting });
    timeline.seek(30_000 + 10);
    expect(timeline.summary().messages).toMatchObject({ consumed: 0, lagging: 0 });
    expect(findings).toEqual([{ kind: 'unmatchedSubscription', consumer: 'c-1', group: 'CG', topic: 'TopicTest', subscription: 'TagA|TagB', tags: ['TagA|TagB'], sent: ['TagA', 'TagB'] }]);
    const en = inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(findings[0]!, () => '');
    expect(en.why).toContain('RocketMQ reads "TagA|TagB" as the one tag "TagA|TagB"');
    expect(en.fix).toContain('("TagA || TagB")');
    const zh = inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(findings[0]!, () => '');
    expect(zh.title).toBe('c-1（CG）收不到 TopicTest 的任何消息：没有生产者发送它订阅的标签');
  });

  it('a message without a tag matches "*" only', () => {
    const { findings } = runWith('TagA', []);
    expect(findings.map((f) => f.sent)).toEqual([['']]);
    expect(inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(findings[0]!, () => '').why).toContain('send messages without a tag, which only "*" matches');
  });

  it('says nothing when a tag matches, with "||" and spaces, or for "*"', () => {
    expect(runWith('TagB || TagC', ['TagA', 'TagB']).findings).toEqual([]);
    expect(runWith('*', []).findings).toEqual([]);
  });
});
