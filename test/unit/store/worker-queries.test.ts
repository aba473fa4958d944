/**
 * The named queries that read the run's whole past give the same answer through the simulation's
 * worker (in-thread here: test/support/in-thread-worker.ts) as on the Timeline itself, for a
 * message so old that the page no longer holds its events nor its CommitLog entry.
 */
import type { TraceEvent } from '../../../src/model/events.ts';
import { runSimQuery, type SimQueryArgs, type SimQueryName } from '../../../src/sim/queries/index.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { getTimeline, runInWorker, usePlayback } from '../../../src/store/playback.ts';
import { RemoteRun } from '../../../src/store/remote-run.ts';
import { askSim } from '../../../src/store/sim-query.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';
import { inThreadWorker } from '../../support/in-thread-worker.ts';
import { settledAt } from '../../support/store-settled.ts';

const AT = 300_000;

/** 60 messages a second, keyed: enough trace that the page holds only its latest part by the end. */
function busyScenario() {
  const scenario = writeReadScenario({ durationMs: AT });
  scenario.producers = scenario.producers.map((producer) => ({ ...producer, ratePerSec: 60, keyPrefix: 'order' }));
  return scenario;
}

describe('queries over the whole past, through the worker', () => {
  const scenario = busyScenario();
  const local = new Timeline(scenario);
  runInWorker((listener) => new RemoteRun(inThreadWorker(), listener));

  async function sameAnswer<N extends SimQueryName>(name: N, args: SimQueryArgs<N>) {
    const answer = await askSim(name, args);
    expect(answer).toEqual(runSimQuery(local, name, args));
    return answer;
  }

  it('answer for an old message outside the page\'s tail as the Timeline does', async () => {
    usePlayback.getState().loadScenario(scenario, AT);
    await settledAt(AT);
    local.seek(AT);
    const page = getTimeline()!;
    expect(page.traceStart).toBeGreaterThan(0);
    const old = local.traceSlice(0, page.traceStart).find((event): event is Extract<TraceEvent, { type: 'message.sent' }> => event.type === 'message.sent')!;
    expect(page.traceAt(local.traceSlice(0).indexOf(old))).toBeUndefined();

    const search = await sameAnswer('traceSearch', { filter: { type: '', entity: old.msgId }, limit: 50, maxEvents: 10_000_000 });
    expect(search.complete).toBe(true);
    expect(search.rows.length).toBeGreaterThanOrEqual(3);
    for (const row of search.rows) expect(row.index).toBeLessThan(page.traceStart);

    const life = await sameAnswer('messageLife', { by: 'msgId', value: old.msgId });
    expect(life.events.map((event) => event.type)).toEqual(expect.arrayContaining(['message.sent', 'message.stored', 'send.result']));

    // The page holds the CommitLog's latest entries only; the worker finds the old one and counts the whole index.
    const pageLog = page.state.brokers['broker-a/0']!.commitLog;
    expect(pageLog.items.some((message) => message?.msgId === old.msgId)).toBe(false);
    const store = await sameAnswer('brokerStore', { broker: 'broker-a/0', msgId: old.msgId });
    expect(store!.message?.msgId).toBe(old.msgId);
    expect(store!.indexEntries).toBe(2 * local.state.brokers['broker-a/0']!.commitLog.length - local.state.brokers['broker-a/0']!.commitLog.slice(0).filter((m) => m.keys === '').length);

    // The Topic status page's last store times come from the worker's whole CommitLog too.
    const stats = await sameAnswer('dashboardStats', {});
    expect(stats.lastStoreTime['broker-a/0']!['TopicTest']!.every((time) => time !== null && time <= AT)).toBe(true);

    const queue = await sameAnswer('queueMessages', { broker: 'broker-a', topic: 'TopicTest', queueId: 3, count: 64 });
    expect(queue!.latest).toHaveLength(64);
  });
});
