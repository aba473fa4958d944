/**
 * What a machine without power loses of its CommitLog, as the broker inspector says it: the bytes
 * past flushedPhyOffset, and how many messages they are when the entries at hand reach back that far
 * (the page's worker sends only each log's latest entries).
 */
import { durableLength } from '../../../src/model/broker/flush-service.ts';
import type { BrokerState } from '../../../src/model/state.ts';
import { LOG_TAIL, WireDecoder, WireEncoder } from '../../../src/sim/frame/wire.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { BROKER_MODULES_STRINGS } from '../../../src/ui/panels/broker-modules-strings.ts';
import { INSPECTOR_STRINGS } from '../../../src/ui/panels/inspector-strings.ts';
import { haAbsence, unflushedTail } from '../../../src/ui/panels/status.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

function masterAt(timeline: { action: 'powerOffBroker' | 'crashBroker' | 'partitionBroker'; at: number }[], atMs: number): BrokerState {
  const run = new Timeline(writeReadScenario({ slaves: true, timeline: timeline.map((action) => ({ ...action, target: 'broker-a' })) }));
  run.seek(atMs);
  return run.state.brokers['broker-a/0']!;
}

describe('unflushedTail', () => {
  it('counts the messages recoverAbnormally drops at the next start, and their bytes, for a machine without power', () => {
    const master = masterAt([{ action: 'powerOffBroker', at: 25_000 }], 35_000);
    expect(unflushedTail(master)).toEqual({ bytes: master.maxPhyOffset - master.flushedPhyOffset, messages: master.commitLog.length - durableLength(master) });
    expect(unflushedTail(master)!.messages).toBe(10);
    expect(haAbsence(master)).toBe('noPower');
  });

  it('says the bytes only when the page holds too few of the latest entries to count the messages', () => {
    const master = masterAt([{ action: 'powerOffBroker', at: 25_000 }], 35_000);
    expect(master.commitLog.length - durableLength(master)).toBeGreaterThan(LOG_TAIL);
    const onPage = new WireDecoder().decode(new WireEncoder().encode(master)) as BrokerState;
    expect(onPage.commitLog.at(0)).toBeUndefined();
    expect(unflushedTail(onPage)).toEqual({ bytes: master.maxPhyOffset - master.flushedPhyOffset, messages: null });
    expect(INSPECTOR_STRINGS.en.unflushed(11_990, null)).toBe('; its last 11,990 bytes were not flushed to disk: they went with the page cache, and a restart keeps only the flushed part (CommitLog.recoverAbnormally)');
    expect(INSPECTOR_STRINGS.zh.unflushed(11_990, null)).toBe('；最后 11,990 字节尚未刷盘：它们随 page cache 一起丢失，重启后只保留已刷盘的部分（CommitLog.recoverAbnormally）');
    expect(inLanguage(BROKER_MODULES_STRINGS, 'en').unflushed('11,990', null)).toBe('Not flushed to disk: the last 11,990 bytes. They went with the page cache: a restart keeps only the flushed part (CommitLog.recoverAbnormally).');
    expect(inLanguage(BROKER_MODULES_STRINGS, 'zh').unflushed('11,990', null)).toBe('尚未刷盘：最后 11,990 字节。它们随 page cache 一起丢失：重启后只保留已刷盘的部分（CommitLog.recoverAbnormally）。');
    expect(inLanguage(BROKER_MODULES_STRINGS, 'en').unflushed('11,990', '1')).toContain('the last 1 message, 11,990 bytes');
  });

  it('says nothing for a crashed process, whose page cache the OS writes out, nor for a running broker', () => {
    const crashed = masterAt([{ action: 'crashBroker', at: 25_000 }], 35_000);
    expect(unflushedTail(crashed)).toBeNull();
    expect(haAbsence(crashed)).toBe('closed');
    const running = masterAt([], 35_000);
    expect(unflushedTail(running)).toBeNull();
    expect(haAbsence(running)).toBeNull();
  });
});
