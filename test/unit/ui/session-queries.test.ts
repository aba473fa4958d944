/**
 * The Message tab's questions belong to the run they were asked of (src/store/insight.ts): a newly
 * picked scenario starts without the old query by topic and the old lookup, a link's `tq` still
 * opens with its query, and an edit of the same run (a fork) keeps them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLink } from '../../../src/scenario/link.ts';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { encodeTopicQuery } from '../../../src/scenario/topic-query-link.ts';
import { FIRST_TAB, useInsight } from '../../../src/store/insight.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { openFromHash, openLibraryEntry, openSource } from '../../../src/ui/controls/session.ts';

const QUERY = { topic: 'TopicTest', beginMs: 20_000, endMs: 40_000 };

beforeEach(() => {
  useInsight.setState({ tab: FIRST_TAB, lookup: null, topicQuery: null });
  openLibraryEntry('write8-read4');
  useInsight.getState().setTab('message');
  useInsight.getState().setTopicQuery(QUERY);
});

describe('the Message tab\'s questions and a new scenario', () => {
  it('a scenario picked from the library starts without the old query by topic or lookup (TopicTest is in both), on the same tab', () => {
    useInsight.getState().setLookup({ by: 'key', value: 'order-3' });
    openLibraryEntry('read8-write4');
    expect(usePlayback.getState().libraryId).toBe('read8-write4');
    expect(useInsight.getState()).toMatchObject({ tab: 'message', topicQuery: null, lookup: null });
  });

  it('a link with tq opens with the link\'s query, over the old one', () => {
    const source = findLibraryEntry('read8-write4')!.scenario;
    const linked = { topic: 'TopicTest', beginMs: 5_000, endMs: 10_000 };
    const link = encodeLink(source, 30_000, { v: 'message', tq: encodeTopicQuery(linked) });
    if (!link.ok) throw new Error('the link should encode');
    openFromHash(`#${link.fragment}`);
    expect(useInsight.getState().topicQuery).toEqual(linked);
  });

  it('a link without tq opens without the old query', () => {
    const link = encodeLink(findLibraryEntry('read8-write4')!.scenario, 30_000, { v: 'message' });
    if (!link.ok) throw new Error('the link should encode');
    openFromHash(`#${link.fragment}`);
    expect(useInsight.getState().topicQuery).toBeNull();
  });

  it('an edit of the same run (a fork that keeps the selection) keeps the query', () => {
    const result = openSource(usePlayback.getState().source, { atMs: 10_000, keepSelection: true });
    expect(result.ok).toBe(true);
    expect(useInsight.getState().topicQuery).toEqual(QUERY);
  });
});
