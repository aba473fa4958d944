/**
 * The Insight views' questions belong to the run they were asked of, and the insight store itself
 * forgets them when the page loads another scenario (src/store/insight.ts follows the playback
 * store's `lineage`), whoever loaded it: an edit of the same run (keepSelection) keeps them.
 */
import { useInsight } from '../../../src/store/insight.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { writeReadScenario } from '../../component/panels/scenarios.ts';

const QUERY = { topic: 'TopicTest', beginMs: 20_000, endMs: 40_000 };
const LOOKUP = { by: 'key', value: 'order-3' } as const;

beforeEach(() => {
  usePlayback.getState().loadScenario(writeReadScenario({ durationMs: 60_000 }));
  useInsight.setState({ tab: 'message', lookup: LOOKUP, topicQuery: QUERY, canvasTopic: 'TopicTest' });
});

describe('the insight store and the run it was asked of', () => {
  it('forgets the lookup, the query by topic and the canvas\'s topic when another scenario is loaded, on the same tab', () => {
    usePlayback.getState().loadScenario(writeReadScenario({ durationMs: 90_000 }));
    expect(useInsight.getState()).toMatchObject({ tab: 'message', lookup: null, topicQuery: null, canvasTopic: null });
  });

  it('keeps them for an edit of the same run (keepSelection)', () => {
    usePlayback.getState().loadScenario(writeReadScenario({ durationMs: 90_000 }), 0, { keepSelection: true });
    expect(useInsight.getState()).toMatchObject({ tab: 'message', lookup: LOOKUP, topicQuery: QUERY, canvasTopic: 'TopicTest' });
  });
});
