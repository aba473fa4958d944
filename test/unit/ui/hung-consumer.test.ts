/**
 * A hung consumer keeps its connections open, so the brokers keep it in its group until its channel
 * has carried nothing for serverChannelMaxIdleTimeSeconds (the idle close, which tells the group) or
 * ConsumerManager.scanNotActiveChannel finds its last heartbeat more than channelExpiredTimeout old
 * (which tells nobody), whichever comes first: until then the group's allocation keeps giving it
 * queues nobody reads. The Diagnostics tab names it, its queues, what waits in them, its last
 * heartbeat and how and when each broker drops it.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/sim/index.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { actionSaid } from '../../../src/ui/i18n/action-strings.ts';
import { DIAGNOSTICS_STRINGS } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import { routeDiagnostics, type RouteDiagnostic } from '../../../src/ui/insight/diagnostics/route-diagnostics.ts';
import { PANEL_STRINGS } from '../../../src/ui/panels/strings.ts';
import { formatTime } from '../../../src/viz/format.ts';
import { libraryTimeline } from '../../support/library.ts';
import { scenarioOf } from '../../support/test-sim.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

type Hung = Extract<RouteDiagnostic, { kind: 'hungConsumer' }>;

const hungAt = (timeline: Timeline): Hung[] =>
  routeDiagnostics(timeline.state, timeline.summary(), timeline.scenario).filter((f): f is Hung => f.kind === 'hungConsumer');

/** The channel c's broker `node` holds for `consumer` in `group`: its lastUpdateTimestamp is the last heartbeat that arrived. */
const lastHeartbeat = (timeline: Timeline, node: string, group: string, consumer: string) =>
  Object.values(timeline.state.brokers[node]!.consumerTable[group]!.channels).find((c) => c.node === consumer)!.lastUpdateTimestamp;

/** The first scan after `started` + k * interval that finds `last` more than `timeout` old (now - last > timeout). */
function firstScanAfter(started: number, interval: number, last: number, timeout: number): number {
  let scan = started + interval;
  while (scan - last <= timeout) scan += interval;
  return scan;
}

const removals = (timeline: Timeline, consumer: string) => timeline.traceSlice(timeline.traceStart)
  .filter((e): e is Extract<TraceEvent, { type: 'consumer.removed' }> => e.type === 'consumer.removed' && e.consumer === consumer)
  .map((e) => ({ t: e.t, broker: e.broker, reason: e.reason }));

const mss = (ms: number) => formatTime(ms).slice(0, -4);

