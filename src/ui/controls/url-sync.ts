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
import { usePlayback } from '../../store/playback.ts';
import { useWhatIf } from '../../store/what-if.ts';
import { resolveTab } from '../insight/tabs.ts';
import { onIdle } from '../on-idle.ts';
import { openFromHash } from './session.ts';

export const URL_SYNC_MS = 300;
const URL_SYNC_PLAYING_MS = 1_000;

interface Store<S> {
  getState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

/** The fields of one store a link is made of: read now, or watched for a change to any of them. */
interface Linked<F> {
  read(): F;
  watch(onChange: () => void): () => void;
}

function linked<S, F extends object>(store: Store<S>, fields: (state: S) => F): Linked<F> {
  const differ = (now: F, before: F) => (Object.keys(now) as (keyof F)[]).some((key) => now[key] !== before[key]);
  return {
    read: () => fields(store.getState()),
    watch: (onChange) => store.subscribe((state, previous) => {
      if (differ(fields(state), fields(previous))) onChange();
    }),
  };
}

/**
 * Every store field a link is made of, said once: currentLink reads only these, and a change to
 * any of them rewrites the address (startUrlSync). The moment is where the playhead is going, so
 * a seek's target counts as well as the playhead (Home during a long jump, its target 0 with the
 * playhead still at 0, left the jump's target in the address when only the playhead counted).
 * How a link sets them again is openFromHash (./session.ts).
 */
const LINKED = [
  linked(usePlayback, ({ source, scenario, selection, timeMs, seekTarget }) => ({ source, scenario, selection, timeMs, seekTarget })),
  linked(useLesson, (lesson) => ({ chapterId: lesson.chapterId, step: lesson.step, answers: lesson.answers, stepMomentMs: stepMomentOf(lesson) })),
  linked(useInsight, ({ tab, topicQuery }) => ({ tab, topicQuery })),
  linked(useWhatIf, ({ change }) => ({ change })),
] as const;

/** What the link is made of now, from every store it reads. */
function linkFields() {
  const [playback, lesson, insight, whatIf] = LINKED;
  return { ...playback.read(), ...lesson.read(), ...insight.read(), ...whatIf.read() };
}

/**
 * The page's address with the current run's fragment, or null when the scenario is too large for
 * a link. In a guided chapter it names the chapter and its step, which say the scenario and the
 * moment, the answer given to the step's question, and the view. The moment is where the playhead is going: a run opened at 10 s shows 0:00 until the
 * worker's frame arrives, and a reload meanwhile must still open it at 10 s.
 */
export function currentLink(): string | null {
  const { source, scenario, selection, timeMs: playheadMs, seekTarget, chapterId, step, answers, stepMomentMs, tab: tabId, topicQuery, change } = linkFields();
  const timeMs = seekTarget ?? playheadMs;
  const base = window.location.href.split('#')[0];
  // Moved off the step's moment (scrubbed inside a lesson), the link says where: the step, then that moment.
  const off = stepMomentMs !== null && timeMs !== stepMomentMs ? { timeMs } : {};
  const answer = answers[step];
  const tab = resolveTab(tabId).id;
  // The first view is what a link without `v` opens: no key for it.
  const view = tab === FIRST_TAB ? {} : { v: tab };
  if (chapterId !== null) {
    return `${base}#${encodeChapterLink({ chapter: chapterId, step, ...(answer === undefined ? {} : { answer }), ...off })}${view.v ? `&v=${view.v}` : ''}`;
  }
  if (!scenario) return null;
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

export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cancelIdle = () => {};
  const write = () => {
    timer = null;
    cancelIdle();
    // history.replaceState with a scenario's long address costs the page's thread several
    // milliseconds: landing between a frame's arrival and its render, it delayed the panels of the
    // next seek; idle, it waits while the worker simulates (at once without idle callbacks).
    cancelIdle = onIdle(writeFragmentNow, { withinMs: URL_SYNC_PLAYING_MS });
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
  const unsubscribes = LINKED.map((entry) => entry.watch(schedule));
  // Only a navigation fires hashchange (a pasted address, Back, Forward), never the page's own
  // replaceState: it opens the run its address names, unless that is the run on screen already.
  const onHashChange = () => {
    if (window.location.hash !== currentFragment()) openFromHash(window.location.hash);
  };
  window.addEventListener('hashchange', onHashChange);
  schedule();
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
    cancelIdle();
  };
}
