/**
 * One period reads one way on the whole page: the caption, the event log and the Diagnostics tab
 * say a setting of three minutes as "3 min" (「3 分钟」) and a call's sub-second wait in ms, as
 * viz/format.ts's formatPeriod does, where the log once said "180 s" and "0.8 s" beside the caption.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/sim/index.ts';
import { ROCKETMQ_DEFAULTS } from '../../../src/model/defaults.ts';
import { DIAGNOSTICS_STRINGS } from '../../../src/ui/insight/diagnostics/diagnostics-strings.ts';
import type { HungConsumer } from '../../../src/ui/insight/diagnostics/hung-consumers.ts';
import { narrate } from '../../../src/ui/narration/narrate.ts';
import { describeEvent } from '../../../src/ui/panels/event-sentences.ts';
import { DECLARED_NAMES } from '../../../src/ui/broker-node-names.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

/** A run whose consumers expire after three minutes (channelExpiredTimeout 180 000 ms) and brokers after 200.5 s. */
const config = { ...ROCKETMQ_DEFAULTS, channelExpiredTimeoutMs: 180_000, brokerChannelExpiredTimeMs: 200_500 };
const context = { config, names: DECLARED_NAMES, localOffsets: new Set<string>(), rtlNames: null };

const removed: TraceEvent = { t: 400_000, type: 'consumer.removed', broker: 'broker-a', brokerId: 0, group: 'CG', consumer: 'c-1', reason: 'expired' };
const brokerRemoved: TraceEvent = { t: 400_000, type: 'broker.removed', nameServer: 'ns-1', broker: 'broker-a', brokerId: 0, reason: 'expired' };
const closed: TraceEvent = { t: 5_000, type: 'channel.closed', from: 'p-1', to: 'broker-a/0', code: 'SEND_MESSAGE', waitedMs: 800, failed: {} };

const hung: HungConsumer = {
  kind: 'hungConsumer', consumer: 'c-1', group: 'CG', topic: 'TopicTest', queues: ['broker-a:0'], waiting: 3,
  listedBy: [{ broker: 'broker-a', lastHeartbeat: 60_000, drop: { at: 250_000, how: 'expired' } }], expiredAfterMs: 180_000, scanIntervalMs: 10_000, idleAfterMs: 0, rebalanceIntervalMs: 20_000,
};

describe('a period said the same way in the caption, the event log and the diagnostics', () => {
  it('a three-minute expiry is "3 min" in each, in English', () => {
    expect(narrate(removed, 'en', { config })).toContain('no heartbeat for 3\u00a0min');
    expect(describeEvent(removed, 'en', context)).toBe('broker-a/0 removed c-1 from CG: no heartbeat for 3\u00a0min');
    const text = inLanguage(DIAGNOSTICS_STRINGS, 'en').describe(hung, () => '');
    expect(text.why).toContain('finds its last heartbeat more than 3\u00a0min old');
    expect(text.fix).toContain('(channelExpiredTimeout, 3\u00a0min)');
  });

  it('and 「3 分钟」 in each, in Chinese', () => {
    expect(narrate(removed, 'zh', { config })).toContain('3\u00a0分钟内没有心跳');
    expect(describeEvent(removed, 'zh', context)).toBe('broker-a/0 将 c-1 从 CG 中移除：3\u00a0分钟内没有心跳');
    const text = inLanguage(DIAGNOSTICS_STRINGS, 'zh').describe(hung, () => '');
    expect(text.why).toContain('第一次发现它的最后心跳已超过 3\u00a0分钟时才剔除它');
    expect(text.fix).toContain('（channelExpiredTimeout，3\u00a0分钟）');
  });

  it('a period that is not whole minutes keeps its tenth of a second, as the caption does', () => {
    expect(describeEvent(brokerRemoved, 'en', context)).toBe('ns-1 removed broker-a/0: no heartbeat (registration) for 200.5\u00a0s');
    expect(describeEvent(brokerRemoved, 'zh', context)).toBe('ns-1 移除了 broker-a/0：200.5\u00a0秒内没有心跳（注册），已过期');
  });

  it('a call\'s wait under a second is said in ms, as the caption says it', () => {
    expect(narrate(closed, 'en', { config })).toContain('got no answer within 800\u00a0ms');
    expect(describeEvent(closed, 'en', context)).toBe('p-1\'s SEND_MESSAGE call to broker-a/0 timed out after 800\u00a0ms: p-1 closed the connection');
    expect(describeEvent(closed, 'zh', context)).toBe('p-1 发往 broker-a/0 的 SEND_MESSAGE 调用等了 800\u00a0毫秒超时：p-1 关闭了这条连接');
  });
});
