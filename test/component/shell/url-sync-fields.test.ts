// @vitest-environment jsdom
/**
 * Every field a link is made of rewrites the address when it changes (url-sync.ts LINKED): a
 * field the link reads but the address does not follow would leave a stale moment, view or
 * selection in the address bar until something else moved.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useInsight, FIRST_TAB } from '../../../src/store/insight.ts';
import { useLesson } from '../../../src/store/lesson.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { useWhatIf } from '../../../src/store/what-if.ts';
import { openLibraryEntry } from '../../../src/ui/controls/session.ts';
import { startUrlSync, URL_SYNC_MS } from '../../../src/ui/controls/url-sync.ts';
import { freshRun } from './shell-harness.tsx';

const QUEUE = { kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 5 } as const;

/** Each linked field, changed through its store's own action, and what the address then carries. */
const CHANGES: [field: string, change: () => void, carried: RegExp][] = [
  ['the playhead', () => usePlayback.getState().seek(12_345), /&t=12345(&|$)/],
  ['the scenario', () => openLibraryEntry('read8-write4'), /^#s=/],
  ['the selection', () => usePlayback.getState().select(QUEUE), /&sel=q\.5\./],
  ['the view', () => useInsight.getState().setTab('message'), /&v=message(&|$)/],
  ['the query by topic', () => useInsight.getState().setTopicQuery({ topic: 'TopicTest', beginMs: 0, endMs: 1_000 }), /&tq=546f70696354657374\.0\.1000(&|$)/],
  ['the what-if', () => useWhatIf.getState().setChange('0~config.pollNameServerIntervalMs~10000'), /&w=/],
  ['the chapter', () => useLesson.getState().openChapter('basics'), /^#ch=basics&st=0$/],
];

describe('the address follows every field a link carries', () => {
  let stop = () => {};
  beforeEach(() => {
    freshRun();
    useInsight.setState({ tab: FIRST_TAB, topicQuery: null });
    useWhatIf.setState({ change: null });
    vi.useFakeTimers();
    stop = startUrlSync();
    vi.advanceTimersByTime(URL_SYNC_MS);
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
    useLesson.getState().closeChapter();
    useInsight.setState({ tab: FIRST_TAB, topicQuery: null });
    useWhatIf.setState({ change: null });
  });

  it.each(CHANGES)('rewrites the address when %s changes', (_field, change, carried) => {
    const before = window.location.hash;
    expect(before).toMatch(/^#s=.+&t=0$/);
    change();
    vi.advanceTimersByTime(URL_SYNC_MS);
    expect(window.location.hash).not.toBe(before);
    expect(window.location.hash).toMatch(carried);
  });
});
