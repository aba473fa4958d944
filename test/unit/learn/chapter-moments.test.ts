import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/simulate.ts';
import { chapterMoments } from '../../../src/sim/queries/chapter-moments.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { libraryScenario } from '../../support/library.ts';

describe('chapterMoments', () => {
  const scenario = libraryScenario('crash-partition-shutdown');
  const trace = simulate(scenario).trace;

  it('finds each event wait after the previous one, in trace order', () => {
    const registrations = trace.filter((event) => event.type === 'broker.registered' && event.broker === 'broker-b');
    const { moments, unmet } = chapterMoments(new Timeline(scenario), {
      waits: [
        { type: 'broker.registered', where: { broker: 'broker-b' } },
        { type: 'broker.registered', where: { broker: 'broker-b' } },
        { type: 'broker.registered', where: { broker: 'broker-b', first: false } },
      ],
    });
    expect(unmet).toBeNull();
    expect(moments.map((moment) => moment.t)).toEqual([
      registrations[0]!.t,
      registrations[1]!.t,
      registrations.find((event) => event.type === 'broker.registered' && !event.first)!.t,
    ]);
  });

  it('takes a time wait at its time and looks for the next event only after it', () => {
    const removal = trace.find((event) => event.type === 'broker.removed' && event.broker === 'broker-a' && event.t >= 60_000)!;
    const { moments } = chapterMoments(new Timeline(scenario), {
      waits: [{ atMs: 60_000 }, { type: 'broker.removed', where: { broker: 'broker-a' } }],
    });
    // The event's place in the run's trace, for the caption to tell it.
    expect(moments).toEqual([{ t: 60_000, msgId: null, index: null }, { t: removal.t, msgId: null, index: trace.indexOf(removal) }]);
  });

  it('names the message of the event it waited for', () => {
    const sent = trace.find((event) => event.type === 'message.sent')!;
    const { moments } = chapterMoments(new Timeline(scenario), { waits: [{ type: 'message.sent' }] });
    expect(moments).toEqual([{ t: sent.t, msgId: sent.type === 'message.sent' ? sent.msgId : null, index: trace.indexOf(sent) }]);
  });

  it('reports the first wait the run never meets', () => {
    const { moments, unmet } = chapterMoments(new Timeline(scenario), {
      waits: [{ type: 'message.sent' }, { type: 'broker.removed', where: { broker: 'broker-x' } }, { atMs: 1_000 }],
    });
    expect(moments).toHaveLength(1);
    expect(unmet).toBe(1);
  });

  it('gives the same moments on every run (the chapter lands on the same moment back, next and by link)', () => {
    const waits = [{ type: 'rebalance' as const }, { atMs: 100_000 }, { type: 'broker.removed' as const }];
    expect(chapterMoments(new Timeline(scenario), { waits })).toEqual(chapterMoments(new Timeline(scenario), { waits }));
  });
});