describe('a hung consumer the brokers still list in its group', () => {
  it('library "A consumer joining and leaving" at 5:00: c-2 holds broker-b\'s 4 queues, the Summary\'s lag, dropped at the scan after 3:32 + 120 s', () => {
    const timeline = libraryTimeline('consumer-join-leave', 300_000);
    const { config } = timeline.state;
    const summary = timeline.summary();
    const lag = summary.queues.filter((q) => q.broker === 'broker-b').reduce((sum, q) => sum + q.lag['CG_ORDER']!, 0);
    // broker-a's queues are c-1's and read: all the lag the Summary counts is in c-2's.
    expect(lag).toBe(summary.messages.lagging);
    expect(lag).toBeGreaterThan(0);
    const last = { a: lastHeartbeat(timeline, 'broker-a/0', 'CG_ORDER', 'c-2'), b: lastHeartbeat(timeline, 'broker-b/0', 'CG_ORDER', 'c-2') };
    // Both brokers start at 0:00 and scan every clientChannelScanIntervalMs from then.
    const drop = { a: firstScanAfter(0, config.clientChannelScanIntervalMs, last.a, config.channelExpiredTimeoutMs), b: firstScanAfter(0, config.clientChannelScanIntervalMs, last.b, config.channelExpiredTimeoutMs) };
    expect(hungAt(timeline)).toEqual([{
      kind: 'hungConsumer', consumer: 'c-2', group: 'CG_ORDER', topic: 'TopicTest', queues: ['broker-b:0', 'broker-b:1', 'broker-b:2', 'broker-b:3'], waiting: lag,
      listedBy: [{ broker: 'broker-a', lastHeartbeat: last.a, drop: { at: drop.a, how: 'expired' } }, { broker: 'broker-b', lastHeartbeat: last.b, drop: { at: drop.b, how: 'expired' } }],
      expiredAfterMs: 120_000, scanIntervalMs: 10_000, idleAfterMs: 120_000, rebalanceIntervalMs: 20_000,
    }]);
    // The last heartbeat before the hang at 4:00 arrived at 3:32; 3:32 + 120 s is 5:32, and the next 10 s scan is 5:40.
    expect([mss(last.a), mss(last.b), drop.a, drop.b]).toEqual(['3:32', '3:32', 340_000, 340_000]);

    const en = inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(hungAt(timeline)[0]!, () => '');
    expect(en.title).toBe(`c-2 (CG_ORDER) is hung but still holds 4 queues of TopicTest: ${lag} messages wait in broker-b:0, broker-b:1, broker-b:2, broker-b:3`);
    // broker-a last read from c-2 its rebalance's GET_CONSUMER_LIST_BY_GROUP at 3:40, 8 s after that heartbeat, and broker-b its
    // pulls after the hang: both channels would have been idle 120 s only after the scan.
    expect(en.why).toContain('a broker drops it when its channel has carried nothing for 120\u00a0s (the idle close, serverChannelMaxIdleTimeSeconds), or at the first scanNotActiveChannel (every 10\u00a0s) that finds its last heartbeat more than 120\u00a0s old, whichever comes first. broker-a and broker-b last heard its heartbeat at 3:32 and drop it at about 5:40, at the scan.');
    expect(en.why).toContain('no NOTIFY_CONSUMER_IDS_CHANGED, so the other members take the queues at their next periodic rebalance (RebalanceService, every 20\u00a0s), by about 6:00.');
    expect(en.fix).toContain('after the brokers drop it at about 5:40 (channelExpiredTimeout, 120\u00a0s)');
    const zh = inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(hungAt(timeline)[0]!, () => '');
    expect(zh.title).toBe(`c-2（CG_ORDER）已卡死，但仍占着 TopicTest 的 4 个队列：broker-b:0、broker-b:1、broker-b:2、broker-b:3 中有 ${lag} 条消息在等待`);
    expect(zh.why).toContain('或者在每 10\u00a0秒执行一次的 scanNotActiveChannel 第一次发现它的最后心跳已超过 120\u00a0秒时剔除它，以先到者为准。broker-a 和 broker-b 最后一次收到它的心跳是在 3:32，将在大约 5:40 剔除它（扫描过期）。');
    expect(zh.why).toContain('最晚大约在 6:00。');

    // The model drops it at that scan, and the finding is gone.
    timeline.seek(drop.b);
    expect(removals(timeline, 'c-2')).toEqual([{ t: drop.a, broker: 'broker-a', reason: 'expired' }, { t: drop.b, broker: 'broker-b', reason: 'expired' }]);
    expect(hungAt(timeline)).toEqual([]);
  });

  it('calls the hung consumer by the canvas\'s word in Chinese (卡死), in its finding as in the fault that hung it', () => {
    const hung = PANEL_STRINGS.zh.status.hung;
    const zh = inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(hungAt(libraryTimeline('consumer-join-leave', 300_000))[0]!, () => '');
    for (const said of [zh.title, zh.fix, actionSaid('hangConsumer', 'c-2', 'zh')]) {
      expect(said).toContain(hung);
      // 挂起 is what PullRequestHoldService does to a pull (suspend), not a hung process.
      expect(said).not.toMatch(/挂起|卡住/);
    }
  });

  it('before the hang, nothing: c-2 consumes its queues', () => {
    expect(hungAt(libraryTimeline('consumer-join-leave', 239_000))).toEqual([]);
  });

  it('takes the run\'s own expiry and scan period, and the scan phase of a broker restarted after a crash', () => {
    // broker-a starts at 3 s, crashes at 40 s and is back at 52.5 s: its scans run at 52.5 s + k * 7 s.
    const timeline = new Timeline(scenarioOf({
      version: 1, durationMs: 300_000, config: { channelExpiredTimeoutMs: 45_000, clientChannelScanIntervalMs: 7_000 },
      nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a', startAt: 3_000 }],
      topics: [{ name: 'TopicTest', writeQueueNums: 4, readQueueNums: 4 }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 20 }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }, { id: 'c-2', group: 'CG', topic: 'TopicTest' }],
      timeline: [
        { at: 40_000, action: 'crashBroker', target: 'broker-a' }, { at: 52_500, action: 'startBroker', target: 'broker-a' },
        { at: 120_000, action: 'hangConsumer', target: 'c-2' },
      ],
    }));
    timeline.seek(130_000);
    const [finding] = hungAt(timeline);
    const last = lastHeartbeat(timeline, 'broker-a/0', 'CG', 'c-2');
    const drop = firstScanAfter(52_500, 7_000, last, 45_000);
    const waiting = timeline.summary().queues.filter((q) => finding!.queues.includes(`broker-a:${q.queueId}`)).reduce((sum, q) => sum + q.lag['CG']!, 0);
    expect(finding).toEqual({
      kind: 'hungConsumer', consumer: 'c-2', group: 'CG', topic: 'TopicTest', queues: ['broker-a:2', 'broker-a:3'], waiting,
      listedBy: [{ broker: 'broker-a', lastHeartbeat: last, drop: { at: drop, how: 'expired' } }], expiredAfterMs: 45_000, scanIntervalMs: 7_000, idleAfterMs: 120_000, rebalanceIntervalMs: 20_000,
    });
    expect(waiting).toBeGreaterThan(0);
    expect(inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(finding!, () => '').why).toContain(`every 7\u00a0s) that finds its last heartbeat more than 45\u00a0s old, whichever comes first. broker-a last heard its heartbeat at ${mss(last)} and drops it at about ${mss(drop)}, at the scan.`);
    expect(inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(finding!, () => '').why).toContain(`每 7\u00a0秒执行一次的 scanNotActiveChannel 第一次发现它的最后心跳已超过 45\u00a0秒时剔除它，以先到者为准。broker-a 最后一次收到它的心跳是在 ${mss(last)}，将在大约 ${mss(drop)} 剔除它（扫描过期）。`);
    timeline.seek(drop);
    expect(removals(timeline, 'c-2')).toEqual([{ t: drop, broker: 'broker-a', reason: 'expired' }]);
    expect(hungAt(timeline)).toEqual([]);
  });
  it('a consumer hung a second after its heartbeat, its queues answered at once: the broker closes its idle channel before the scan, and the group is told', () => {
    // Heartbeats every 30 s from 1 s reach broker-a a hop later; 10 messages a second over 8 queues answer c-2's pulls within a second of the hang.
    const lastHeartbeat = 61_001;
    const hang = lastHeartbeat + 1_000;
    const timeline = new Timeline(scenarioOf({
      version: 1, durationMs: 300_000, config: { networkJitterMs: 0 },
      nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }],
      topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 8 }],
      producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 10 }],
      consumers: [{ id: 'c-1', group: 'CG', topic: 'TopicTest' }, { id: 'c-2', group: 'CG', topic: 'TopicTest' }],
      timeline: [{ at: hang, action: 'hangConsumer', target: 'c-2' }],
    }));
    timeline.seek(hang + 10_000);
    const [finding] = hungAt(timeline);
    const [listing] = finding!.listedBy;
    expect(listing!.lastHeartbeat).toBe(lastHeartbeat);
    // serverChannelMaxIdleTimeSeconds (120 s) after the last write into its channel, a second at most after the hang; the scan would come at 3:10.
    expect(listing!.drop.how).toBe('channelIdle');
    expect(listing!.drop.at).toBeGreaterThanOrEqual(hang + 120_000);
    expect(listing!.drop.at).toBeLessThan(Math.min(hang + 1_001 + 120_000, 190_000));
    const en = inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(finding!, () => '');
    expect(en.why).toContain(`broker-a last heard its heartbeat at 1:01 and drops it at about ${mss(listing!.drop.at)}, closing its idle channel.`);
    expect(en.why).toContain(`sends NOTIFY_CONSUMER_IDS_CHANGED, so the other members rebalance at once and take the queues at about ${mss(listing!.drop.at)}.`);
    expect(en.fix).toContain(`after the brokers drop it at about ${mss(listing!.drop.at)} (the idle close, 120\u00a0s)`);
    const zh = inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(finding!, () => '');
    expect(zh.why).toContain(`broker-a 最后一次收到它的心跳是在 1:01，将在大约 ${mss(listing!.drop.at)} 剔除它（空闲关闭）。`);
    expect(zh.why).toContain(`所以其他成员立即重新负载均衡，大约在 ${mss(listing!.drop.at)} 接管这些队列。`);
    timeline.seek(listing!.drop.at + 10);
    expect(removals(timeline, 'c-2')).toEqual([{ t: listing!.drop.at, broker: 'broker-a', reason: 'channelIdle' }]);
    expect(hungAt(timeline)).toEqual([]);
  });
});
