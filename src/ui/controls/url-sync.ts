/**
 * The address follows the run: `#s=<scenario>&t=<ms>` (with `&v=<view>` off the first tab,
 * `&w=` for a what-if, `&tq=` for the Message tab's query by topic and `&sel=` for what is selected) is rewritten with history.replaceState 300 ms after the last of a burst of moves, and
 * once a second while playing, when the page is next idle (no history entry per frame; rewriting a long address costs the
 * browser a few milliseconds), so copying the address bar shares the moment on screen. A
 * fragment typed or pasted into the address bar opens that run.
 */
import { encodeChapterLink } from '../../scenario/chapter-link.ts';
import { encodeLink } from '../../scenario/link.ts';
import { encodeSelection } from '../../scenario/selection-link.ts';
import { encodeTopicQuery } from '../../scenario/topic-query-link.ts';
import { stepMomentOf, useLesson } from '../../store/lesson.ts';
import { FIRST_TAB, useInsight } from '../../store/insight.ts';
import { playheadTarget, usePlayback } from '../../store/playback.ts';
import { useWhatIf } from '../../store/what-if.ts';
import { resolveTab } from '../insight/tabs.ts';
import { openFromHash } from './session.ts';

export const URL_SYNC_MS = 300;
export const URL_SYNC_PLAYING_MS = 1_000;

/**
 * The page's address with the current run's fragment, or null when the scenario is too large for
 * a link. In a guided chapter it names the chapter and its step, which say the scenario and the
 * moment, the answer given to the step's question, and the view. The moment is where the playhead is going: a run opened at 10 s shows 0:00 until the
 * worker's frame arrives, and a reload meanwhile must still open it at 10 s.
 */
export function currentLink(): string | null {
  const { source, scenario, selection } = usePlayback.getState();
  const timeMs = playheadTarget();
  const base = window.location.href.split('#')[0];
  const lesson = useLesson.getState();
  const { chapterId, step, answers } = lesson;
  const stepMomentMs = stepMomentOf(lesson);
  // Moved off the step's moment (scrubbed inside a lesson), the link says where: the step, then that moment.
  const off = stepMomentMs !== null && timeMs !== stepMomentMs ? { timeMs } : {};
  const answer = answers[step];
  const { tab: tabId, topicQuery } = useInsight.getState();
  const tab = resolveTab(tabId).id;
  // The first view is what a link without `v` opens: no key for it.
  const view = tab === FIRST_TAB ? {} : { v: tab };
  if (chapterId !== null) {
    return `${base}#${encodeChapterLink({ chapter: chapterId, step, ...(answer === undefined ? {} : { answer }), ...off })}${view.v ? `&v=${view.v}` : ''}`;
  }
  if (!scenario) return null;
  const change = useWhatIf.getState().change;
  const encoded = encodeLink(source, timeMs, {
    ...view, ...(change ? { w: change } : {}), ...(topicQuery ? { tq: encodeTopicQuery(topicQuery) } : {}),
  });
  if (!encoded.ok) return null;
  return `${base}#${encoded.fragment}${selection ? `&sel=${encodeSelection(selection)}` : ''}`;
}

/** The fragment of currentLink (empty when the run has no link). */
function currentFragment(): string {
  const link = currentLink();
  return link === null ? '' : link.slice(link.indexOf('#'));
}

export function writeFragmentNow(): void {
  const hash = currentFragment();
  if (hash === window.location.hash) return;
  const base = `${window.location.pathname}${window.location.search}`;
  window.history.replaceState(window.history.state, '', `${base}${hash}`);
}

/**
 * Runs `write` when the page is next idle (within `withinMs`), or at once where the browser has
 * no idle callbacks. history.replaceState with a scenario's long address costs the page's thread
 * several milliseconds: landing between a frame's arrival and its render, it delayed the panels
 * of the next seek; idle, it waits while the worker simulates.
 */
function whenIdle(write: () => void, withinMs: number): () => void {
  if (typeof window.requestIdleCallback !== 'function') {
    write();
    return () => {};
  }
  const handle = window.requestIdleCallback(write, { timeout: withinMs });
  return () => window.cancelIdleCallback(handle);
}

export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cancelIdle = () => {};
  const write = () => {
    timer = null;
    cancelIdle();
    cancelIdle = whenIdle(writeFragmentNow, URL_SYNC_PLAYING_MS);
  };
  const schedule = () => {
    // Playing, throttled: the address still follows the run. Paused, debounced: a burst of moves
    // (scrubbing, stepping, keys held down) writes the address once, after the last of them, and
    // not once per move while the next move is under way.
    if (usePlayback.getState().playing) {
      timer ??= setTimeout(write, URL_SYNC_PLAYING_MS);
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, URL_SYNC_MS);
  };
  // The moment written is where the playhead is going (currentLink): a seek's target counts too,
  // or Home during a long jump (its target 0, the playhead still at 0) left the jump's target there.
  const unsubscribe = usePlayback.subscribe((state, previous) => {
    if (state.timeMs !== previous.timeMs || state.seekTarget !== previous.seekTarget || state.source !== previous.source || state.selection !== previous.selection) schedule();
  });
  const stopFollowingLesson = useLesson.subscribe((state, previous) => {
    if (state.chapterId !== previous.chapterId || state.step !== previous.step || stepMomentOf(state) !== stepMomentOf(previous) || state.answers !== previous.answers) schedule();
  });
  const unsubscribeTab = useInsight.subscribe((state, previous) => {
    if (state.tab !== previous.tab || state.topicQuery !== previous.topicQuery) schedule();
  });
  const unsubscribeWhatIf = useWhatIf.subscribe(schedule);
  // Only a navigation fires hashchange (a pasted address, Back, Forward), never the page's own
  // replaceState: it opens the run its address names, unless that is the run on screen already.
  const onHashChange = () => {
    if (window.location.hash !== currentFragment()) openFromHash(window.location.hash);
  };
  window.addEventListener('hashchange', onHashChange);
  schedule();
  return () => {
    unsubscribe();
    stopFollowingLesson();
    unsubscribeTab();
    unsubscribeWhatIf();
    window.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
    cancelIdle();
  };
}
