import { dotRoute, dotsAt } from '../../../src/ui/panels/topology-geometry.ts';
import { topologyModel } from '../../../src/ui/panels/topology-model.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { jumpProgress } from '../../../src/viz/flight.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import { writeReadScenario } from '../panels/scenarios.ts';

describe('reduced motion: dots jump instead of flying', () => {
  it('a dot is at its start for the first half of its flight and at its end for the second', () => {
    expect([0, 0.25, 0.499].map(jumpProgress)).toEqual([0, 0, 0]);
    expect([0.5, 0.75, 1].map(jumpProgress)).toEqual([1, 1, 1]);
  });

  it('draws the same dots as flying, each only at one of its two ends', () => {
    const timeline = new Timeline(writeReadScenario());
    timeline.seek(30_000);
    const model = topologyModel(timeline.state);
    const layout = layoutTopology(model.input, 1280);
    const flying = dotsAt(timeline, layout, model.routing, 30_000, 1_000);
    const jumping = dotsAt(timeline, layout, model.routing, 30_000, 1_000, 2_000, 'jump');
    expect(jumping.map((dot) => [dot.kind, dot.opacity])).toEqual(flying.map((dot) => [dot.kind, dot.opacity]));
    // The sends of the last second: flying, they are spread along their links; jumping, each is
    // where its flight starts (the producer) or ends (its queue), so far fewer places are used.
    const sendEvents = timeline.traceSlice(0).filter((e) => e.t >= 29_000 && e.t <= 30_000 && dotRoute(e, model.routing)?.kind === 'sent');
    const places = (dots: typeof flying) => new Set(dots.filter((dot) => dot.kind === 'sent').map((dot) => `${dot.x.toFixed(1)},${dot.y.toFixed(1)}`)).size;
    expect(sendEvents.length).toBeGreaterThanOrEqual(9);
    expect(places(flying)).toBe(sendEvents.length);
    const ends = new Set(sendEvents.map((e) => (e.type === 'message.sent' ? `${e.broker}/${e.queueId}` : ''))).size;
    expect(places(jumping)).toBeLessThanOrEqual(1 + ends);
  });
});
